import type { AppErrorInfo, ErrorCode, FieldError, Problem } from '@shared/result'

/** A failure a handler reports on purpose; dispatch turns it into `{ok: false, error}`. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fieldErrors?: Record<string, FieldError>,
    readonly problem?: Problem
  ) {
    super(message)
    this.name = 'AppError'
  }

  toInfo(): AppErrorInfo {
    const info: AppErrorInfo = { code: this.code, message: this.message }
    if (this.fieldErrors) info.fieldErrors = this.fieldErrors
    if (this.problem) info.problem = this.problem
    return info
  }
}

/** An AppError whose message the UI shows in its own language (problems.<key>). */
export const problem = (
  code: ErrorCode,
  key: string,
  message: string,
  params?: Record<string, string | number>
): AppError => new AppError(code, message, undefined, params ? { key, params } : { key })
