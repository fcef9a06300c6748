/**
 * What the sender does after an attempt: pure rules, tested with tables. A temporary refusal
 * (4xx) or no connection is tried again later, each wait twice the one before; a permanent
 * refusal (5xx, a bad address, a wrong password) is marked failed with the server's own words.
 */

export const FIRST_RETRY_MS = 60_000
export const LONGEST_WAIT_MS = 6 * 60 * 60_000
/** After this many attempts a message that never got through is marked failed. */
export const MAX_ATTEMPTS = 12

/** When to try again after `attempts` attempts: 1 min, 2, 4 … up to 6 hours. */
export function nextAttemptAt(attempts: number, now: Date): Date {
  const wait = Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), LONGEST_WAIT_MS)
  return new Date(now.getTime() + wait)
}

/** What nodemailer tells of a failed attempt. */
export interface SmtpFailure {
  code?: string
  responseCode?: number
  response?: string
  message: string
}

export type AttemptOutcome = { retry: true; reason: string } | { retry: false; reason: string }

/** No connection, a timeout, or the server saying "later": worth trying again. */
const TRANSIENT_CODES = new Set([
  'ECONNECTION',
  'ETIMEDOUT',
  'ESOCKET',
  'EDNS',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN'
])

/** Decides whether a failed attempt is tried again, and says why in the server's own words. */
export function classifyFailure(failure: SmtpFailure, attempts: number): AttemptOutcome {
  const reason = (failure.response ?? failure.message).trim().slice(0, 1000)
  const code = failure.responseCode
  let retry: boolean
  if (code !== undefined && code >= 500) retry = false
  else if (code !== undefined && code >= 400) retry = true
  else if (failure.code === 'EAUTH' || failure.code === 'EENVELOPE' || failure.code === 'EMESSAGE')
    retry = false
  else retry = TRANSIENT_CODES.has(failure.code ?? '') || failure.code === undefined
  if (retry && attempts >= MAX_ATTEMPTS)
    return { retry: false, reason: `Gave up after ${attempts} attempts: ${reason}` }
  return { retry, reason }
}
