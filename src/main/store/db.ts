import { existsSync, mkdirSync, rmSync } from 'node:fs'
import { dirname } from 'node:path'
import Sqlite from 'better-sqlite3'
import { Kysely, Migrator, SqliteDialect } from 'kysely'
import { AppError } from '../errors'
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

export interface CompanyStore {
  readonly path: string
  readonly sqlite: Sqlite.Database
  readonly db: Kysely<Database>
  /** The same file for synchronous, transactional work (books/). */
  readonly books: Books
  readonly schemaVersion: number
  close(): Promise<void>
}

interface OpenOptions {
  create: boolean
  /** The clock of the books (tests move it). */
  now?: () => Date
}

function openSqlite(path: string, options: OpenOptions): Sqlite.Database {
  return new Sqlite(path, { fileMustExist: !options.create })
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
 * Opens (or creates) a company file: checks it is ours and not from a newer version, sets the
 * pragmas (WAL, synchronous FULL, foreign keys, busy timeout) and brings the schema up to date.
 */
export async function openCompanyStore(path: string, options: OpenOptions): Promise<CompanyStore> {
  if (options.create && existsSync(path)) {
    throw new AppError('CONFLICT', `A file already exists at ${path}.`)
  }
  if (!options.create && !existsSync(path)) {
    throw new AppError('NOT_FOUND', `There is no file at ${path}.`)
  }
  if (options.create) mkdirSync(dirname(path), { recursive: true })
  const sqlite = openSqlite(path, options)
  try {
    if (options.create) {
      sqlite.pragma(`application_id = ${FACTURO_APPLICATION_ID}`)
    } else {
      checkIdentity(sqlite, path)
      checkNotNewer(sqlite, path)
    }
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
      close: async () => {
        sqlite.pragma('wal_checkpoint(TRUNCATE)')
        await db.destroy()
      }
    }
  } catch (error) {
    sqlite.close()
    if (options.create) {
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true })
    }
    throw error
  }
}
