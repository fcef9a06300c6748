import { problem } from '../errors'
import { expectedFailure } from '../failures'
import {
  cancelMessage,
  listOutbox,
  markMessageSent,
  queueInvoiceEmail,
  retryMessage
} from '../documents/email/outbox'
import { deliverDue } from '../documents/email/sender'
import { NO_VAULT, saveSmtpSettings, smtpSettingsView } from '../documents/email/smtp-settings'
import { listTemplates, saveTemplate } from '../documents/email/templates'
import { invoiceEml } from '../documents/email/eml'
import { queueStatementEmail } from '../documents/email/statement-email'
import { renderStatement, statementFileName, statementInput } from '../documents/pdf/statement'
import { getCustomer } from '../books/customers'
import { logoBytes } from '../books/document-images'
import {
  pauseReminders,
  remindersPaused,
  reminderSettings,
  runReminders,
  saveReminderSettings
} from '../documents/email/reminders'
import type { HandlerRegistry } from '../ipc/registry'
import { log } from '../log'
import type { HandlerContext } from './context'

/** How often the open company's outbox is looked at for messages due (and after each new one). */
export const OUTBOX_INTERVAL_MS = 30_000

/** Email settings, templates, the outbox, and the sender that delivers it in the background. */
export function registerEmailHandlers(registry: HandlerRegistry, ctx: HandlerContext): void {
  const books = () => ctx.workspace.requireStore().books
  const vault = () => ctx.platform.vault ?? NO_VAULT
  const writable = () => {
    const store = ctx.workspace.requireStore()
    return store.readOnly ? null : store
  }
  /** One pass of the sender over the open file; failures are the messages', never the app's. */
  const sendDue = async () => {
    const store = writable()
    if (!store) return { sent: 0, retrying: 0, failed: 0, waiting: 0 }
    return deliverDue(store.books, { vault: vault() })
  }
  /**
   * Reminders due today (those that fell due while the app was closed too): once per open file
   * and day, not at every pass, since deciding them reads every invoice still owed.
   */
  const remindedOn = new WeakMap<object, string>()
  const remindToday = () => {
    const store = writable()
    if (!store) return
    const today = store.books.today()
    if (remindedOn.get(store.books) === today) return
    runReminders(store.books, today)
    remindedOn.set(store.books, today)
  }
  const inBackground = () => {
    void (async () => {
      remindToday()
      return sendDue()
    })().catch((error: unknown) => {
      // no company file open (or it just closed): nothing to send
      if (expectedFailure(error)?.code !== 'NO_COMPANY_FILE')
        log.error('the outbox could not be sent', error)
    })
  }
  setInterval(inBackground, OUTBOX_INTERVAL_MS).unref()

  registry
    .register('email/settings', () => smtpSettingsView(books(), vault()))
    .register('email/saveSettings', ({ password, ...settings }) => {
      if (password && !vault().canSeal)
        throw problem(
          'VALIDATION',
          'password_not_kept',
          'This Facturo cannot keep the password: set FACTURO_SMTP_PASSWORD before starting it.'
        )
      saveSmtpSettings(books(), settings, password, vault())
      return smtpSettingsView(books(), vault())
    })
    .register('email/templates', () => listTemplates(books()))
    .register('email/saveTemplate', ({ kind, language, template }) =>
      saveTemplate(books(), kind, language, template)
    )
    .register('invoices/email', (input) => {
      const entry = queueInvoiceEmail(books(), input)
      inBackground()
      return entry
    })
    .register('statements/email', ({ recipients, ...input }) => {
      const entry = queueStatementEmail(books(), { ...input, recipients })
      inBackground()
      return entry
    })
    .register('statements/pdf', async ({ customerId, from, to, language }) => {
      const input = statementInput(books(), customerId, from, to)
      const lang = language ?? getCustomer(books(), customerId).language
      const pdf = await renderStatement(input, lang, logoBytes(books(), input.seller.logo))
      return {
        fileName: statementFileName(input),
        language: lang,
        pdfBase64: Buffer.from(pdf).toString('base64')
      }
    })
    .register('outbox/list', (filter) => listOutbox(books(), filter))
    .register('outbox/send', () => sendDue())
    .register('outbox/retry', ({ id }) => {
      const entry = retryMessage(books(), id)
      inBackground()
      return entry
    })
    .register('outbox/cancel', ({ id }) => cancelMessage(books(), id))
    .register('outbox/markSent', ({ id }) => markMessageSent(books(), id))
    .register('reminders/settings', () => reminderSettings(books()))
    // the desktop opens it in the mail app; browser mode downloads it
    .register('invoices/eml', async ({ invoiceId }) => {
      const { fileName, eml } = await invoiceEml(books(), invoiceId)
      if (ctx.platform.openWithDefaultApp) {
        await ctx.platform.openWithDefaultApp(fileName, eml)
        return { fileName, emlBase64: null, opened: true }
      }
      return { fileName, emlBase64: eml.toString('base64'), opened: false }
    })
    .register('reminders/saveSettings', (settings) => {
      const saved = saveReminderSettings(books(), settings)
      // a new schedule is looked at on the next pass, today included
      remindedOn.delete(books())
      return saved
    })
    .register('reminders/run', ({ asOf }) => {
      const run = runReminders(books(), asOf)
      inBackground()
      return run
    })
    .register('reminders/paused', ({ customerId }) => ({
      paused: remindersPaused(books(), customerId)
    }))
    .register('reminders/pause', ({ paused, ...target }) => {
      pauseReminders(books(), target, paused)
      return null
    })
}
