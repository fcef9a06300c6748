import type { HandlerRegistry } from '../ipc/registry'
import { getCompany, updateCompany } from '../store/repos/company'
import type { HandlerContext } from './context'

export function registerCompanyHandlers(registry: HandlerRegistry, ctx: HandlerContext): void {
  registry
    .register('company/get', () => getCompany(ctx.workspace.requireStore().books))
    .register('company/update', (profile) =>
      updateCompany(ctx.workspace.requireStore().books, profile)
    )
}
