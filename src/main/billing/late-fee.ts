import type { BreakdownStep } from '@shared/billing/breakdown'
import type { LateFeeSettings } from '@shared/books/reminders'
import { toDayNumber } from './dates'
import { dec, fromMinor, HUNDRED, money, toMinor, type RoundingMode } from './decimal'

/**
 * Late fees: a pure rule over plain values, with a table test (late-fee.test.ts).
 * - An invoice gets at most one late fee, once it is `afterDays` past its due date and still owed.
 * - Fixed: the amount, in the invoice's currency. Percent: that share of what is still owed,
 *   rounded once in the company's mode; then lowered to the cap when one is set.
 * - Paused invoices (or customers) and invoices already charged get none.
 * The fee is explained as a breakdown step, so the line says how it was worked out.
 */

export interface LateFeeCandidate {
  invoiceId: number
  number: string
  currency: string
  dueDate: string
  outstanding: number
  paused: boolean
}

export interface LateFeeDecision {
  invoiceId: number
  number: string
  currency: string
  /** Minor units of the invoice's currency. */
  amount: number
  step: Extract<BreakdownStep, { type: 'late_fee' }>
}

/** The fee on `outstanding` minor units, `days` past due, and how it was worked out. */
export function lateFeeAmount(
  settings: Pick<LateFeeSettings, 'kind' | 'amount' | 'cap'>,
  candidate: Pick<LateFeeCandidate, 'number' | 'currency' | 'outstanding'>,
  days: number,
  mode: RoundingMode
): { amount: number; step: LateFeeDecision['step'] } {
  const c = candidate.currency
  const owed = fromMinor(candidate.outstanding, c)
  const full =
    settings.kind === 'fixed'
      ? toMinor(dec(settings.amount), c, mode)
      : toMinor(owed.times(dec(settings.amount)).div(HUNDRED), c, mode)
  const cap = settings.cap === null ? null : toMinor(dec(settings.cap), c, mode)
  const amount = cap !== null && full > cap ? cap : full
  return {
    amount,
    step: {
      type: 'late_fee',
      invoice: candidate.number,
      days,
      overdue: money(owed, c),
      rate: settings.kind === 'percent' ? settings.amount : null,
      full: money(fromMinor(full, c), c),
      capped: amount !== full,
      amount: money(fromMinor(amount, c), c)
    }
  }
}

export function lateFeesDue(
  candidates: readonly LateFeeCandidate[],
  settings: LateFeeSettings,
  asOf: string,
  charged: ReadonlySet<number>,
  mode: RoundingMode
): LateFeeDecision[] {
  if (!settings.enabled) return []
  const decisions: LateFeeDecision[] = []
  for (const c of candidates) {
    if (c.outstanding <= 0 || c.paused || charged.has(c.invoiceId)) continue
    const days = toDayNumber(asOf) - toDayNumber(c.dueDate)
    if (days < settings.afterDays) continue
    const { amount, step } = lateFeeAmount(settings, c, days, mode)
    if (amount <= 0) continue
    decisions.push({ invoiceId: c.invoiceId, number: c.number, currency: c.currency, amount, step })
  }
  return decisions
}
