import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs'
import { basename, join } from 'node:path'
import { NEW_COMPANY_DEFAULTS, type NewCompany } from '@shared/company'
import { COMPANY_FILE_EXTENSION, type CompanyFileList, type OpenCompanyFile } from '@shared/files'
import type { AppStateStore } from './app-state'
import { AppError, problem } from './errors'
import { expectedFailure } from './failures'
import { BackupService } from './backups/service'
import { log } from './log'
import { COMPANIES_FOLDER } from './paths'
import { openCompanyStore, type CompanyStore } from './store/db'
import { pathOfExistingCompanyFile } from './store/company-path'
import type { LockProgram } from './store/file-lock'
import { closeInterruptedRuns } from './books/billing-run'
import { seedNewCompany } from './books/seed'
import { getCompany, insertCompany } from './store/repos/company'

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i

/** A file name for a company: letters, digits, spaces and - _ . kept; anything else becomes "-". */
export function fileNameFor(companyName: string): string {
  const cleaned = companyName
    .normalize('NFC')
    .replace(/[^\p{L}\p{N} _.-]+/gu, '-')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.-]+|[\s.-]+$/g, '')
    .slice(0, 80)
  const base =
    cleaned === '' || WINDOWS_RESERVED.test(cleaned) ? `Company ${cleaned}`.trim() : cleaned
  return `${base}${COMPANY_FILE_EXTENSION}`
}

/** The first free path for a name in a folder: "Acme.facturo", then "Acme (2).facturo", ... */
export function freePath(folder: string, fileName: string): string {
  const stem = fileName.slice(0, -COMPANY_FILE_EXTENSION.length)
  let candidate = join(folder, fileName)
  for (let n = 2; existsSync(candidate); n++) {
    candidate = join(folder, `${stem} (${n})${COMPANY_FILE_EXTENSION}`)
  }
  return candidate
}

interface WorkspaceOptions {
  dataDir: string
  appState: AppStateStore
  /** Who holds the files this workspace opens (named to a second opener). */
  program?: LockProgram
  now?: () => Date
}

/** The company file that is open now (at most one), and the files the user has worked with. */
export class Workspace {
  readonly dataDir: string
  readonly companiesDir: string
  private readonly appState: AppStateStore
  private readonly now: () => Date
  private readonly program: LockProgram
  private readonly backups: BackupService
  private store: CompanyStore | null = null
  private reopenProblem: CompanyFileList['reopenProblem'] = null

  constructor(options: WorkspaceOptions) {
    this.dataDir = options.dataDir
    this.companiesDir = join(options.dataDir, COMPANIES_FOLDER)
    this.appState = options.appState
    this.now = options.now ?? (() => new Date())
    this.program = options.program ?? 'app'
    this.backups = new BackupService(options.dataDir, options.appState, this.now)
  }

  /** The open company file's store; handlers that need books call this. */
  requireStore(): CompanyStore {
    if (!this.store)
      throw problem(
        'NO_COMPANY_FILE',
        'no_company_file',
        'No company file is open. Create or open one first.'
      )
    return this.store
  }

  async current(): Promise<OpenCompanyFile | null> {
    return this.store ? this.describe(this.store) : null
  }

  private async describe(store: CompanyStore): Promise<OpenCompanyFile> {
    const company = getCompany(store.books)
    return {
      path: store.path,
      fileName: basename(store.path),
      companyName: company.legalName,
      schemaVersion: store.schemaVersion,
      readOnly: store.readOnly
    }
  }

  private async adopt(store: CompanyStore): Promise<OpenCompanyFile> {
    await this.close()
    this.reopenProblem = null
    this.store = store
    await this.backups.automatic(store, 'open')
    if (!store.readOnly) this.backups.startDaily(store)
    const described = await this.describe(store)
    this.appState.rememberOpened(store.path, described.companyName, this.now())
    return described
  }

  async open(path: string, options: { readOnly?: boolean } = {}): Promise<OpenCompanyFile> {
    const real = pathOfExistingCompanyFile(path)
    if (this.store?.path === real && Boolean(this.store.readOnly) === Boolean(options.readOnly))
      return this.describe(this.store)
    if (this.store?.path === real) await this.close()
    let store: CompanyStore
    try {
      store = await openCompanyStore(real, {
        create: false,
        now: this.now,
        program: this.program,
        readOnly: options.readOnly
      })
    } catch (error) {
      throw this.withLatestBackup(real, error)
    }
    if (!store.readOnly) closeInterruptedRuns(store.books)
    return this.adopt(store)
  }

  /** A damaged file's error names its latest backup, so the user knows what to restore. */
  private withLatestBackup(path: string, error: unknown): unknown {
    const expected = expectedFailure(error)
    if (expected?.code !== 'FILE_DAMAGED') return error
    const latest = this.backups.list(path).backups[0]
    return latest
      ? problem(
          'FILE_DAMAGED',
          'damaged_with_backup',
          `${path} is damaged. Its latest backup is ${latest.path} (${latest.takenAt}): restore it from Settings › Backups, or with \`restore\` on the command line.`,
          { path, backup: latest.path, takenAt: latest.takenAt }
        )
      : expected
  }

  /** Creates a company file (in the default folder unless a path is given) and opens it. */
  async create(company: NewCompany, path?: string): Promise<OpenCompanyFile> {
    if (path === undefined) mkdirSync(this.companiesDir, { recursive: true, mode: 0o700 })
    const target = path ?? freePath(this.companiesDir, fileNameFor(company.legalName))
    const store = await openCompanyStore(target, {
      create: true,
      now: this.now,
      program: this.program
    })
    try {
      store.books.tx(() => {
        insertCompany(store.books, company)
        seedNewCompany(store.books, company.country, NEW_COMPANY_DEFAULTS.invoiceNumberFormat)
      })
    } catch (error) {
      // nothing half-made is left behind
      await store.close()
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${store.path}${suffix}`, { force: true })
      throw error
    }
    return this.adopt(store)
  }

  /**
   * Restores a backup in place of the open file: the file is closed (with a last backup), moved
   * aside (never overwritten or deleted), the backup copied to its path and opened. If the copy
   * fails, the file is moved back and reopened.
   */
  async restore(original: string, aside: string, copy: () => Promise<unknown>): Promise<void> {
    await this.close()
    renameSync(original, aside)
    try {
      await copy()
    } catch (error) {
      renameSync(aside, original)
      await this.open(original)
      throw error
    }
    await this.open(original)
  }

  /** The open file's backups (Settings › Backups). */
  get backupService(): BackupService {
    return this.backups
  }

  async close(): Promise<void> {
    const store = this.store
    if (!store) return
    this.backups.stopDaily()
    await this.backups.automatic(store, 'close')
    // the store is dropped only once it is closed (its lock released), whatever happens
    try {
      await store.close()
    } finally {
      this.store = null
    }
  }

  /** Closes the open file and forgets it as the one to reopen. */
  async closeAndForget(): Promise<void> {
    await this.close()
    this.appState.update({ lastFile: null })
  }

  list(): CompanyFileList {
    const recent = this.appState.get().recentFiles.map((r) => ({
      path: r.path,
      fileName: basename(r.path),
      companyName: r.companyName,
      openedAt: r.openedAt,
      exists: existsSync(r.path)
    }))
    const inDefaultFolder = existsSync(this.companiesDir)
      ? readdirSync(this.companiesDir)
          .filter((name) => name.endsWith(COMPANY_FILE_EXTENSION))
          .sort((a, b) => a.localeCompare(b))
          .map((name) => ({ path: join(this.companiesDir, name), fileName: name }))
      : []
    return {
      defaultFolder: this.companiesDir,
      recent,
      inDefaultFolder,
      reopenProblem: this.reopenProblem
    }
  }

  /** Reopens the file the user had open last time; a failure leaves the start screen, not a crash. */
  async resumeLastFile(): Promise<void> {
    const last = this.appState.get().lastFile
    if (!last) return
    try {
      await this.open(last)
    } catch (error) {
      log.error(`Could not reopen ${last}`, error)
      const message = error instanceof Error ? error.message : String(error)
      this.reopenProblem = {
        path: last,
        code: error instanceof AppError ? error.code : 'INTERNAL',
        message
      }
    }
  }
}
