import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { unzipSync, strFromU8 } from 'fflate'
import { afterEach, describe, expect, it } from 'vitest'
import type { Channel } from '@shared/channels'
import type { ChannelInput } from '@shared/contract'
import type { Result } from '@shared/result'
import type { Backend } from '../backend'
import { dispatch } from '../ipc/dispatch'
import { tempDir, testBackend } from '../test-support'
import { backupName, backupsToKeep, backupTime } from './backups'

const ROOT = resolve(import.meta.dirname, '../../..')
const CLI = join(ROOT, 'out/main/cli.js')
const cli = (args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' })

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`)
  return result.value
}

const backends: Backend[] = []
afterEach(async () => {
  for (const b of backends.splice(0)) await b.shutdown()
})

async function company() {
  const dataDir = tempDir()
  const backend = await testBackend(dataDir)
  backends.push(backend)
  const call = <C extends Channel>(channel: C, input: ChannelInput<C>) =>
    dispatch(backend.handlers, channel, input)
  const file = value(
    await call('files/create', {
      legalName: 'Łódź Księgowość',
      country: 'PL',
      defaultCurrency: 'PLN',
      defaultLanguage: 'pl'
    })
  )
  return { backend, call, file, dataDir }
}

describe('rotation keeps the latest 10 and the newest of each of 7 days, 4 weeks, 12 months', () => {
  const now = new Date(2026, 11, 2, 12, 0, 0)
  const at = (daysAgo: number, hour = 9) =>
    new Date(now.getFullYear(), now.getMonth(), now.getDate() - daysAgo, hour)
  it.each([
    ['the latest ten, whatever their day', [at(0, 8), at(0, 10)], [at(0, 8), at(0, 10)]],
    [
      'one a day for 30 days: the latest 10, then the newest of each week and month',
      Array.from({ length: 30 }, (_, d) => at(d)),
      [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 14, 21].map((d) => at(d))
    ],
    [
      'one a day for 400 days: at most 10 + 4 weeks + 12 months',
      Array.from({ length: 400 }, (_, d) => at(d)),
      null
    ]
  ])('%s', (_name, taken, expected) => {
    const backups = taken.map((d) => ({ name: backupName('/b/Acme.facturo', d), at: d }))
    const kept = backupsToKeep(backups, now)
    if (expected)
      expect([...kept].sort()).toEqual(expected.map((d) => backupName('/b/Acme.facturo', d)).sort())
    else {
      // days 0–9, the weeks beginning 14 and 21 days ago, and the ten months before this one and the last
      expect(kept.size).toBe(10 + 2 + 10)
      expect(kept.has(backupName('/b/Acme.facturo', at(399)))).toBe(false)
      expect(kept.has(backupName('/b/Acme.facturo', at(0)))).toBe(true)
    }
  })

  it('names a backup after the file and the moment, and reads the moment back', () => {
    const d = new Date(2026, 11, 2, 6, 15, 0)
    expect(backupName('/x/Acme.facturo', d)).toBe('Acme 2026-12-02 061500.facturo-backup')
    expect(backupTime('Acme 2026-12-02 061500.facturo-backup')).toEqual(d)
    expect(backupTime('Acme 2026-12-02 061500 (2).facturo-backup')).toEqual(d)
    expect(backupTime('notes.txt')).toBeNull()
  })
})

describe('backups of the open company file', () => {
  it('are made on open and close and on request, owner-only, and check sound', async () => {
    const { call, file } = await company()
    const first = value(await call('backups/list', {}))
    expect(first.backups).toHaveLength(1)
    const made = value(await call('backups/create', {}))
    expect(statSync(made.path).mode & 0o777).toBe(0o600)
    const check = value(await call('backups/check', { path: made.path }))
    expect(check).toMatchObject({ ok: true, integrity: 'ok', foreignKeyProblems: 0 })
    expect(check.ledger.ok).toBe(true)
    value(await call('files/close', {}))
    value(await call('files/open', { path: file.path }))
    expect(value(await call('backups/list', {})).backups.length).toBeGreaterThanOrEqual(2)
  })

  it('restore keeps the current file aside, never overwritten', async () => {
    const { call, file } = await company()
    const backup = value(await call('backups/create', {}))
    value(
      await call('customers/create', {
        name: 'Ana',
        country: 'PL',
        language: 'pl',
        currency: 'PLN'
      })
    )
    const restored = value(await call('backups/restore', { path: backup.path }))
    expect(restored.restoredTo).toBe(file.path)
    expect(existsSync(restored.keptAside)).toBe(true)
    expect(value(await call('customers/list', {})).total).toBe(0)
    value(await call('files/open', { path: restored.keptAside }))
    expect(value(await call('customers/list', {})).total).toBe(1)
  })

  it('exports every table as CSV in a ZIP, Polish letters intact', async () => {
    const { call } = await company()
    value(
      await call('customers/create', {
        name: 'Żółć Sp. z o.o.',
        country: 'PL',
        language: 'pl',
        currency: 'PLN'
      })
    )
    const dest = join(tempDir(), 'books.zip')
    const exported = value(await call('export/books', { path: dest }))
    expect(exported.path).toBe(dest)
    const files = unzipSync(readFileSync(dest))
    for (const name of [
      'customers.csv',
      'plans.csv',
      'subscriptions.csv',
      'usage_events.csv',
      'invoices.csv',
      'invoice_lines.csv',
      'payments.csv',
      'payment_reversals.csv',
      'credit_notes.csv'
    ])
      expect(Object.keys(files), name).toContain(name)
    const customers = strFromU8(files['customers.csv']!)
    expect([...files['customers.csv']!.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(customers).toMatch(/^id,/)
    expect(customers).toContain('Żółć Sp. z o.o.')
    const again = await call('export/books', { path: dest })
    expect(again.ok ? 'overwritten' : again.error.code).toBe('CONFLICT')
  })
})

describe('backup, restore, check and export from the command line', () => {
  it('works as the README says, and refuses to overwrite', () => {
    const dir = tempDir()
    const file = join(dir, 'books.facturo')
    expect(cli(['init', '--file', file, '--name', 'Biuro', '--country', 'PL']).status).toBe(0)
    const backup = join(dir, 'b.facturo-backup')
    const made = cli(['backup', '--file', file, '--out', backup])
    expect(made.stderr).toBe('')
    expect(made.stdout).toContain(`Backed up ${file} to ${backup}`)
    const checked = cli(['check', '--file', backup])
    expect(checked.status).toBe(0)
    expect(checked.stdout).toMatch(/integrity: ok\nforeign keys: ok\nledger: ok/)
    const refused = cli(['restore', backup, '--to', file])
    expect(refused.status).toBe(2)
    expect(refused.stderr).toMatch(/already exists/)
    const copy = join(dir, 'copy.facturo')
    expect(cli(['restore', backup, '--to', copy]).status).toBe(0)
    expect(statSync(copy).mode & 0o777).toBe(0o600)
    const zip = join(dir, 'books.zip')
    expect(cli(['export', '--file', copy, '--out', zip]).status).toBe(0)
    expect(Object.keys(unzipSync(readFileSync(zip)))).toContain('customers.csv')
    // a damaged file fails its check
    writeFileSync(copy, readFileSync(copy).subarray(0, 4096))
    const damaged = cli(['check', '--file', copy])
    expect(damaged.status).not.toBe(0)
  })
})
