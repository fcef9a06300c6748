import { describe, expect, it } from 'vitest'
import type { InvoiceStatus } from '@shared/books/invoices'
import { invoiceActions } from './invoice-actions'

/** What each status allows, as the invoice page offers it: one row per status and kind. */
describe('invoice actions', () => {
  const on = (...names: string[]) => names.sort()
  it.each<[InvoiceStatus, 'invoice' | 'credit_note', string[]]>([
    ['draft', 'invoice', on('issue', 'editLines', 'deleteDraft')],
    ['draft', 'credit_note', on('issue', 'editLines', 'deleteDraft')],
    [
      'issued',
      'invoice',
      on('recordPayment', 'creditNote', 'markUncollectible', 'void', 'email', 'pauseReminders')
    ],
    [
      'partially_paid',
      'invoice',
      on('recordPayment', 'creditNote', 'markUncollectible', 'void', 'email', 'pauseReminders')
    ],
    [
      'overdue',
      'invoice',
      on('recordPayment', 'creditNote', 'markUncollectible', 'void', 'email', 'pauseReminders')
    ],
    ['paid', 'invoice', on('creditNote', 'email')],
    ['uncollectible', 'invoice', on('creditNote', 'void', 'email')],
    ['void', 'invoice', []],
    ['issued', 'credit_note', on('void', 'email')],
    ['void', 'credit_note', []]
  ])('%s %s allows %j', (status, kind, allowed) => {
    const actions = invoiceActions({ status, kind })
    expect(
      Object.entries(actions)
        .filter(([, yes]) => yes)
        .map(([name]) => name)
        .sort()
    ).toEqual(allowed)
  })
})
