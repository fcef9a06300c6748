import type { ReminderSettingsInput } from '@shared/books/reminders'
import { issueInvoice } from '../../books/invoices'
import { issuedInvoice } from '../test-invoice'
import { saveReminderSettings } from './reminders'
import { saveLoopbackSmtp } from './test-smtp'

/**
 * Test fixture: a Polish customer's invoice of 246.00 PLN due 16 Jan 2026, an email server set
 * (nothing listens on it), and the reminders as given (every stage from 3 days before on).
 */
/** Every day from `from` to `to`, as the app opened each morning would run them. */
export function days(from: string, to: string): string[] {
  const out: string[] = []
  for (
    let d = new Date(`${from}T00:00:00Z`);
    d <= new Date(`${to}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + 1)
  )
    out.push(d.toISOString().slice(0, 10))
  return out
}

export async function overdueCompany(
  reminders: ReminderSettingsInput = { enabled: true, schedule: [-3, 0, 7, 14, 30] }
) {
  const fixture = await issuedInvoice('Łukasz Ćwikła', 'pl', 'PL', ['lukasz@example.com'])
  const invoice = issueInvoice(fixture.books, fixture.draft)
  saveLoopbackSmtp(fixture.books, 9)
  saveReminderSettings(fixture.books, reminders)
  return { ...fixture, invoice }
}
