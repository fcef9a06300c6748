import { describe, expect, it } from 'vitest'
import { planSchema } from '@shared/billing/plan'
import { customerInput } from '@shared/books/customers'
import type { ReminderSettingsInput } from '@shared/books/reminders'
import { billingRun } from '../../books/billing-run'
import { savePlanVersion } from '../../books/catalog'
import { createCustomer } from '../../books/customers'
import { cancelSubscription, createSubscription } from '../../books/subscriptions'
import { openTestBooks } from '../../books/test-support'
import { listOutbox } from './outbox'
import { runReminders, saveReminderSettings } from './reminders'
import { days } from './test-reminders'
import { saveLoopbackSmtp } from './test-smtp'

/** Renewal and trial-ending notices over simulated time: each once, none after the fact. */

const plan = (id: string, name: string, interval: string, amount: string) =>
  planSchema.parse({
    id,
    name,
    currency: 'PLN',
    interval,
    prices: [{ id, description: name, model: 'flat', amount }]
  })

/**
 * Ola has a yearly plan from 1 Jan 2026 (renews 1 Jan 2027), Piotr a monthly one with a 14-day
 * trial from 1 Dec 2026, Rafał a quarterly one but no email, Sara a yearly one she cancelled.
 */
async function company(
  settings: ReminderSettingsInput = {
    renewal: { enabled: true, daysBefore: 30 },
    trialEnding: { enabled: true, daysBefore: 3 }
  }
) {
  const { books, clock } = await openTestBooks('2026-01-01')
  savePlanVersion(books, plan('yearly', 'Księgowość Roczna', 'year', '1200.00'), '2026-01-01')
  savePlanVersion(books, plan('monthly', 'Księgowość Miesięczna', 'month', '100.00'), '2026-01-01')
  savePlanVersion(books, plan('quarterly', 'Kwartał', 'quarter', '300.00'), '2026-01-01')
  saveLoopbackSmtp(books, 9)
  saveReminderSettings(books, settings)
  const customer = (name: string, emails: string[]) =>
    createCustomer(
      books,
      customerInput.parse({ name, country: 'PL', language: 'pl', currency: 'PLN', emails })
    ).id
  const subscribe = (customerId: number, planCode: string, startDate: string, trialDays?: number) =>
    createSubscription(books, { customerId, planCode, startDate, quantity: '1', trialDays }).id
  const ola = subscribe(customer('Ola Żółć', ['ola@example.com']), 'yearly', '2026-01-01')
  const piotr = subscribe(customer('Piotr', ['piotr@example.com']), 'monthly', '2026-12-01', 14)
  const rafal = subscribe(customer('Rafał', []), 'quarterly', '2026-01-01')
  const sara = subscribe(customer('Sara', ['sara@example.com']), 'yearly', '2026-01-01')
  cancelSubscription(books, { subscriptionId: sara, when: 'period_end', reason: 'budget' }, true)
  return { books, clock, ola, piotr, rafal, sara }
}

describe('renewal and trial-ending notices', () => {
  it('queues each notice once as the days go by, worded in the customer’s language with the next invoice', async () => {
    const { books, clock, ola, piotr, rafal } = await company()
    const seen: string[] = []
    for (const day of days('2026-01-01', '2027-01-31')) {
      clock.date = day
      // billing runs on the first of each month, as the bookkeeper does
      if (day.endsWith('-01')) await billingRun(books, { asOf: day, dryRun: false })
      for (const _ of [1, 2])
        for (const n of runReminders(books, day).notices)
          seen.push(`${day} ${n.subscriptionId} ${n.kind} ${n.date} ${n.outboxId ? 'mail' : '-'}`)
    }
    expect(seen).toEqual([
      // Rafał's quarters renew on 1 Apr, 1 Jul, 1 Oct, 1 Jan: due, but he has no email
      `2026-03-02 ${rafal} renewal 2026-04-01 -`,
      `2026-06-01 ${rafal} renewal 2026-07-01 -`,
      `2026-09-01 ${rafal} renewal 2026-10-01 -`,
      `2026-12-02 ${ola} renewal 2027-01-01 mail`,
      `2026-12-02 ${rafal} renewal 2027-01-01 -`,
      // Piotr's trial runs 1–14 Dec
      `2026-12-11 ${piotr} trial_ending 2026-12-14 mail`
    ])
    const messages = listOutbox(books, { limit: 10 })
    expect(messages.map((m) => [m.kind, m.to, m.attachment])).toEqual([
      ['trial_ending', ['piotr@example.com'], null],
      ['renewal', ['ola@example.com'], null]
    ])
    const renewal = messages[1]!
    expect(renewal.subject).toBe('Twoja subskrypcja Księgowość Roczna odnawia się 1 sty 2027')
    const body = books.first(
      books.q.selectFrom('outbox').select('body').where('id', '=', renewal.id)
    )!.body
    // the next year's invoice: 1200,00 + 23 % VAT (Polish groups digits from five on)
    expect(body.replace(/\s/g, ' ')).toContain('wyniesie 1476,00 zł')
    // no notice for the cancelled subscription, none for monthly renewals
    expect(seen.some((s) => s.includes('monthly'))).toBe(false)
  })

  it('after the app was closed past a renewal, sends nothing late; only what is still ahead', async () => {
    const { books, clock, rafal } = await company()
    clock.date = '2027-03-10'
    const run = runReminders(books, '2027-03-10')
    // Ola's renewal of 1 Jan 2027 and Piotr's trial have passed; Rafał's of 1 Apr is ahead
    expect(run.notices.map((n) => [n.subscriptionId, n.kind, n.date])).toEqual([
      [rafal, 'renewal', '2027-04-01']
    ])
    expect(runReminders(books, '2027-03-10').notices).toEqual([])
    expect(listOutbox(books, { limit: 10 })).toEqual([])
  })

  it('sends none while the notices are off', async () => {
    const { books, clock } = await company({ enabled: false })
    clock.date = '2026-12-12'
    expect(runReminders(books, '2026-12-12').notices).toEqual([])
  })
})
