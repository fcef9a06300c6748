import { describe, expect, it } from 'vitest'
import { recordPayment } from '../../books/payments'
import { issueInvoice, invoiceHistory } from '../../books/invoices'
import { appErrorOf } from '../../books/test-support'
import { issuedInvoice } from '../test-invoice'
import { listOutbox } from './outbox'
import { pauseReminders, reminderSettings, runReminders, saveReminderSettings } from './reminders'
import { NO_VAULT, saveSmtpSettings } from './smtp-settings'

/** Reminders over simulated time: each due stage queued once, none for paid or paused invoices. */

async function overdueCompany() {
  const fixture = await issuedInvoice('Łukasz Ćwikła', 'pl', 'PL', ['lukasz@example.com'])
  const invoice = issueInvoice(fixture.books, fixture.draft)
  saveSmtpSettings(
    fixture.books,
    {
      host: '127.0.0.1',
      port: 9,
      tls: 'none',
      user: '',
      fromName: '',
      fromAddress: 'f@biuro.pl',
      replyTo: ''
    },
    undefined,
    NO_VAULT
  )
  saveReminderSettings(fixture.books, { enabled: true, schedule: [-3, 0, 7, 14, 30] })
  return { ...fixture, invoice }
}

/** Every day from `from` to `to`, as the app opened each morning would run them. */
function days(from: string, to: string): string[] {
  const out: string[] = []
  for (
    let d = new Date(`${from}T00:00:00Z`);
    d <= new Date(`${to}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + 1)
  )
    out.push(d.toISOString().slice(0, 10))
  return out
}

describe('payment reminders', () => {
  it('queues each stage once as the days go by, in the customer language', async () => {
    const { books, clock, invoice } = await overdueCompany()
    expect(invoice.dueDate).toBe('2026-01-16')
    const queued: string[] = []
    for (const day of days('2026-01-02', '2026-03-31')) {
      clock.date = day
      // the app runs them at every opening: twice a day here
      for (const _ of [1, 2])
        for (const q of runReminders(books, day).queued) queued.push(`${day} ${q.stage}`)
    }
    expect(queued).toEqual([
      '2026-01-13 -3',
      '2026-01-16 0',
      '2026-01-23 7',
      '2026-01-30 14',
      '2026-02-15 30'
    ])
    const messages = listOutbox(books, { limit: 50 })
    expect(messages).toHaveLength(5)
    expect(messages.every((m) => m.kind === 'reminder' && m.to[0] === 'lukasz@example.com')).toBe(
      true
    )
    expect(messages.at(-1)!.subject).toBe(
      `Przypomnienie: faktura ${invoice.number} płatna do 16 sty 2026`
    )
    // the invoice history shows them
    expect(
      invoiceHistory(books, invoice.id).filter((e) => e.kind === 'reminder_queued')
    ).toHaveLength(5)
  })

  it('after 90 days closed, queues only the latest due stage, once', async () => {
    const { books, clock, invoice } = await overdueCompany()
    clock.date = '2026-04-16'
    const first = runReminders(books, '2026-04-16')
    expect(first.queued).toEqual([expect.objectContaining({ invoiceId: invoice.id, stage: 30 })])
    expect(first.skipped).toBe(4)
    expect(runReminders(books, '2026-04-16').queued).toEqual([])
    expect(runReminders(books, '2026-07-01').queued).toEqual([])
    expect(listOutbox(books, { limit: 50 })).toHaveLength(1)
  })

  it('sends none for a paid invoice, nor a paused one or customer, and none when switched off', async () => {
    const { books, clock, invoice } = await overdueCompany()
    pauseReminders(books, { invoiceId: invoice.id }, true)
    clock.date = '2026-01-20'
    expect(runReminders(books, '2026-01-20').queued).toEqual([])
    pauseReminders(books, { invoiceId: invoice.id }, false)
    pauseReminders(books, { customerId: invoice.customerId }, true)
    expect(runReminders(books, '2026-01-20').queued).toEqual([])
    pauseReminders(books, { customerId: invoice.customerId }, false)
    saveReminderSettings(books, { ...reminderSettings(books), enabled: false })
    expect(runReminders(books, '2026-01-20').queued).toEqual([])
    saveReminderSettings(books, { ...reminderSettings(books), enabled: true })
    recordPayment(books, {
      customerId: invoice.customerId,
      date: '2026-01-20',
      method: 'bank_transfer',
      amount: invoice.subtotals.total,
      currency: invoice.currency,
      reference: 'przelew'
    })
    expect(runReminders(books, '2026-01-20').queued).toEqual([])
    expect(runReminders(books, '2026-03-01').queued).toEqual([])
    expect(listOutbox(books, { limit: 50 })).toEqual([])
    expect(appErrorOf(() => pauseReminders(books, { invoiceId: 999 }, true)).problem?.key).toBe(
      'reminder_target_missing'
    )
  })
})
