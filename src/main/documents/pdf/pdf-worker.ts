import { parentPort } from 'node:worker_threads'
import { invoicePdf } from './render'
import type { RenderJob } from './workers'

/** One PDF rendering thread: renders each batch it is sent and posts the bytes back (transferred). */
parentPort!.on('message', ({ first, jobs }: { first: number; jobs: RenderJob[] }) => {
  void (async () => {
    try {
      const pdfs: Uint8Array[] = []
      for (const job of jobs)
        pdfs.push(
          await invoicePdf(job.invoice, job.language, {
            logo: job.logo,
            ksef: job.ksef,
            verifactu: job.verifactu,
            nfse: job.nfse
          })
        )
      parentPort!.postMessage(
        { first, pdfs },
        pdfs.map((pdf) => pdf.buffer as ArrayBuffer)
      )
    } catch (error) {
      parentPort!.postMessage({
        first,
        error: error instanceof Error ? error.message : String(error)
      })
    }
  })()
})
