/**
 * The envelope every channel answers with. Handlers never throw across the process boundary:
 * a failure is data the renderer can show.
 */
export const ERROR_CODES = [
  'VALIDATION',
  'NOT_FOUND',
  'CONFLICT',
  'NO_COMPANY_FILE',
  'NOT_A_COMPANY_FILE',
  'FILE_TOO_NEW',
  /** Another Facturo (the app, browser mode or the command line) has the company file open. */
  'FILE_IN_USE',
  /** The company file or its folder cannot be written: it is open read-only. */
  'READ_ONLY',
  /** The disk holding the company file is full; nothing was saved. */
  'DISK_FULL',
  /** The company file is damaged (SQLite found it corrupt). */
  'FILE_DAMAGED',
  /** The disk or network share failed to read or write. */
  'IO_ERROR',
  /** Work that needs the file to itself (an import) is under way; try again when it ends. */
  'BUSY',
  /** The user stopped it; nothing of it was kept. */
  'CANCELLED',
  'UNSUPPORTED',
  'UNAUTHORIZED',
  /** A bug in Facturo: anything a user can cause has its own code. */
  'INTERNAL'
] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

/** One field's problem: a stable code the UI translates, an English message, and its parameters. */
export interface FieldError {
  code: string
  message: string
  params?: Record<string, string | number>
}

/** A specific problem the UI can say in its language: problems.<key> in the catalogs, with its values. */
export interface Problem {
  key: string
  params?: Record<string, string | number>
}

export interface AppErrorInfo {
  code: ErrorCode
  /** English, specific: what went wrong and what to do (shown when there is no `problem`). */
  message: string
  /** Keyed by the field's dotted path, e.g. "address.city" or "taxId". */
  fieldErrors?: Record<string, FieldError>
  problem?: Problem
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorInfo }

export const ok = <T>(value: T): Result<T> => ({ ok: true, value })

export const fail = (
  code: ErrorCode,
  message: string,
  fieldErrors?: Record<string, FieldError>
): { ok: false; error: AppErrorInfo } => ({
  ok: false,
  error: fieldErrors ? { code, message, fieldErrors } : { code, message }
})
