import { z } from 'zod'
import type { LedgerCheck } from './books/results'
import { filePath } from './text'

/** A backup of a company file: a complete copy, named after the file and the moment it was taken. */
export interface BackupFile {
  path: string
  fileName: string
  takenAt: string
  bytes: number
}

/** What a check of a company file or backup found. */
export interface BackupCheck {
  ok: boolean
  /** 'ok', or what SQLite's integrity check reported. */
  integrity: string
  foreignKeyProblems: number
  ledger: LedgerCheck
}

export interface BackupList {
  /** Where the open company file's backups go (its own folder inside the backups folder). */
  folder: string
  /** The backups folder chosen in settings, or null for the default one in the data folder. */
  chosenFolder: string | null
  backups: BackupFile[]
}

export const backupPathInput = z.strictObject({ path: filePath })
export const backupFolderInput = z.strictObject({
  /** null: back to the default folder in the data folder. */
  folder: filePath.nullable()
})
export const exportInput = z.strictObject({
  /** Where the ZIP goes; without it, the Exports folder of the data folder. */
  path: filePath.optional()
})
