import { z } from 'zod'
import { LANGUAGES, type Language } from './languages'

export interface AppInfo {
  name: string
  version: string
  /** The newest company-file schema this build can read and write. */
  schemaVersion: number
  dataDir: string
  /** True in the desktop app, where open/save dialogs exist. */
  nativeDialogs: boolean
}

/** Per-machine preferences (not part of any company file). */
export interface AppSettings {
  /** The UI language; null follows the operating system. */
  language: Language | null
}

export const settingsUpdateInput = z.strictObject({
  language: z.enum(LANGUAGES).nullable()
})

/** The largest PDF the desktop prints in one go (a billing run of a few thousand invoices). */
export const MAX_PRINT_BYTES = 64 * 1024 * 1024

/** A PDF main rendered (an invoice, a run, a statement), handed back to be printed on the desktop. */
export const printInput = z.strictObject({
  fileName: z.string().trim().min(1).max(200),
  pdfBase64: z
    .string()
    .min(8)
    .max(Math.ceil(MAX_PRINT_BYTES / 3) * 4)
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'Not base64')
})

export interface PrintResult {
  /** 'cancelled' when the user closed the print dialog without printing. */
  outcome: 'printed' | 'cancelled'
}
