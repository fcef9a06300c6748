import { describe, expect, it } from 'vitest'
import { listOutbox } from '../documents/email/outbox'
import { reminderSettings } from '../documents/email/reminders'
import { overdueCompany } from '../documents/email/test-reminders'
import { createSubscription } from '../books/subscriptions'
import { openCompanyStore } from '../store/db'
import { runCli } from './index'
import { failure } from './test-support'

/** reminders run (text and JSON, with late fees), pause and resume, and their refusals. */

/** A closed company file: one invoice due 16 Jan 2026, reminders on, a 5 % late fee after 14 days. */
async function companyFile() {
  const { store, path, invoice } = await overdueCompany({
    enabled: true,
    schedule: [0, 7, 30],
    lateFee: { enabled: true, kind: 'percent', amount: '5', afterDays: 14, taxRateId: 'zero' }
  })
  await store.close()
  return { file: path, number: invoice.number!, customer: 'C00001' }
}

describe('reminders from the command line', () => {
  it('queues what is due once, charges the late fee once, and says so', async () => {
    const { file, number } = await companyFile()
    expect(await runCli(['reminders', 'run', '--as-of', '2026-01-16', '--file', file])).toBe(
      `Queued 1 reminder(s) as of 2026-01-16.\n  ${number}: on the due date (message 1)\nThey go out with outbox send, or when Facturo is open.\n`
    )
    const later = JSON.parse(
      await runCli(['reminders', 'run', '--as-of', '2026-04-30', '--file', file, '--json'])
    )
    expect(later.queued).toEqual([expect.objectContaining({ number, stage: 30 })])
    expect(later.skipped).toBe(1)
    expect(later.lateFees).toEqual([
      { invoiceId: 1, number, amount: 1230, currency: 'PLN', feeInvoiceId: null }
    ])
    expect(await runCli(['reminders', 'run', '--as-of', '2026-05-01', '--file', file])).toBe(
      'Queued 0 reminder(s) as of 2026-05-01.\nThey go out with outbox send, or when Facturo is open.\n'
    )
    const store = await openCompanyStore(file, { create: false, program: 'cli' })
    try {
      expect(listOutbox(store.books, { limit: 10 }).map((m) => m.kind)).toEqual([
        'reminder',
        'reminder'
      ])
      expect(reminderSettings(store.books).lateFee.amount).toBe('5')
    } finally {
      await store.close()
    }
  })

  it('prints the late fee in words, and pauses and resumes by customer or invoice', async () => {
    const { file, number, customer } = await companyFile()
    expect(await runCli(['reminders', 'pause', '--customer', customer, '--file', file])).toBe(
      `Reminders for customer ${customer} are paused.\n`
    )
    const paused = JSON.parse(
      await runCli(['reminders', 'run', '--as-of', '2026-02-01', '--file', file, '--json'])
    )
    expect([paused.queued, paused.lateFees]).toEqual([[], []])
    expect(await runCli(['reminders', 'resume', '--customer', customer, '--file', file])).toBe(
      `Reminders for customer ${customer} are on again.\n`
    )
    expect(await runCli(['reminders', 'run', '--as-of', '2026-02-01', '--file', file])).toContain(
      `Charged 1 late fee(s):\n  ${number}: 12.30 PLN on the customer’s next invoice\n`
    )
    expect(await runCli(['reminders', 'pause', '--invoice', number, '--file', file])).toBe(
      `Reminders for invoice ${number} are paused.\n`
    )
  })

  it('queues a trial-ending notice once and says for whom', async () => {
    const { books, store, path, invoice } = await overdueCompany({
      trialEnding: { enabled: true, daysBefore: 3 }
    })
    const subscriptionId = createSubscription(books, {
      customerId: invoice.customerId!,
      planCode: 'pro',
      startDate: '2026-03-01',
      quantity: '1',
      trialDays: 14
    }).id
    await store.close()
    const run = () => runCli(['reminders', 'run', '--as-of', '2026-03-11', '--file', path])
    expect(await run()).toBe(
      `Queued 0 reminder(s) as of 2026-03-11.\nQueued 1 notice(s):\n  subscription ${subscriptionId} (Łukasz Ćwikła): trial ends on 2026-03-14 (message 1)\nThey go out with outbox send, or when Facturo is open.\n`
    )
    expect(await run()).toBe(
      'Queued 0 reminder(s) as of 2026-03-11.\nThey go out with outbox send, or when Facturo is open.\n'
    )
  })

  it('refuses a bad date, a missing target and an unknown customer, saying which', async () => {
    const { file } = await companyFile()
    expect(
      (await failure(['reminders', 'run', '--as-of', '2026-02-30', '--file', file])).message
    ).toMatch(/^reminders run: --as-of/)
    expect((await failure(['reminders', 'run', '--file', file])).message).toMatch(/--as-of/)
    expect((await failure(['reminders', 'pause', '--file', file])).message).toBe(
      'reminders pause: give --customer CODE or --invoice NUMBER, one of them'
    )
    expect(
      (await failure(['reminders', 'resume', '--customer', 'NOPE', '--file', file])).message
    ).toBe('reminders resume: there is no customer NOPE')
    expect((await failure(['reminders', 'stop', '--file', file])).message).toBe(
      'reminders: run, pause or resume'
    )
  })
})
