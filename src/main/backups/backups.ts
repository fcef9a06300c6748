import {
  chmodSync,
  closeSync,
  copyFileSync,
  constants,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync
} from 'node:fs'
import { basename, dirname, join } from 'node:path'
import type Sqlite from 'better-sqlite3'
import type { BackupCheck, BackupFile } from '@shared/backups'
import { COMPANY_FILE_EXTENSION } from '@shared/files'
import { verifyChains } from '../books/chains'
import { problem } from '../errors'
import {
  PRIVATE_FILE_MODE,
  PRIVATE_FOLDER_MODE,
  pathForNewCompanyFile
} from '../store/company-path'
import { openCompanyStore } from '../store/db'

/**
 * Backups of company files: complete copies made with SQLite's online backup API (consistent
 * while the file is open and being written), owner-only, named after the file and the moment,
 * kept with a rotation (the latest 10, and the newest of each of the last 7 days, 4 weeks and 12
 * months).
 */

export const BACKUP_EXTENSION = '.facturo-backup'

/** "Acme 2026-12-02 061500.facturo-backup": sorts by time, says when. */
export function backupName(companyFile: string, at: Date): string {
  const stem = basename(companyFile, COMPANY_FILE_EXTENSION)
  const pad = (n: number) => String(n).padStart(2, '0')
  const day = `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`
  const time = `${pad(at.getHours())}${pad(at.getMinutes())}${pad(at.getSeconds())}`
  return `${stem} ${day} ${time}${BACKUP_EXTENSION}`
}

const NAME_TIME = / (\d{4})-(\d{2})-(\d{2}) (\d{2})(\d{2})(\d{2})(?: \(\d+\))?\.facturo-backup$/

/** When a backup was taken, from its name (local time), or null for another file. */
export function backupTime(fileName: string): Date | null {
  const m = NAME_TIME.exec(fileName)
  if (!m) return null
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number
  ]
  return new Date(y, mo - 1, d, h, mi, s)
}

/** How many of the latest backups are kept whatever their day. */
export const KEEP_LATEST = 10

/**
 * Which backups rotation keeps: the latest KEEP_LATEST, and the newest of each of the last 7 days, of each of the last 4
 * ISO-like weeks (7-day spans counted back from now) and of each of the last 12 months. Pure.
 */
export function backupsToKeep(
  backups: readonly { name: string; at: Date }[],
  now: Date
): Set<string> {
  const newestFirst = [...backups].sort((a, b) => b.at.getTime() - a.at.getTime())
  // the latest few whatever their day, so "Back up now" never removes this morning's backup
  const keep = new Set<string>(newestFirst.slice(0, KEEP_LATEST).map((b) => b.name))
  const dayMs = 24 * 60 * 60 * 1000
  const startOfToday = new Date(now.getFullYear(), now.getMonth(), now.getDate()).getTime()
  const buckets: [string, number][] = []
  for (const b of newestFirst) {
    const t = b.at.getTime()
    const daysAgo = Math.floor(
      (startOfToday - new Date(b.at.getFullYear(), b.at.getMonth(), b.at.getDate()).getTime()) /
        dayMs
    )
    const monthsAgo =
      (now.getFullYear() - b.at.getFullYear()) * 12 + (now.getMonth() - b.at.getMonth())
    const slots: [string, boolean][] = [
      [`day:${daysAgo}`, daysAgo < 7],
      [`week:${Math.floor(Math.max(daysAgo, 0) / 7)}`, daysAgo < 28],
      [`month:${monthsAgo}`, monthsAgo < 12]
    ]
    for (const [slot, inRange] of slots) {
      if (inRange && !buckets.some(([s]) => s === slot)) {
        buckets.push([slot, t])
        keep.add(b.name)
      }
    }
  }
  return keep
}

/** The backups of one company file in a folder, newest first. */
export function listBackups(folder: string): BackupFile[] {
  if (!existsSync(folder)) return []
  return readdirSync(folder)
    .map((name) => ({ name, at: backupTime(name) }))
    .filter((b): b is { name: string; at: Date } => b.at !== null)
    .sort((a, b) => b.at.getTime() - a.at.getTime())
    .map((b) => {
      const path = join(folder, b.name)
      return { path, fileName: b.name, takenAt: b.at.toISOString(), bytes: statSync(path).size }
    })
}

/** The folder where a company file's backups go, inside the backups folder. */
export const backupFolderFor = (root: string, companyFile: string): string =>
  join(root, basename(companyFile, COMPANY_FILE_EXTENSION))

function freeBackupPath(folder: string, name: string): string {
  let candidate = join(folder, name)
  for (let n = 2; existsSync(candidate); n++)
    candidate = join(folder, name.replace(BACKUP_EXTENSION, ` (${n})${BACKUP_EXTENSION}`))
  return candidate
}

/**
 * Copies an open company file into `dest` (a new file, never over another), with SQLite's
 * online backup: a consistent copy even while the file is being written. Written beside as a
 * temporary file first, so a failure leaves no half backup.
 */
export async function backupInto(sqlite: Sqlite.Database, dest: string): Promise<string> {
  if (existsSync(dest))
    throw problem('CONFLICT', 'file_exists', `A file already exists at ${dest}.`, { path: dest })
  mkdirSync(dirname(dest), { recursive: true, mode: PRIVATE_FOLDER_MODE })
  const tmp = `${dest}.partial-${process.pid}`
  try {
    closeSync(openSync(tmp, 'wx', PRIVATE_FILE_MODE))
    await sqlite.backup(tmp)
    chmodSync(tmp, PRIVATE_FILE_MODE)
    renameSync(tmp, dest)
  } finally {
    rmSync(tmp, { force: true })
  }
  return dest
}

/** A backup of an open company file into its folder under `root`, then rotation. */
export async function backUp(
  sqlite: Sqlite.Database,
  companyFile: string,
  root: string,
  now = new Date()
): Promise<BackupFile> {
  const folder = backupFolderFor(root, companyFile)
  const dest = freeBackupPath(folder, backupName(companyFile, now))
  await backupInto(sqlite, dest)
  const all = listBackups(folder)
  const keep = backupsToKeep(
    all.map((b) => ({ name: b.fileName, at: new Date(b.takenAt) })),
    now
  )
  for (const b of all) if (!keep.has(b.fileName)) rmSync(b.path, { force: true })
  return listBackups(folder).find((b) => b.path === dest)!
}

/**
 * Checks a company file or a backup without changing it: SQLite's integrity check, foreign
 * keys, and the ledger of issued documents (every hash recomputed).
 */
export async function checkCompanyFile(path: string): Promise<BackupCheck> {
  const store = await openCompanyStore(path, { create: false, readOnly: true })
  try {
    const integrity = (store.sqlite.pragma('integrity_check') as { integrity_check: string }[]).map(
      (r) => r.integrity_check
    )
    const foreignKeys = (store.sqlite.pragma('foreign_key_check') as unknown[]).length
    const ledger = verifyChains(store.books)
    const integrityOk = integrity.length === 1 && integrity[0] === 'ok'
    return {
      ok: integrityOk && foreignKeys === 0 && ledger.ok,
      integrity: integrityOk ? 'ok' : integrity.slice(0, 20).join('; '),
      foreignKeyProblems: foreignKeys,
      ledger
    }
  } finally {
    await store.close()
  }
}

/**
 * Restores a backup to `to`, which must not exist (nothing is ever overwritten). The backup is
 * checked first; the copy is owner-only.
 */
export async function restoreBackup(backup: string, to: string): Promise<BackupCheck> {
  const check = await checkCompanyFile(backup)
  if (check.integrity !== 'ok')
    throw problem(
      'FILE_DAMAGED',
      'backup_damaged',
      `${backup} is damaged (${check.integrity}); choose another backup.`,
      { path: backup, integrity: check.integrity }
    )
  const target = pathForNewCompanyFile(to)
  copyFileSync(backup, target, constants.COPYFILE_EXCL)
  chmodSync(target, PRIVATE_FILE_MODE)
  return check
}

/** "Acme (before restore 2026-12-02 061500).facturo": where the current file goes aside. */
export function asidePath(companyFile: string, at: Date): string {
  const stem = basename(companyFile, COMPANY_FILE_EXTENSION)
  const stamp = backupName('x', at).slice(2, -BACKUP_EXTENSION.length)
  let candidate = join(
    dirname(companyFile),
    `${stem} (before restore ${stamp})${COMPANY_FILE_EXTENSION}`
  )
  for (let n = 2; existsSync(candidate); n++)
    candidate = join(
      dirname(companyFile),
      `${stem} (before restore ${stamp} ${n})${COMPANY_FILE_EXTENSION}`
    )
  return candidate
}
