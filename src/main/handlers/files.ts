import { problem } from '../errors'
import type { HandlerRegistry } from '../ipc/registry'
import type { HandlerContext } from './context'

export function registerFileHandlers(registry: HandlerRegistry, ctx: HandlerContext): void {
  const { workspace, platform } = ctx
  registry
    .register('files/current', () => workspace.current())
    .register('files/list', () => workspace.list())
    .register('files/create', async ({ path, ...company }) => {
      const opened = await workspace.create(company, path)
      platform.filesChanged?.()
      return opened
    })
    .register('files/open', async ({ path, readOnly }) => {
      const opened = await workspace.open(path, { readOnly })
      platform.filesChanged?.()
      return opened
    })
    .register('files/close', async () => {
      await workspace.closeAndForget()
      platform.filesChanged?.()
      return null
    })
    .register('files/browse', async ({ mode, suggestedName }) => {
      if (!platform.browse) {
        throw problem(
          'UNSUPPORTED',
          'no_file_dialogs',
          'File dialogs exist only in the desktop app; type the path instead.'
        )
      }
      return { path: await platform.browse(mode, suggestedName) }
    })
}
