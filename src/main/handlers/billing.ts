import type { RunUnderWay } from '@shared/books/results'
import { billingRun, lastBillingRun } from '../books/billing-run'
import { runPdf, runZip } from '../documents/pdf/merge'
import { problem } from '../errors'
import type { HandlerRegistry } from '../ipc/registry'
import type { HandlerContext } from './context'

/** Billing runs: one at a time, with its progress and a way to stop it, and its PDFs. */
export function registerBillingHandlers(registry: HandlerRegistry, ctx: HandlerContext): void {
  const books = () => ctx.workspace.requireStore().books
  /** The run under way (preview or real), for the progress bar. */
  let running: RunUnderWay | null = null
  /** Asked by billing/cancel: the run stops after the customer it is billing. */
  let stopRun = false
  registry
    .register('billing/cancel', () => {
      if (!running) return { stopping: false }
      stopRun = true
      return { stopping: true }
    })
    .register('billing/run', async ({ asOf, dryRun }) => {
      if (running)
        throw problem(
          'CONFLICT',
          'billing_run_under_way',
          'A billing run is under way; wait for it to finish.'
        )
      const progress: RunUnderWay = { asOf, dryRun, done: 0, total: 0 }
      running = progress
      stopRun = false
      try {
        return await billingRun(books(), {
          asOf,
          dryRun,
          onProgress: (done, total) => Object.assign(progress, { done, total }),
          shouldStop: () => stopRun
        })
      } finally {
        running = null
      }
    })
    .register('billing/progress', () => (running ? { ...running } : null))
    .register('billing/lastRun', () => lastBillingRun(books()))
    .register('billing/runZip', async ({ runId }) => {
      const { bytes, invoices } = await runZip(books(), runId)
      return {
        fileName: `billing-run-${runId}.zip`,
        zipBase64: Buffer.from(bytes).toString('base64'),
        invoices
      }
    })
    .register('billing/runPdf', async ({ runId }) => {
      const { bytes, invoices } = await runPdf(books(), runId)
      return {
        fileName: `billing-run-${runId}.pdf`,
        pdfBase64: Buffer.from(bytes).toString('base64'),
        invoices
      }
    })
}
