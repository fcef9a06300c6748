import type { AppStateStore } from '../app-state'
import type { Language } from '@shared/languages'
import type { ImportJobs } from '../jobs/import-job'
import type { Workspace } from '../workspace'
import type { PasswordVault } from '../documents/email/smtp-settings'

/** What only the desktop shell can do; browser mode leaves these out. */
export interface Platform {
  nativeDialogs: boolean
  /** Shows an open or save dialog; null when the user cancels. */
  browse?(mode: 'open' | 'create', suggestedName?: string): Promise<string | null>
  /** Lets the shell follow a language change (the menu is translated too). */
  languageChanged?(language: Language | null): void
  /** Lets the shell refresh what lists files (the Open recent menu). */
  filesChanged?(): void
  /** Seals secrets (the SMTP password) with the OS keychain: the desktop shell's safeStorage. */
  vault?: PasswordVault
  /** Opens a file the app wrote (an .eml) with the OS's default program for it. */
  openWithDefaultApp?(fileName: string, bytes: Uint8Array): Promise<void>
  /** Prints a PDF through the OS print dialog (print.ts); 'cancelled' when the user closes it. */
  printPdf?(fileName: string, bytes: Uint8Array): Promise<'printed' | 'cancelled'>
}

export interface HandlerContext {
  app: { name: string; version: string }
  workspace: Workspace
  /** The CSV import under way in a worker thread, if any. */
  jobs: ImportJobs
  appState: AppStateStore
  platform: Platform
}
