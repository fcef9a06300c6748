import { spawn } from 'node:child_process'
import { copyFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import Sqlite from 'better-sqlite3'
import { beforeAll, describe, expect, it } from 'vitest'
import { openCompanyStore } from '../store/db'
import { tempDir } from '../test-support'
import { billingRun } from './billing-run'
import { buildCrashFixture } from './crash-fixture'

// A child process runs a large billing run through the command line and is killed with SIGKILL
// at a random moment. Afterwards the file must be sound, hold no duplicate invoice and no gap in
// the issued numbers, and finishing the run must give exactly the invoices of an uninterrupted run.
// CRASH_TRIALS sets how many kills (npm run test:crash runs 100).

const ROOT = resolve(import.meta.dirname, '../../..')
const TRIALS = Number(process.env.CRASH_TRIALS ?? 20)
const CUSTOMERS = 300
const AS_OF = '2026-04-01'

function runChild(
  file: string,
  killAfterMs?: number
): Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number }> {
  const started = performance.now()
  const child = spawn(
    process.execPath,
    [join(ROOT, 'out/main/cli.js'), 'run', '--file', file, '--as-of', AS_OF],
    { stdio: 'ignore' }
  )
  const timer =
    killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), killAfterMs)
  return new Promise((done) =>
    child.on('exit', (code, signal) => {
      clearTimeout(timer)
      done({ code, signal, ms: performance.now() - started })
    })
  )
}

/** What the invoices are, regardless of when they were issued: customer, bill date, total, lines. */
function signature(file: string): string[] {
  const db = new Sqlite(file, { readonly: true })
  try {
    const rows = db
      .prepare(
        `SELECT c.code, i.bill_date, i.total, i.status, (SELECT COUNT(*) FROM invoice_lines l WHERE l.invoice_id = i.id) AS lines
         FROM invoices i JOIN customers c ON c.id = i.customer_id ORDER BY c.code, i.bill_date`
      )
      .all() as { code: string; bill_date: string; total: number; status: string; lines: number }[]
    return rows.map((r) => `${r.code} ${r.bill_date} ${r.total} ${r.status} ${r.lines}`)
  } finally {
    db.close()
  }
}

function checkSound(file: string, where: string): { invoices: number } {
  const db = new Sqlite(file, { readonly: true })
  try {
    expect(db.pragma('integrity_check', { simple: true }), where).toBe('ok')
    const duplicates = db
      .prepare(
        'SELECT customer_id, bill_date, COUNT(*) AS n FROM invoices GROUP BY customer_id, bill_date, currency HAVING n > 1'
      )
      .all()
    expect(duplicates, where).toEqual([])
    const seqs = (
      db
        .prepare(
          "SELECT seq FROM invoices WHERE status = 'issued' AND series_id = 'INV' ORDER BY seq"
        )
        .all() as { seq: number }[]
    ).map((r) => r.seq)
    expect(seqs, `${where}: issued numbers`).toEqual(seqs.map((_, i) => i + 1))
    const drafts = db
      .prepare("SELECT COUNT(*) AS n FROM invoices WHERE status = 'draft'")
      .get() as { n: number }
    expect(drafts.n, `${where}: drafts`).toBe(0)
    return { invoices: seqs.length }
  } finally {
    db.close()
  }
}

async function finish(file: string): Promise<void> {
  const store = await openCompanyStore(file, { create: false })
  await billingRun(store.books, { asOf: AS_OF, dryRun: false })
  await store.close()
}

describe('a billing run killed with SIGKILL', () => {
  let template: string
  let reference: string[]
  let fullRunMs: number

  beforeAll(async () => {
    template = join(tempDir(), 'template.facturo')
    await buildCrashFixture(template, CUSTOMERS)
    const uninterrupted = join(tempDir(), 'uninterrupted.facturo')
    copyFileSync(template, uninterrupted)
    const run = await runChild(uninterrupted)
    expect(run.code).toBe(0)
    fullRunMs = run.ms
    reference = signature(uninterrupted)
    expect(reference).toHaveLength(CUSTOMERS * 4)
    expect(checkSound(uninterrupted, 'uninterrupted run').invoices).toBe(CUSTOMERS * 4)
  }, 120_000)

  it(`leaves a sound file and finishes to the same invoices (${TRIALS} random kills)`, async () => {
    const trials: string[] = []
    let interrupted = 0
    let midway = 0
    for (let trial = 0; trial < TRIALS; trial++) {
      const file = join(tempDir(), `trial-${trial}.facturo`)
      copyFileSync(template, file)
      // kill somewhere between start-up and the end of a full run
      const span = Math.round(fullRunMs)
      const at = Math.round(span * (0.15 + 0.8 * Math.random()))
      const run = await runChild(file, at)
      if (run.signal === 'SIGKILL') interrupted++
      // a run that ended before its kill was faster than the reference: aim the next ones earlier
      else if (run.code === 0) fullRunMs = Math.min(fullRunMs, run.ms)
      const where = `trial ${trial}, killed at ${at} ms of ${span} (${run.signal ?? `exit ${run.code}`})`
      const { invoices } = checkSound(file, where)
      trials.push(`${where}: ${invoices} invoices`)
      expect(invoices, where).toBeLessThanOrEqual(CUSTOMERS * 4)
      if (invoices > 0 && invoices < CUSTOMERS * 4) midway++
      await finish(file)
      checkSound(file, `${where}, then finished`)
      expect(signature(file), `${where}, then finished`).toEqual(reference)
    }
    // the kills must land while the run is under way, or the test proves nothing
    expect(interrupted, trials.join('\n')).toBeGreaterThanOrEqual(Math.ceil(TRIALS * 0.8))
    expect(midway, trials.join('\n')).toBeGreaterThanOrEqual(Math.ceil(TRIALS / 2))
  }, 600_000)
})
