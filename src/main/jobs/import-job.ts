import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { Worker } from 'node:worker_threads'
import type { ImportProgress, ImportReport } from '@shared/books/results'
import type { AppErrorInfo } from '@shared/result'
import { AppError, problem } from '../errors'

export interface ImportJobData {
  path: string
  kind: 'customers' | 'usage'
  bytes: ArrayBuffer
  dryRun: boolean
  /** One Int32: 1 asks the worker to stop. */
  stop: SharedArrayBuffer
}

export type ImportJobMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; report: ImportReport }
  | { type: 'failed'; error: AppErrorInfo }

/** The worker's script: beside the bundle (out/main), or built there when run from the sources (tests). */
function workerScript(): string {
  const candidates = [
    join(import.meta.dirname, 'import-worker.js'),
    resolve(import.meta.dirname, '../../../out/main/import-worker.js')
  ]
  const found = candidates.find((path) => existsSync(path))
  if (!found)
    throw problem(
      'INTERNAL',
      'import_worker_missing',
      'The import worker is missing from this build.'
    )
  return found
}

/**
 * The import under way, if any: run in a worker thread (imports of 100,000 rows take seconds),
 * with its progress for the UI and a way to stop it. One at a time.
 */
export class ImportJobs {
  private current: { progress: ImportProgress; stop: Int32Array } | null = null

  get underWay(): boolean {
    return this.current !== null
  }

  progress(): ImportProgress | null {
    return this.current ? { ...this.current.progress } : null
  }

  /** Asks the import under way to stop; it rolls back and answers CANCELLED. */
  cancel(): boolean {
    if (!this.current) return false
    Atomics.store(this.current.stop, 0, 1)
    return true
  }

  run(
    path: string,
    kind: 'customers' | 'usage',
    bytes: Buffer,
    dryRun: boolean
  ): Promise<ImportReport> {
    if (this.current)
      throw problem(
        'BUSY',
        'import_already_running',
        'An import is under way; wait for it to finish or stop it.'
      )
    const stop = new SharedArrayBuffer(4)
    const copy = new Uint8Array(bytes).buffer
    const job = { progress: { kind, dryRun, done: 0, total: 0 }, stop: new Int32Array(stop) }
    this.current = job
    const data: ImportJobData = { path, kind, bytes: copy, dryRun, stop }
    return new Promise<ImportReport>((done, fail) => {
      const worker = new Worker(workerScript(), { workerData: data, transferList: [copy] })
      let settled = false
      const finish = (outcome: () => void) => {
        if (settled) return
        settled = true
        this.current = null
        outcome()
      }
      worker.on('message', (message: ImportJobMessage) => {
        if (message.type === 'progress') Object.assign(job.progress, message)
        else if (message.type === 'done') finish(() => done(message.report))
        else
          finish(() =>
            fail(
              new AppError(
                message.error.code,
                message.error.message,
                message.error.fieldErrors,
                message.error.problem
              )
            )
          )
      })
      worker.on('error', (error) => finish(() => fail(error)))
      worker.on('exit', (code) =>
        finish(() =>
          fail(
            problem(
              'INTERNAL',
              'import_worker_stopped',
              `The import worker stopped (exit code ${code}).`,
              { code }
            )
          )
        )
      )
    })
  }
}
