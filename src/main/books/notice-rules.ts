import { addDays } from '../billing'

/**
 * Which renewal and trial-ending notices are due: a pure rule over plain values, tested with
 * tables. A notice is about a day (the day a long period renews, or a trial's last day):
 * - it is due from `daysBefore` days before that day until the day itself;
 * - once the day has passed it is never sent (a notice after the fact tells nothing), so after
 *   the app was closed for months only the notices still ahead go out;
 * - each subscription, kind and day is decided once.
 */

export type NoticeKind = 'renewal' | 'trial_ending'

export interface NoticeCandidate {
  subscriptionId: number
  kind: NoticeKind
  /** The renewal day, or the trial's last day. */
  date: string
}

export interface NoticeSettings {
  renewal: { enabled: boolean; daysBefore: number }
  trialEnding: { enabled: boolean; daysBefore: number }
}

export const noticeKey = (c: Pick<NoticeCandidate, 'subscriptionId' | 'kind' | 'date'>) =>
  `${c.subscriptionId}|${c.kind}|${c.date}`

export function noticesDue<C extends NoticeCandidate>(
  candidates: readonly C[],
  settings: NoticeSettings,
  asOf: string,
  decided: ReadonlySet<string>
): C[] {
  return candidates.filter((c) => {
    const rule = c.kind === 'renewal' ? settings.renewal : settings.trialEnding
    if (!rule.enabled) return false
    // a renewal is news until the day before it; a trial's last day is still a trial day
    const last = c.kind === 'renewal' ? addDays(c.date, -1) : c.date
    return addDays(c.date, -rule.daysBefore) <= asOf && asOf <= last && !decided.has(noticeKey(c))
  })
}

/** Days a period of each unit lasts, about (a month is 30.44 days on average). */
const UNIT_DAYS: Record<string, number> = {
  day: 1,
  week: 7,
  month: 30.44,
  quarter: 91.31,
  year: 365.25
}

/**
 * A period that renews with a notice: about three months or longer (13 weeks, a quarter, half a
 * year, a year). Monthly and shorter renewals are routine and get none.
 */
export function isLongPeriod(interval: { unit: string; count: number }): boolean {
  return (UNIT_DAYS[interval.unit] ?? 0) * interval.count >= 89
}
