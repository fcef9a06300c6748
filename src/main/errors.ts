import type { AppErrorInfo, ErrorCode, FieldError } from '@shared/result'

/** A failure a handler reports on purpose; dispatch turns it into `{ok: false, error}`. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fieldErrors?: Record<string, FieldError>
  ) {
    super(message)
    this.name = 'AppError'
  }

  toInfo(): AppErrorInfo {
    return this.fieldErrors
      ? { code: this.code, message: this.message, fieldErrors: this.fieldErrors }
      : { code: this.code, message: this.message }
  }
}
