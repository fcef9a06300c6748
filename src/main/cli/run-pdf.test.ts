import { execFileSync, spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { runCli } from './index'
import { billedCliFile, failure } from './test-support'

/** `invoices pdf --run`: a whole billing run as one PDF, from the command line. */

const POPPLER = spawnSync('pdftotext', ['-v']).status === 0

/** A company file with three customers billed by one run; the run's id. */
async function billedFile() {
  const { dir, file, run } = await billedCliFile(
    'code,name,country,language\nK1,Kowalski Ćwikła,PL,pl\nK2,Muñoz Ibáñez,ES,es\nK3,São João Ltda,BR,pt-BR\n',
    ['K1', 'K2', 'K3']
  )
  return { dir, file, runId: String(run.runId) }
}

describe('invoices pdf --run', () => {
  it('writes every invoice of the run into one PDF', async () => {
    const { dir, file, runId } = await billedFile()
    const out = join(dir, 'out', 'run.pdf')
    expect(await runCli(['invoices', 'pdf', '--run', runId, '--out', out, '--file', file])).toMatch(
      new RegExp(`^Wrote 3 invoices of run ${runId} to .*run\\.pdf \\(\\d+ bytes\\)\\.\\n$`)
    )
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-')
    if (POPPLER) {
      const text = execFileSync('pdftotext', ['-raw', out, '-'], { encoding: 'utf8' })
      for (const name of ['Kowalski Ćwikła', 'Muñoz Ibáñez', 'São João Ltda'])
        expect(text).toContain(name)
      expect(execFileSync('pdfinfo', [out], { encoding: 'utf8' })).toMatch(/Pages:\s+3\n/)
    }
  }, 60_000)

  it('writes a ZIP of one PDF per invoice, named by number, the same bytes as each invoice alone', async () => {
    const { dir, file, runId } = await billedFile()
    const out = join(dir, 'run.zip')
    expect(await runCli(['invoices', 'pdf', '--run', runId, '--out', out, '--file', file])).toMatch(
      new RegExp(
        `^Wrote 3 invoices of run ${runId} to .*run\\.zip, one PDF each, \\(\\d+ bytes\\)\\.\\n$`
      )
    )
    const files = unzipSync(readFileSync(out))
    // the run made drafts (the company issues them by hand): each is named by its id
    const names = Object.keys(files)
    expect(names).toEqual(['draft-1.pdf', 'draft-2.pdf', 'draft-3.pdf'])
    for (const name of names) {
      const alone = join(dir, `alone-${name}`)
      await runCli(['invoices', 'pdf', name.slice(6, -4), '--out', alone, '--file', file])
      expect(Buffer.from(files[name]!).equals(readFileSync(alone))).toBe(true)
    }
    // the same run gives the same archive
    const again = join(dir, 'again.zip')
    await runCli(['invoices', 'pdf', '--run', runId, '--out', again, '--file', file])
    expect(readFileSync(again).equals(readFileSync(out))).toBe(true)
  }, 60_000)

  it('takes an invoice or a run, exactly one, and says when the run does not exist', async () => {
    const { dir, file, runId } = await billedFile()
    const out = join(dir, 'run.pdf')
    expect(
      (await failure(['invoices', 'pdf', '--run', '99', '--out', out, '--file', file])).message
    ).toBe('There is no billing run 99.')
    expect(
      (await failure(['invoices', 'pdf', '1', '--run', runId, '--out', out, '--file', file]))
        .message
    ).toBe('invoices pdf: name an invoice (NUMBER|ID) or --run RUN_ID, not both')
    expect((await failure(['invoices', 'pdf', '--out', out, '--file', file])).message).toBe(
      'invoices pdf: name the invoice (its number or id), or a run with --run RUN_ID'
    )
    expect(
      (await failure(['invoices', 'pdf', '--run', 'last', '--out', out, '--file', file])).message
    ).toBe('invoices pdf: --run must be a billing run\'s id (a number), not "last"')
    // a run that billed nobody
    const empty = JSON.parse(
      await runCli(['run', '--as-of', '2026-01-01', '--file', file, '--json'])
    ) as { runId: number }
    const none = await failure([
      'invoices',
      'pdf',
      '--run',
      String(empty.runId),
      '--out',
      out,
      '--file',
      file
    ])
    expect(none.message).toMatch(/^Billing run \d+ made no invoices/)
    expect(none.exitCode).toBe(2)
  }, 60_000)
})
