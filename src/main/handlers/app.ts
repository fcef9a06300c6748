import type { HandlerRegistry } from '../ipc/registry'
import { LATEST_SCHEMA_VERSION } from '../store/migrations'
import type { HandlerContext } from './context'

export function registerAppHandlers(registry: HandlerRegistry, ctx: HandlerContext): void {
  registry
    .register('app/info', () => ({
      name: ctx.app.name,
      version: ctx.app.version,
      schemaVersion: LATEST_SCHEMA_VERSION,
      dataDir: ctx.workspace.dataDir,
      nativeDialogs: ctx.platform.nativeDialogs
    }))
    .register('settings/get', () => ({ language: ctx.appState.get().language }))
    .register('settings/update', (input) => {
      const state = ctx.appState.update({ language: input.language })
      ctx.platform.languageChanged?.(state.language)
      return { language: state.language }
    })
}
