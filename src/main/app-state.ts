import {
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  writeFileSync,
  openSync,
  fsyncSync,
  closeSync
} from 'node:fs'
import { dirname, join } from 'node:path'
import { z } from 'zod'
import { LANGUAGES } from '@shared/languages'
import { log } from './log'

const MAX_RECENT = 10

const windowBounds = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(200),
  height: z.number().int().min(200),
  maximized: z.boolean()
})
export type WindowBounds = z.infer<typeof windowBounds>

const recentEntry = z.object({
  path: z.string(),
  companyName: z.string(),
  openedAt: z.string()
})
export type RecentEntry = z.infer<typeof recentEntry>

const appStateSchema = z.object({
  version: z.literal(1),
  language: z.enum(LANGUAGES).nullable().default(null),
  recentFiles: z.array(recentEntry).default([]),
  lastFile: z.string().nullable().default(null),
  /** Where backups go; null: the Backups folder in the data folder. */
  backupFolder: z.string().nullable().default(null),
  window: windowBounds.nullable().default(null)
})
export type AppState = z.infer<typeof appStateSchema>

const DEFAULT_STATE: AppState = {
  version: 1,
  language: null,
  recentFiles: [],
  lastFile: null,
  backupFolder: null,
  window: null
}

/**
 * Writes a file so that a crash leaves either the old or the new content, never half of it.
 * Owner-only (0600, folder 0700): it names the user's company files.
 */
export function writeFileAtomic(path: string, content: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 })
  const tmp = `${path}.tmp-${process.pid}`
  writeFileSync(tmp, content, { mode: 0o600 })
  const fd = openSync(tmp, 'r')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
  renameSync(tmp, path)
}

/**
 * Per-machine state kept in the data folder (settings.json): UI language, recent company files,
 * the file to reopen, the window's place. A damaged file is set aside, never fatal.
 */
export class AppStateStore {
  readonly path: string
  private state: AppState

  constructor(dataDir: string) {
    this.path = join(dataDir, 'settings.json')
    this.state = this.load()
  }

  private load(): AppState {
    if (!existsSync(this.path)) return { ...DEFAULT_STATE }
    try {
      return appStateSchema.parse(JSON.parse(readFileSync(this.path, 'utf8')))
    } catch (error) {
      const aside = `${this.path}.damaged-${Date.now()}`
      log.error(
        `${this.path} could not be read; it was moved to ${aside} and defaults are used`,
        error
      )
      renameSync(this.path, aside)
      return { ...DEFAULT_STATE }
    }
  }

  get(): Readonly<AppState> {
    return this.state
  }

  update(patch: Partial<AppState>): AppState {
    this.state = { ...this.state, ...patch }
    writeFileAtomic(this.path, `${JSON.stringify(this.state, null, 2)}\n`)
    return this.state
  }

  /** Puts a file first in the recent list and makes it the one to reopen next time. */
  rememberOpened(path: string, companyName: string, openedAt: Date): AppState {
    const others = this.state.recentFiles.filter((r) => r.path !== path)
    const recentFiles = [{ path, companyName, openedAt: openedAt.toISOString() }, ...others].slice(
      0,
      MAX_RECENT
    )
    return this.update({ recentFiles, lastFile: path })
  }
}
