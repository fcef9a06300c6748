import { describe, expect, it } from 'vitest'
import { remindersDue, type ReminderCandidate } from './reminder-rules'

const SCHEDULE = [-3, 0, 7, 14, 30]
const invoice = (over: Partial<ReminderCandidate> = {}): ReminderCandidate => ({
  invoiceId: 1,
  issueDate: '2026-03-01',
  dueDate: '2026-03-15',
  outstanding: 12300,
  paused: false,
  ...over
})
const sent = (decisions: ReturnType<typeof remindersDue>) =>
  decisions.filter((d) => d.send).map((d) => d.stage)

describe('which reminders are due', () => {
  it.each([
    ['2026-03-11', [], []],
    ['2026-03-12', [-3], []],
    ['2026-03-15', [0], [-3]],
    ['2026-03-22', [7], [-3, 0]],
    ['2026-04-14', [30], [-3, 0, 7, 14]],
    ['2026-12-31', [30], [-3, 0, 7, 14]]
  ])('as of %s, nothing sent before: sends %j and passes over %j', (asOf, send, skip) => {
    const decisions = remindersDue([invoice()], SCHEDULE, asOf, new Map())
    expect(sent(decisions)).toEqual(send)
    expect(decisions.filter((d) => !d.send).map((d) => d.stage)).toEqual(skip)
  })

  it('never decides a stage twice', () => {
    const decided = new Map([[1, new Set([-3, 0])]])
    expect(remindersDue([invoice()], SCHEDULE, '2026-03-20', decided)).toEqual([])
    expect(sent(remindersDue([invoice()], SCHEDULE, '2026-03-22', decided))).toEqual([7])
  })

  it.each([
    ['paid', invoice({ outstanding: 0 })],
    ['paused', invoice({ paused: true })]
  ])('sends nothing for an invoice %s', (_, candidate) => {
    expect(remindersDue([candidate], SCHEDULE, '2026-04-30', new Map())).toEqual([])
  })

  it('passes over a stage that fell before the invoice was issued', () => {
    const late = invoice({ issueDate: '2026-03-14' })
    const decisions = remindersDue([late], SCHEDULE, '2026-03-14', new Map())
    expect(decisions).toEqual([{ invoiceId: 1, stage: -3, send: false }])
  })
})
