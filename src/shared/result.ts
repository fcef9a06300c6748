/**
 * The envelope every channel answers with. Handlers never throw across the process boundary:
 * a failure is data the renderer can show.
 */
export type ErrorCode =
  | 'VALIDATION'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'NO_COMPANY_FILE'
  | 'NOT_A_COMPANY_FILE'
  | 'FILE_TOO_NEW'
  | 'UNSUPPORTED'
  | 'UNAUTHORIZED'
  | 'INTERNAL'

/** One field's problem: a stable code the UI translates, an English message, and its parameters. */
export interface FieldError {
  code: string
  message: string
  params?: Record<string, string | number>
}

export interface AppErrorInfo {
  code: ErrorCode
  message: string
  /** Keyed by the field's dotted path, e.g. "address.city" or "taxId". */
  fieldErrors?: Record<string, FieldError>
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
