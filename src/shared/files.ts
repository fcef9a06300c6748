import { z } from 'zod'
import { filePath, line } from './text'
import { newCompanyInput } from './company'
import type { ErrorCode } from './result'

/** The extension of a Facturo company file (an SQLite database inside). */
export const COMPANY_FILE_EXTENSION = '.facturo'

export interface OpenCompanyFile {
  path: string
  fileName: string
  companyName: string
  schemaVersion: number
  /** Null when it can be changed; otherwise why it is open read-only (browse, print, export). */
  readOnly: 'chosen' | 'file' | 'folder' | null
}

export interface RecentCompanyFile {
  path: string
  fileName: string
  companyName: string
  openedAt: string
  exists: boolean
}

export interface CompanyFileList {
  /** Where new company files go unless the user picks another place. */
  defaultFolder: string
  recent: RecentCompanyFile[]
  /** Company files found in the default folder. */
  inDefaultFolder: { path: string; fileName: string }[]
  /** Why the file open last time could not be reopened at start, if it could not. */
  reopenProblem: { path: string; code: ErrorCode; message: string } | null
}

export const openFileInput = z.strictObject({
  path: filePath,
  /** Open it without changing anything (another Facturo has it, or only to look). */
  readOnly: z.boolean().default(false)
})

export const createFileInput = newCompanyInput.extend({
  /** Full path chosen in a save dialog; without it the file goes to the default folder. */
  path: filePath.optional()
})

export const browseInput = z.strictObject({
  mode: z.enum(['open', 'create']),
  suggestedName: line(200).optional()
})
