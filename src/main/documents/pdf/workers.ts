import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { Worker } from 'node:worker_threads'
import type { InvoiceView } from '@shared/books/invoices'
import type { Language } from '@shared/languages'

/**
 * Renders many invoices at once across worker threads (pdf-worker.ts), one per core: a whole
 * billing run's PDFs, or the benchmark. Each worker renders a batch at a time and posts the
 * bytes back transferred, so the main thread only hands out work.
 */

export interface RenderJob {
  invoice: InvoiceView
  language: Language
  /** The logo the invoice names, its bytes (a worker has no company file to read). */
  logo?: Uint8Array
  /** KSeF's KOD I, read from the file beforehand for the same reason. */
  ksef?: { url: string; label: string; splitPayment?: boolean } | null
  /** The AEAT's VERI*FACTU QR, likewise. */
  verifactu?: { url: string } | null
  /** The NFS-e recorded on the invoice, likewise. */
  nfse?: { number: string; accessKey: string } | null
}

const BATCH = 16

/** The worker's script beside the bundle (out/main), found from any chunk or from the sources. */
function workerScript(): string {
  for (let dir = import.meta.dirname, up = 0; up < 5; up++, dir = dirname(dir)) {
    for (const candidate of [join(dir, 'pdf-worker.js'), join(dir, 'out', 'main', 'pdf-worker.js')])
      if (existsSync(candidate)) return candidate
  }
  throw new Error('The PDF worker is missing from this build (out/main/pdf-worker.js)')
}

type Reply = { first: number; pdfs: Uint8Array[] } | { first: number; error: string }

/** Worker threads kept open for rendering; `close` ends them. */
export interface RenderPool {
  render(jobs: RenderJob[]): Promise<Uint8Array[]>
  close(): Promise<void>
}

export function renderPool(threads: number): RenderPool {
  const script = workerScript()
  const workers = Array.from({ length: Math.max(1, threads) }, () => new Worker(script))
  return {
    async render(jobs) {
      const results: Uint8Array[] = new Array(jobs.length)
      let next = 0
      const drive = (worker: Worker) =>
        new Promise<void>((done, fail) => {
          const give = () => {
            if (next >= jobs.length) {
              worker.off('message', onMessage)
              worker.off('error', fail)
              done()
              return
            }
            const first = next
            next = Math.min(jobs.length, next + BATCH)
            worker.postMessage({ first, jobs: jobs.slice(first, next) })
          }
          const onMessage = (reply: Reply) => {
            if ('error' in reply) {
              worker.off('message', onMessage)
              fail(new Error(reply.error))
              return
            }
            reply.pdfs.forEach((pdf, i) => (results[reply.first + i] = pdf))
            give()
          }
          worker.on('message', onMessage)
          worker.on('error', fail)
          give()
        })
      await Promise.all(workers.map(drive))
      return results
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()))
    }
  }
}

/** The PDFs of `jobs`, in their order, rendered by `threads` workers started for them. */
export async function renderInWorkers(jobs: RenderJob[], threads: number): Promise<Uint8Array[]> {
  const pool = renderPool(threads)
  try {
    return await pool.render(jobs)
  } finally {
    await pool.close()
  }
}
