import { dirname, join, resolve } from 'node:path'
import { backupInto, backupName, checkCompanyFile, restoreBackup } from '../backups/backups'
import { exportBooks } from '../backups/export'
import { openCompanyStore } from '../store/db'
import { parseOptions } from './args'
import { cliFailure } from './books'
import { CliError } from './errors'

export const BACKUP_USAGE = `npm run cli -- backup --file books.facturo [--out BACKUP]
  npm run cli -- restore BACKUP --to books.facturo
  npm run cli -- check --file books.facturo
  npm run cli -- export --file books.facturo --out books.zip`

async function guarded<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn()
  } catch (error) {
    throw cliFailure(error)
  }
}

/** `backup`: a consistent copy of a company file, also while the app has it open. */
export async function runBackup(argv: readonly string[]): Promise<string> {
  const o = parseOptions('backup', argv, {
    file: { value: true, required: true },
    out: { value: true }
  })
  const file = resolve(o.file![0]!)
  const out = resolve(o.out?.[0] ?? join(dirname(file), backupName(file, new Date())))
  return guarded(async () => {
    const store = await openCompanyStore(file, { create: false, readOnly: true })
    try {
      await backupInto(store.sqlite, out)
    } finally {
      await store.close()
    }
    return `Backed up ${file} to ${out}.\n`
  })
}

/** `restore`: a backup copied to a new company file, checked first; never over an existing file. */
export async function runRestore(argv: readonly string[]): Promise<string> {
  const [backup, ...rest] = argv
  if (!backup || backup.startsWith('--')) throw new CliError('restore: name the backup file')
  const o = parseOptions('restore', rest, { to: { value: true, required: true } })
  const to = resolve(o.to![0]!)
  return guarded(async () => {
    const check = await restoreBackup(resolve(backup), to)
    const ledger = check.ledger.ok
      ? 'the ledger holds'
      : `the ledger does not hold: ${check.ledger.broken?.reason ?? ''}`
    return `Restored ${resolve(backup)} to ${to} (integrity ok, ${ledger}).\n`
  })
}

/** `check`: integrity, foreign keys and the ledger of a company file or backup; exit 1 if any fails. */
export async function runCheck(argv: readonly string[]): Promise<string> {
  const o = parseOptions('check', argv, {
    file: { value: true, required: true },
    json: { value: false }
  })
  const file = resolve(o.file![0]!)
  const check = await guarded(() => checkCompanyFile(file))
  if (o.json) return `${JSON.stringify(check, null, 2)}\n`
  const lines = [
    `integrity: ${check.integrity}`,
    `foreign keys: ${check.foreignKeyProblems === 0 ? 'ok' : `${check.foreignKeyProblems} broken`}`,
    `ledger: ${check.ledger.ok ? `ok (${check.ledger.entries} records)` : `broken at ${check.ledger.broken?.number ?? '?'}: ${check.ledger.broken?.reason ?? ''}`}`
  ]
  if (!check.ok) throw new CliError(`${file}: check failed\n${lines.join('\n')}`, 1)
  return `${file}: ok\n${lines.join('\n')}\n`
}

/** `export`: everything in a company file as CSV files in a ZIP. */
export async function runExport(argv: readonly string[]): Promise<string> {
  const o = parseOptions('export', argv, {
    file: { value: true, required: true },
    out: { value: true, required: true }
  })
  const file = resolve(o.file![0]!)
  const out = resolve(o.out![0]!)
  return guarded(async () => {
    const store = await openCompanyStore(file, { create: false, readOnly: true })
    try {
      const bytes = exportBooks(store.books, out)
      return `Exported ${file} to ${out} (${bytes} bytes).\n`
    } finally {
      await store.close()
    }
  })
}
