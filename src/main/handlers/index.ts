import { registerComplianceHandlers } from './compliance'
import { CHANNELS, READ_CHANNELS, type Channel } from '@shared/channels'
import { problem } from '../errors'
import { ImportJobs } from '../jobs/import-job'
import { HandlerRegistry, type HandlerTable } from '../ipc/registry'
import { registerAppHandlers } from './app'
import { registerCompanyHandlers } from './company'
import type { HandlerContext } from './context'
import { registerFileHandlers } from './files'
import { registerCatalogHandlers } from './catalog'
import { registerCustomerHandlers } from './customers'
import { registerInvoiceHandlers } from './invoices'
import { registerUsageHandlers } from './usage'
import { registerBillingHandlers } from './billing'
import { registerPaymentHandlers } from './payments'
import { registerBackupHandlers } from './backups'
import { registerEmailHandlers } from './email'
import { registerSubscriptionHandlers } from './subscriptions'

export type { HandlerContext, Platform } from './context'

/** The handler table of the whole app, served by Electron IPC and by browser mode alike. */
export function createHandlers(context: Omit<HandlerContext, 'jobs'>): HandlerTable {
  const ctx: HandlerContext = { ...context, jobs: new ImportJobs() }
  const registry = new HandlerRegistry()
  registerAppHandlers(registry, ctx)
  registerFileHandlers(registry, ctx)
  registerCompanyHandlers(registry, ctx)
  registerCustomerHandlers(registry, ctx)
  registerCatalogHandlers(registry, ctx)
  registerSubscriptionHandlers(registry, ctx)
  registerUsageHandlers(registry, ctx)
  registerBillingHandlers(registry, ctx)
  registerInvoiceHandlers(registry, ctx)
  registerPaymentHandlers(registry, ctx)
  registerBackupHandlers(registry, ctx)
  registerEmailHandlers(registry, ctx)
  registerComplianceHandlers(registry, ctx)
  return whileImporting(registry.table(), ctx.jobs)
}

/**
 * While an import has the company file to itself (its transaction holds SQLite's write lock in a
 * worker), channels that would write are answered BUSY at once instead of waiting on the lock.
 */
function whileImporting(table: HandlerTable, jobs: ImportJobs): HandlerTable {
  const guarded = { ...table } as Record<Channel, (input: never) => unknown>
  for (const channel of CHANNELS) {
    if (READ_CHANNELS.has(channel)) continue
    const handler = table[channel] as (input: never) => unknown
    guarded[channel] = (input: never) => {
      if (jobs.underWay)
        throw problem(
          'BUSY',
          'import_under_way',
          'An import is under way: this can be done when it has finished (or been stopped).'
        )
      return handler(input)
    }
  }
  return guarded as HandlerTable
}
