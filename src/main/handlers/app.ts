import { AppError, problem } from '../errors'
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
    // desktop only: browser mode prints in the browser's own PDF viewer
    .register('app/print', async ({ fileName, pdfBase64 }) => {
      if (!ctx.platform.printPdf)
        throw problem(
          'UNSUPPORTED',
          'printDesktopOnly',
          'Printing through the OS dialog is only in the desktop app; in the browser, Print opens the PDF in its viewer'
        )
      const bytes = Buffer.from(pdfBase64, 'base64')
      if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-')
        throw problem(
          'VALIDATION',
          'printNotPdf',
          'Only a PDF can be printed: the bytes given are not one'
        )
      try {
        return { outcome: await ctx.platform.printPdf(fileName, bytes) }
      } catch (error) {
        if (error instanceof AppError) throw error
        const reason = error instanceof Error ? error.message : String(error)
        throw problem('IO_ERROR', 'printFailed', `Printing failed: ${reason}`, { reason })
      }
    })
    .register('settings/get', () => ({ language: ctx.appState.get().language }))
    .register('settings/update', (input) => {
      const state = ctx.appState.update({ language: input.language })
      ctx.platform.languageChanged?.(state.language)
      return { language: state.language }
    })
}
