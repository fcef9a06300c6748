import type { TFunction } from 'i18next'
import type { AppErrorInfo, FieldError } from '@shared/result'

/** A field error in the UI language: validation.<code> with its params, else main's English message. */
export function fieldMessage(t: TFunction, error: FieldError | undefined): string | undefined {
  if (!error) return undefined
  return t(`validation.${error.code}`, { ...error.params, defaultValue: error.message })
}

/** An error envelope in the UI language: errors.<CODE>, else main's English message. */
export function errorMessage(t: TFunction, error: AppErrorInfo): string {
  return t(`errors.${error.code}`, { defaultValue: error.message, detail: error.message })
}
