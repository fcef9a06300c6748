import { describe, expect, it } from 'vitest'
import {
  isLongPeriod,
  noticeKey,
  noticesDue,
  type NoticeCandidate,
  type NoticeSettings
} from './notice-rules'

const settings: NoticeSettings = {
  renewal: { enabled: true, daysBefore: 30 },
  trialEnding: { enabled: true, daysBefore: 3 }
}
const renewal: NoticeCandidate = { subscriptionId: 1, kind: 'renewal', date: '2027-01-01' }
const trial: NoticeCandidate = { subscriptionId: 2, kind: 'trial_ending', date: '2026-12-14' }

describe('renewal and trial-ending notices', () => {
  it.each([
    // as of, candidate, due?
    ['2026-12-01', renewal, false], // 31 days before: not yet
    ['2026-12-02', renewal, true], // 30 days before
    ['2026-12-31', renewal, true], // the day before
    ['2027-01-01', renewal, false], // it renewed today: too late to tell
    ['2027-03-01', renewal, false], // the app was closed past it
    ['2026-12-10', trial, false],
    ['2026-12-11', trial, true], // 3 days before the last trial day
    ['2026-12-14', trial, true], // the last day of the trial
    ['2026-12-15', trial, false]
  ])('as of %s, %o is due: %s', (asOf, candidate, due) => {
    expect(noticesDue([candidate], settings, asOf, new Set())).toEqual(due ? [candidate] : [])
  })

  it('never decides a notice twice', () => {
    const decided = new Set([noticeKey(renewal)])
    expect(noticesDue([renewal, trial], settings, '2026-12-12', decided)).toEqual([trial])
    // the next year's renewal is another notice
    const next = { ...renewal, date: '2028-01-01' }
    expect(noticesDue([next], settings, '2027-12-15', decided)).toEqual([next])
  })

  it('sends only the kinds switched on', () => {
    const off = { ...settings, trialEnding: { enabled: false, daysBefore: 3 } }
    expect(noticesDue([renewal, trial], off, '2026-12-12', new Set())).toEqual([renewal])
  })

  it.each([
    [{ unit: 'year', count: 1 }, true],
    [{ unit: 'quarter', count: 1 }, true],
    [{ unit: 'month', count: 6 }, true],
    [{ unit: 'month', count: 3 }, true],
    [{ unit: 'month', count: 2 }, false],
    [{ unit: 'month', count: 1 }, false],
    [{ unit: 'week', count: 12 }, false],
    [{ unit: 'week', count: 13 }, true],
    [{ unit: 'day', count: 30 }, false],
    [{ unit: 'day', count: 92 }, true]
  ])('a period of %o is long: %s', (interval, long) => {
    expect(isLongPeriod(interval)).toBe(long)
  })
})
