import {
  smtpSettingsSchema,
  type PasswordSource,
  type SmtpSettings,
  type SmtpSettingsView
} from '@shared/books/email'
import { audit, diff } from '../../books/audit'
import type { Books } from '../../store/sync'

/**
 * The company's SMTP server (Settings › Email), kept in the settings table. The password is
 * never written there in plain text: the desktop shell seals it with the OS (Electron
 * safeStorage) and only the sealed bytes are kept; elsewhere it comes from FACTURO_SMTP_PASSWORD.
 */

/** Seals and opens secrets with the OS's keychain; browser mode and the CLI have none. */
export interface PasswordVault {
  canSeal: boolean
  seal(secret: string): string
  open(sealed: string): string
}

export const NO_VAULT: PasswordVault = {
  canSeal: false,
  seal: () => {
    throw new Error('This Facturo cannot keep passwords; set FACTURO_SMTP_PASSWORD instead')
  },
  open: () => {
    throw new Error('This Facturo cannot open a sealed password; set FACTURO_SMTP_PASSWORD instead')
  }
}

export const PASSWORD_VARIABLE = 'FACTURO_SMTP_PASSWORD'
const SETTINGS_KEY = 'smtp'
const SEALED_KEY = 'smtp_password_sealed'

function setting(books: Books, key: string): string | null {
  return (
    books.first(books.q.selectFrom('settings').select('value').where('key', '=', key))?.value ??
    null
  )
}

function putSetting(books: Books, key: string, value: string | null): void {
  if (value === null) {
    books.run(books.q.deleteFrom('settings').where('key', '=', key))
    return
  }
  books.run(
    books.q
      .insertInto('settings')
      .values({ key, value })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
  )
}

export function smtpSettings(books: Books): SmtpSettings | null {
  const raw = setting(books, SETTINGS_KEY)
  return raw === null ? null : smtpSettingsSchema.parse(JSON.parse(raw))
}

function passwordSource(books: Books, env: NodeJS.ProcessEnv): PasswordSource {
  if (setting(books, SEALED_KEY) !== null) return 'saved'
  return env[PASSWORD_VARIABLE] ? 'environment' : 'none'
}

export function smtpSettingsView(
  books: Books,
  vault: PasswordVault,
  env: NodeJS.ProcessEnv = process.env
): SmtpSettingsView {
  return {
    settings: smtpSettings(books),
    passwordSource: passwordSource(books, env),
    canSavePassword: vault.canSeal
  }
}

/**
 * Saves the server settings; a password given is sealed by the vault (refused without one), ''
 * removes the saved one, and leaving it out keeps it.
 */
export function saveSmtpSettings(
  books: Books,
  settings: SmtpSettings,
  password: string | undefined,
  vault: PasswordVault
): void {
  const sealed = password ? vault.seal(password) : undefined
  books.tx(() => {
    const before = smtpSettings(books)
    putSetting(books, SETTINGS_KEY, JSON.stringify(settings))
    if (password === '') putSetting(books, SEALED_KEY, null)
    else if (sealed !== undefined) putSetting(books, SEALED_KEY, JSON.stringify(sealed))
    const changes = diff(before ?? {}, settings)
    if (password !== undefined) changes.password = ['…', password === '' ? 'removed' : 'changed']
    audit(books, 'settings', SETTINGS_KEY, 'update', changes)
  })
}

/** The password to log in with: the sealed one opened, else the environment's, else none. */
export function smtpPassword(
  books: Books,
  vault: PasswordVault,
  env: NodeJS.ProcessEnv = process.env
): string | undefined {
  const sealed = setting(books, SEALED_KEY)
  if (sealed !== null && vault.canSeal) return vault.open(JSON.parse(sealed) as string)
  return env[PASSWORD_VARIABLE] || undefined
}
