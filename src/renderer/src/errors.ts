import type { TFunction } from 'i18next'
import type { AppErrorInfo, FieldError } from '@shared/result'

/** A field error in the UI language: validation.<code> with its params, else main's English message. */
export function fieldMessage(t: TFunction, error: FieldError | undefined): string | undefined {
  if (!error) return undefined
  // 'invalid' is main's catch-all: its own message says more than the generic sentence
  if (error.code === 'invalid') return error.message
  return t(`validation.${error.code}`, { ...error.params, defaultValue: error.message })
}

/** Codes whose message from main is for the log, not for the user: the UI says them its own way. */
const GENERIC: ReadonlySet<string> = new Set(['INTERNAL', 'UNAUTHORIZED', 'NO_COMPANY_FILE'])

/**
 * An error envelope for the user: main's specific problem in the UI language (problems.<key>),
 * else main's own message, which says what went wrong and what to do ("Plan standard-m has no
 * version in force on 2026-11-01"). Field errors are shown beside their fields, so the envelope
 * of a form says only that some need attention.
 */
export function errorMessage(t: TFunction, error: AppErrorInfo): string {
  if (error.problem)
    return t(`problems.${error.problem.key}`, {
      ...error.problem.params,
      defaultValue: error.message
    })
  if (GENERIC.has(error.code) || (error.fieldErrors && Object.keys(error.fieldErrors).length))
    return t(`errors.${error.code}`, { defaultValue: error.message })
  return error.message
}
