import { parentPort, workerData } from 'node:worker_threads'
import { importCustomersCsv, importUsageCsv } from '../books/imports'
import { expectedFailure } from '../failures'
import { openConnectionForWorker } from '../store/db'
import type { ImportJobData, ImportJobMessage } from './import-job'

/**
 * A CSV import in a worker thread, on its own connection to the company file the main thread
 * holds: the main thread goes on answering the other channels meanwhile. Posts progress, then
 * the report or the error; a stop asked through the shared flag rolls the import back.
 */
const data = workerData as ImportJobData
const post = (message: ImportJobMessage) => parentPort!.postMessage(message)
const stop = new Int32Array(data.stop)

const books = openConnectionForWorker(data.path)
try {
  const run = data.kind === 'usage' ? importUsageCsv : importCustomersCsv
  const report = run(books, new Uint8Array(data.bytes), {
    dryRun: data.dryRun,
    onProgress: (done, total) => post({ type: 'progress', done, total }),
    shouldStop: () => Atomics.load(stop, 0) === 1
  })
  post({ type: 'done', report })
} catch (error) {
  const expected = expectedFailure(error)
  post({
    type: 'failed',
    error:
      expected && expected.code !== 'INTERNAL'
        ? expected.toInfo()
        : {
            code: 'INTERNAL',
            message: `The import failed inside Facturo: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`
          }
  })
} finally {
  books.sqlite.close()
}
