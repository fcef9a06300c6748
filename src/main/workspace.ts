import { existsSync, readdirSync } from 'node:fs'
import { basename, join } from 'node:path'
import { NEW_COMPANY_DEFAULTS, type NewCompany } from '@shared/company'
import { COMPANY_FILE_EXTENSION, type CompanyFileList, type OpenCompanyFile } from '@shared/files'
import type { AppStateStore } from './app-state'
import { AppError } from './errors'
import { log } from './log'
import { COMPANIES_FOLDER } from './paths'
import { openCompanyStore, type CompanyStore } from './store/db'
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
  now?: () => Date
}

/** The company file that is open now (at most one), and the files the user has worked with. */
export class Workspace {
  readonly dataDir: string
  readonly companiesDir: string
  private readonly appState: AppStateStore
  private readonly now: () => Date
  private store: CompanyStore | null = null
  private reopenProblem: CompanyFileList['reopenProblem'] = null

  constructor(options: WorkspaceOptions) {
    this.dataDir = options.dataDir
    this.companiesDir = join(options.dataDir, COMPANIES_FOLDER)
    this.appState = options.appState
    this.now = options.now ?? (() => new Date())
  }

  /** The open company file's store; handlers that need books call this. */
  requireStore(): CompanyStore {
    if (!this.store)
      throw new AppError('NO_COMPANY_FILE', 'No company file is open. Create or open one first.')
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
      schemaVersion: store.schemaVersion
    }
  }

  private async adopt(store: CompanyStore): Promise<OpenCompanyFile> {
    await this.close()
    this.reopenProblem = null
    this.store = store
    const described = await this.describe(store)
    this.appState.rememberOpened(store.path, described.companyName, this.now())
    return described
  }

  async open(path: string): Promise<OpenCompanyFile> {
    if (this.store?.path === path) return this.describe(this.store)
    const store = await openCompanyStore(path, {
      create: false,
      now: this.now
    })
    return this.adopt(store)
  }

  /** Creates a company file (in the default folder unless a path is given) and opens it. */
  async create(company: NewCompany, path?: string): Promise<OpenCompanyFile> {
    if (path !== undefined && !path.endsWith(COMPANY_FILE_EXTENSION)) {
      throw new AppError('VALIDATION', `A company file name ends in ${COMPANY_FILE_EXTENSION}.`, {
        path: {
          code: 'file_name',
          message: `A company file name ends in ${COMPANY_FILE_EXTENSION}`
        }
      })
    }
    const target = path ?? freePath(this.companiesDir, fileNameFor(company.legalName))
    const store = await openCompanyStore(target, {
      create: true
    })
    try {
      insertCompany(store.books, company)
      seedNewCompany(store.books, company.country, NEW_COMPANY_DEFAULTS.invoiceNumberFormat)
    } catch (error) {
      await store.close()
      throw error
    }
    return this.adopt(store)
  }

  async close(): Promise<void> {
    const store = this.store
    this.store = null
    if (store) await store.close()
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
