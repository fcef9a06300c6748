import { accessSync, constants, existsSync, readFileSync, rmSync } from 'node:fs'
import { dirname } from 'node:path'
import Sqlite from 'better-sqlite3'
import { Kysely, Migrator, SqliteDialect } from 'kysely'
import { AppError, problem } from '../errors'
import { log } from '../log'
import { createExclusively, pathForNewCompanyFile, pathOfExistingCompanyFile } from './company-path'
import { lockCompanyFile, type FileLock, type LockProgram } from './file-lock'
import { LATEST_SCHEMA_VERSION, MIGRATIONS, migrationProvider } from './migrations'
import type { Database } from './schema'
import { Books } from './sync'

/** Marks an SQLite file as a Facturo company file (PRAGMA application_id, "FCTU"). */
export const FACTURO_APPLICATION_ID = 0x46435455

export const PRAGMAS = {
  journal_mode: 'wal',
  synchronous: 'FULL',
  foreign_keys: 'ON',
  busy_timeout: 5000
} as const

/** Why a company file is open read-only, when it is. */
export type ReadOnlyReason = 'chosen' | 'file' | 'folder'

export interface CompanyStore {
  readonly path: string
  readonly sqlite: Sqlite.Database
  readonly db: Kysely<Database>
  /** The same file for synchronous, transactional work (books/). */
  readonly books: Books
  readonly schemaVersion: number
  /** Null when the file can be changed; otherwise why not (browse, print and export only). */
  readonly readOnly: ReadOnlyReason | null
  close(): Promise<void>
}

interface OpenOptions {
  create: boolean
  /** The clock of the books (tests move it). */
  now?: () => Date
  /** Open without changing anything, even where the file could be written. */
  readOnly?: boolean
  /** Who takes the file's lock (named to a second opener). */
  program?: LockProgram
  /** How long to wait for another holder of the file to let go (the command line waits). */
  lockWaitMs?: number
}

function canWrite(path: string): boolean {
  try {
    accessSync(path, constants.W_OK)
    return true
  } catch {
    return false
  }
}

/**
 * A read-only connection that writes nothing beside the file. While another process has it open
 * (its -wal and -shm exist) SQLite reads it live; otherwise the file is complete on its own and
 * is read into memory, marked as a rollback-journal database so no -wal or -shm is made for it.
 */
function openReadOnly(path: string): Sqlite.Database {
  if (existsSync(`${path}-wal`) && existsSync(`${path}-shm`))
    return new Sqlite(path, { readonly: true, fileMustExist: true })
  const image = readFileSync(path)
  if (image.length >= 20 && image[18] === 2 && image[19] === 2) image.fill(1, 18, 20)
  return new Sqlite(image, { readonly: true })
}

function applyPragmas(sqlite: Sqlite.Database): void {
  sqlite.pragma(`journal_mode = ${PRAGMAS.journal_mode}`)
  sqlite.pragma(`synchronous = ${PRAGMAS.synchronous}`)
  sqlite.pragma(`foreign_keys = ${PRAGMAS.foreign_keys}`)
  sqlite.pragma(`busy_timeout = ${PRAGMAS.busy_timeout}`)
}

/** Refuses files that are not Facturo company files before anything is written to them. */
function checkIdentity(sqlite: Sqlite.Database, path: string): void {
  let applicationId: number
  try {
    applicationId = sqlite.pragma('application_id', { simple: true }) as number
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_NOTADB') {
      throw new AppError(
        'NOT_A_COMPANY_FILE',
        `${path} is not a Facturo company file (it is not an SQLite database).`
      )
    }
    throw error
  }
  if (applicationId !== FACTURO_APPLICATION_ID) {
    throw new AppError(
      'NOT_A_COMPANY_FILE',
      `${path} is an SQLite database, but not a Facturo company file.`
    )
  }
}

/** A file from a newer Facturo has migrations this build does not know: refuse it, untouched. */
function checkNotNewer(sqlite: Sqlite.Database, path: string): void {
  const userVersion = sqlite.pragma('user_version', { simple: true }) as number
  const hasLog = sqlite
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'kysely_migration'")
    .get()
  const applied = hasLog
    ? (sqlite.prepare('SELECT name FROM kysely_migration ORDER BY name').all() as {
        name: string
      }[])
    : []
  const unknown = applied.filter((m) => !(m.name in MIGRATIONS))
  if (userVersion > LATEST_SCHEMA_VERSION || unknown.length > 0) {
    const fileVersion = Math.max(userVersion, applied.length)
    throw new AppError(
      'FILE_TOO_NEW',
      `${path} was saved by a newer version of Facturo (company file schema ${fileVersion}; this version reads up to ${LATEST_SCHEMA_VERSION}). Update Facturo to open it; the file was not changed.`
    )
  }
}

async function migrate(db: Kysely<Database>): Promise<void> {
  const migrator = new Migrator({ db, provider: migrationProvider })
  const { error, results } = await migrator.migrateToLatest()
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown'
    throw new AppError(
      'INTERNAL',
      `Updating the company file failed at migration ${failed}: ${String(error)}`
    )
  }
}

/**
 * Opens (or creates) a company file: checks it is ours and not from a newer version, takes its
 * lock (one writer at a time), sets the pragmas (WAL, synchronous FULL, foreign keys, busy
 * timeout) and brings the schema up to date. A file or folder that cannot be written is opened
 * read-only instead, and so is any file when `readOnly` is asked.
 */
export async function openCompanyStore(path: string, options: OpenOptions): Promise<CompanyStore> {
  if (options.create) return createStore(path, options)
  const real = pathOfExistingCompanyFile(path)
  const reason: ReadOnlyReason | null = options.readOnly
    ? 'chosen'
    : !canWrite(real)
      ? 'file'
      : !canWrite(dirname(real))
        ? 'folder'
        : null
  if (reason) return readOnlyStore(real, reason, options)
  const lock = await lockCompanyFile(real, options.program ?? 'app', options.lockWaitMs)
  let sqlite: Sqlite.Database | undefined
  try {
    sqlite = new Sqlite(real, { fileMustExist: true })
    checkIdentity(sqlite, real)
    checkNotNewer(sqlite, real)
    return await writableStore(real, sqlite, lock, options)
  } catch (error) {
    sqlite?.close()
    lock.release()
    throw error
  }
}

async function createStore(path: string, options: OpenOptions): Promise<CompanyStore> {
  const target = pathForNewCompanyFile(path)
  const lock = await lockCompanyFile(target, options.program ?? 'app')
  let sqlite: Sqlite.Database | undefined
  try {
    createExclusively(target)
    try {
      sqlite = new Sqlite(target, { fileMustExist: true })
      sqlite.pragma(`application_id = ${FACTURO_APPLICATION_ID}`)
      return await writableStore(target, sqlite, lock, options)
    } catch (error) {
      sqlite?.close()
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${target}${suffix}`, { force: true })
      throw error
    }
  } catch (error) {
    lock.release()
    throw error
  }
}

async function writableStore(
  path: string,
  sqlite: Sqlite.Database,
  lock: FileLock,
  options: OpenOptions
): Promise<CompanyStore> {
  applyPragmas(sqlite)
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) })
  await migrate(db)
  sqlite.pragma(`user_version = ${LATEST_SCHEMA_VERSION}`)
  return {
    path,
    sqlite,
    db,
    books: new Books(sqlite, db, options.now),
    schemaVersion: LATEST_SCHEMA_VERSION,
    readOnly: null,
    close: async () => {
      try {
        // fold the WAL back in, so a closed file is complete on its own; a full disk or a
        // failing one may refuse, and then the WAL stays beside it and is read at next open
        sqlite.pragma('wal_checkpoint(TRUNCATE)')
      } catch (error) {
        log.error(`Could not fold the WAL back into ${path}`, error)
      } finally {
        try {
          await db.destroy()
        } finally {
          if (sqlite.open) sqlite.close()
          lock.release()
        }
      }
    }
  }
}

/**
 * A second connection to a company file this process already holds (its lock and migrations
 * are the main thread's), for a worker thread: the same pragmas, nothing else. Never for a file
 * the process has not opened.
 */
export function openConnectionForWorker(path: string, now?: () => Date): Books {
  const sqlite = new Sqlite(path, { fileMustExist: true })
  applyPragmas(sqlite)
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) })
  return new Books(sqlite, db, now)
}

function readOnlyStore(path: string, reason: ReadOnlyReason, options: OpenOptions): CompanyStore {
  const sqlite = openReadOnly(path)
  try {
    checkIdentity(sqlite, path)
    checkNotNewer(sqlite, path)
    const version = sqlite.pragma('user_version', { simple: true }) as number
    if (version < LATEST_SCHEMA_VERSION)
      throw problem(
        'READ_ONLY',
        'read_only_needs_update',
        `${path} was saved by an older Facturo and must be updated before it can be read, which cannot be done while it is read-only. Open it where it can be written once.`,
        { path }
      )
    sqlite.pragma(`busy_timeout = ${PRAGMAS.busy_timeout}`)
  } catch (error) {
    sqlite.close()
    throw error
  }
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) })
  return {
    path,
    sqlite,
    db,
    books: new Books(sqlite, db, options.now),
    schemaVersion: LATEST_SCHEMA_VERSION,
    readOnly: reason,
    close: async () => {
      await db.destroy()
      if (sqlite.open) sqlite.close()
    }
  }
}
