import type { ReminderSettingsInput } from '@shared/books/reminders'
import { issueInvoice } from '../../books/invoices'
import { issuedInvoice } from '../test-invoice'
import { saveReminderSettings } from './reminders'
import { NO_VAULT, saveSmtpSettings } from './smtp-settings'

/**
 * Test fixture: a Polish customer's invoice of 246.00 PLN due 16 Jan 2026, an email server set
 * (nothing listens on it), and the reminders as given (every stage from 3 days before on).
 */
export async function overdueCompany(
  reminders: ReminderSettingsInput = { enabled: true, schedule: [-3, 0, 7, 14, 30] }
) {
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
  saveReminderSettings(fixture.books, reminders)
  return { ...fixture, invoice }
}
