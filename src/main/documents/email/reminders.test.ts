import { describe, expect, it } from 'vitest'
import { recordPayment } from '../../books/payments'
import { invoiceHistory, viewInvoice } from '../../books/invoices'
import { billingRun } from '../../books/billing-run'
import { invoiceModel } from '@shared/documents/invoice-model'
import { documentTranslator } from '../pdf/render'
import { appErrorOf } from '../../books/test-support'
import { listOutbox } from './outbox'
import { pauseReminders, reminderSettings, runReminders, saveReminderSettings } from './reminders'
import { days, overdueCompany } from './test-reminders'

/** Reminders over simulated time: each due stage queued once, none for paid or paused invoices. */

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

/** Intl's narrow and no-break spaces as plain ones, to compare printed text. */
const spaces = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ')

describe('late fees', () => {
  const fee = {
    enabled: true,
    kind: 'percent' as const,
    amount: '5',
    cap: null,
    afterDays: 14,
    billing: 'next_invoice' as const,
    taxRateId: 'zero'
  }

  it('charges one fee on the next invoice, explained, whatever the days between runs', async () => {
    const { books, clock, invoice } = await overdueCompany()
    saveReminderSettings(books, { ...reminderSettings(books), lateFee: fee })
    expect(invoice.total).toBe(24_600)
    const charged: string[] = []
    for (const day of [...days('2026-01-02', '2026-01-31'), '2026-04-30']) {
      clock.date = day
      for (const f of runReminders(books, day).lateFees) charged.push(`${day} ${f.amount}`)
    }
    // 14 days after the due date (16 Jan): 5 % of 246.00 = 12.30, once
    expect(charged).toEqual(['2026-01-30 1230'])
    expect(invoiceHistory(books, invoice.id).filter((e) => e.kind === 'late_fee')).toEqual([
      expect.objectContaining({ amount: 1230 })
    ])
    // February's invoice carries it, worded in the customer's language and explained
    clock.date = '2026-02-01'
    const run = await billingRun(books, { asOf: '2026-02-01', dryRun: false })
    const february = viewInvoice(books, run.customers[0]!.invoices[0]!.invoiceId!)
    const line = february.lines.find((l) => l.kind === 'late_fee')!
    expect(line.amount).toBe(1230)
    expect(line.description).toBe(`Opłata za opóźnienie w płatności, faktura ${invoice.number}`)
    const model = invoiceModel(february, 'pl', documentTranslator('pl'))
    const printed = model.lines.find((l) => l.title === line.description)!
    expect(printed.details.map(spaces)).toEqual([
      `5 % z 246,00 zł nieopłaconych na ${invoice.number} (dni po terminie: 14) = 12,30 zł`
    ])
    expect(february.lines.filter((l) => l.kind !== 'late_fee')).toHaveLength(1)
    // a second run never bills it again
    const again = await billingRun(books, { asOf: '2026-02-01', dryRun: false })
    expect(again.customers.flatMap((c) => c.invoices)).toEqual([])
  })

  it('bills a capped fee as an invoice of its own, and none for a paid or paused invoice', async () => {
    const { books, clock, invoice } = await overdueCompany()
    saveReminderSettings(books, {
      ...reminderSettings(books),
      enabled: false,
      lateFee: { ...fee, cap: '10', billing: 'own_invoice' }
    })
    pauseReminders(books, { invoiceId: invoice.id }, true)
    clock.date = '2026-02-10'
    expect(runReminders(books, '2026-02-10').lateFees).toEqual([])
    pauseReminders(books, { invoiceId: invoice.id }, false)
    const [charged] = runReminders(books, '2026-02-10').lateFees
    expect(charged).toMatchObject({ invoiceId: invoice.id, amount: 1000 })
    const own = viewInvoice(books, charged!.feeInvoiceId!)
    expect(own.status).toBe('draft')
    expect(own.lines.map((l) => [l.kind, l.amount])).toEqual([['late_fee', 1000]])
    const details = invoiceModel(own, 'pl', documentTranslator('pl')).lines[0]!.details
    expect(details.map(spaces)).toEqual([
      `5 % z 246,00 zł nieopłaconych na ${invoice.number} (dni po terminie: 25) = 12,30 zł, ograniczone do 10,00 zł`
    ])
    expect(runReminders(books, '2026-05-01').lateFees).toEqual([])

    // a paid invoice gets none
    const other = await overdueCompany()
    saveReminderSettings(other.books, { ...reminderSettings(other.books), lateFee: fee })
    recordPayment(other.books, {
      customerId: other.invoice.customerId,
      date: '2026-01-20',
      method: 'bank_transfer',
      amount: other.invoice.total,
      currency: 'PLN',
      reference: 'przelew'
    })
    other.clock.date = '2026-03-01'
    expect(runReminders(other.books, '2026-03-01').lateFees).toEqual([])
  })

  it('refuses a fee with no amount, a percentage over 100 or an unknown tax rate, beside the field', async () => {
    const { books } = await overdueCompany()
    const save = (lateFee: object) =>
      appErrorOf(() =>
        saveReminderSettings(books, { ...reminderSettings(books), lateFee: { ...fee, ...lateFee } })
      )
    expect(Object.keys(save({ amount: '0' }).fieldErrors ?? {})).toEqual(['lateFee.amount'])
    expect(Object.keys(save({ amount: '101' }).fieldErrors ?? {})).toEqual(['lateFee.amount'])
    expect(Object.keys(save({ taxRateId: null }).fieldErrors ?? {})).toEqual(['lateFee.taxRateId'])
    expect(Object.keys(save({ taxRateId: 'nope' }).fieldErrors ?? {})).toEqual([
      'lateFee.taxRateId'
    ])
    expect(reminderSettings(books).lateFee.enabled).toBe(false)
  })
})
