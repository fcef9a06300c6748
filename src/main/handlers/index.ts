import { HandlerRegistry, type HandlerTable } from '../ipc/registry'
import { registerAppHandlers } from './app'
import { registerCompanyHandlers } from './company'
import type { HandlerContext } from './context'
import { registerFileHandlers } from './files'
import { registerCatalogHandlers } from './catalog'
import { registerCustomerHandlers } from './customers'
import { registerInvoiceHandlers } from './invoices'
import { registerBackupHandlers } from './backups'
import { registerSubscriptionHandlers } from './subscriptions'

export type { HandlerContext, Platform } from './context'

/** The handler table of the whole app, served by Electron IPC and by browser mode alike. */
export function createHandlers(ctx: HandlerContext): HandlerTable {
  const registry = new HandlerRegistry()
  registerAppHandlers(registry, ctx)
  registerFileHandlers(registry, ctx)
  registerCompanyHandlers(registry, ctx)
  registerCustomerHandlers(registry, ctx)
  registerCatalogHandlers(registry, ctx)
  registerSubscriptionHandlers(registry, ctx)
  registerInvoiceHandlers(registry, ctx)
  registerBackupHandlers(registry, ctx)
  return registry.table()
}
