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
