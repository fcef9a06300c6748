import { addUsage, correctUsage, deleteUsage, listUsage } from '../books/usage'
import { problem } from '../errors'
import type { HandlerRegistry } from '../ipc/registry'
import type { HandlerContext } from './context'

/** Usage events, and the CSV imports that run in a worker thread. */
export function registerUsageHandlers(registry: HandlerRegistry, ctx: HandlerContext): void {
  const books = () => ctx.workspace.requireStore().books
  registry
    .register('usage/list', (filter) => listUsage(books(), filter))
    .register('usage/add', (input) => addUsage(books(), input))
    .register('usage/correct', (input) => correctUsage(books(), input))
    .register('usage/delete', ({ id }) => {
      deleteUsage(books(), id)
      return null
    })
    .register('usage/import', ({ kind, dataBase64, dryRun }) => {
      const store = ctx.workspace.requireStore()
      if (store.readOnly)
        throw problem(
          'READ_ONLY',
          'read_only_no_import',
          'The company file is open read-only: nothing can be imported.'
        )
      // in a worker thread with its own connection: the other channels answer meanwhile
      return ctx.jobs.run(store.path, kind, Buffer.from(dataBase64, 'base64'), dryRun)
    })
    .register('imports/progress', () => ctx.jobs.progress())
    .register('imports/cancel', () => ({ stopping: ctx.jobs.cancel() }))
}
