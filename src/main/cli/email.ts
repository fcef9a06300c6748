import { z } from 'zod'
import {
  OUTBOX_STATUSES,
  smtpSettingsSchema,
  TLS_MODES,
  type OutboxEntry,
  type OutboxStatus
} from '@shared/books/email'
import {
  cancelMessage,
  listOutbox,
  markMessageSent,
  queueInvoiceEmail,
  retryMessage
} from '../documents/email/outbox'
import { deliverDue } from '../documents/email/sender'
import {
  NO_VAULT,
  PASSWORD_VARIABLE,
  saveSmtpSettings,
  smtpSettings
} from '../documents/email/smtp-settings'
import { parseOptions } from './args'
import { invoiceId, withBooks } from './books-file'
import { CliError } from './errors'

export const EMAIL_USAGE = `npm run cli -- settings smtp --host H --port P --tls none|starttls|tls --from ADDRESS --file books.facturo
                    [--user U] [--from-name NAME] [--reply-to ADDRESS]   (password: ${PASSWORD_VARIABLE})
  npm run cli -- invoices email NUMBER|ID --file books.facturo [--to ADDRESS]… [--cc ADDRESS]… [--bcc ADDRESS]…
  npm run cli -- outbox list --file books.facturo [--status queued|sending|sent|failed|cancelled|uncertain] [--json]
  npm run cli -- outbox send --file books.facturo [--json]
  npm run cli -- outbox retry|cancel|mark-sent ID --file books.facturo`

/** An email address given on the command line, checked as the app checks it. */
export function addresses(command: string, option: string, values: string[] | undefined): string[] {
  return (values ?? []).map((value) => {
    if (!z.email().safeParse(value).success)
      throw new CliError(`${command}: --${option} "${value}" is not an email address`)
    return value
  })
}

export async function runSettings(argv: readonly string[]): Promise<string> {
  const [what, ...rest] = argv
  if (what !== 'smtp') throw new CliError('settings: smtp (the email server)')
  const o = parseOptions('settings smtp', rest, {
    file: { value: true, required: true },
    host: { value: true, required: true },
    port: { value: true, required: true },
    tls: { value: true, required: true },
    from: { value: true, required: true },
    user: { value: true },
    'from-name': { value: true },
    'reply-to': { value: true }
  })
  if (!/^\d{1,5}$/.test(o.port![0]!))
    throw new CliError(
      `settings smtp: --port must be a number from 1 to 65535, not "${o.port![0]}"`
    )
  if (!(TLS_MODES as readonly string[]).includes(o.tls![0]!))
    throw new CliError(`settings smtp: --tls must be one of ${TLS_MODES.join(', ')}`)
  const parsed = smtpSettingsSchema.safeParse({
    host: o.host![0],
    port: Number(o.port![0]),
    tls: o.tls![0],
    user: o.user?.[0] ?? '',
    fromName: o['from-name']?.[0] ?? '',
    fromAddress: o.from![0],
    replyTo: o['reply-to']?.[0] ?? ''
  })
  if (!parsed.success) {
    const flag: Record<string, string> = {
      fromAddress: 'from',
      fromName: 'from-name',
      replyTo: 'reply-to'
    }
    throw new CliError(
      `settings smtp: ${parsed.error.issues
        .map((i) => `--${flag[String(i.path[0])] ?? String(i.path[0])}: ${i.message}`)
        .join('; ')}`
    )
  }
  return withBooks(o.file![0]!, ({ books }) => {
    saveSmtpSettings(books, parsed.data, undefined, NO_VAULT)
    const s = smtpSettings(books)!
    const login = s.user
      ? ` as ${s.user} (the password is read from ${PASSWORD_VARIABLE} when mail is sent${process.env[PASSWORD_VARIABLE] ? '; it is set now' : '; it is not set now'})`
      : ''
    return `Email goes out through ${s.host}:${s.port} (${s.tls})${login}, from ${s.fromAddress}.\n`
  })
}

export async function runInvoiceEmail(argv: readonly string[]): Promise<string> {
  const [ref, ...opts] = argv
  if (!ref || ref.startsWith('--'))
    throw new CliError('invoices email: name the invoice (its number or id)')
  const o = parseOptions('invoices email', opts, {
    file: { value: true, required: true },
    to: { value: true, repeatable: true },
    cc: { value: true, repeatable: true },
    bcc: { value: true, repeatable: true }
  })
  const to = addresses('invoices email', 'to', o.to)
  const cc = addresses('invoices email', 'cc', o.cc)
  const bcc = addresses('invoices email', 'bcc', o.bcc)
  return withBooks(o.file![0]!, ({ books }) => {
    const entry = queueInvoiceEmail(books, {
      invoiceId: invoiceId(books, 'invoices email', ref),
      ...(to.length ? { to } : {}),
      cc,
      bcc
    })
    return `Queued message ${entry.id}: ${entry.invoiceNumber} to ${entry.to.join(', ')} ("${entry.subject}"). It goes out with outbox send, or when Facturo is open.\n`
  })
}

function describeEntry(e: OutboxEntry): string {
  const when =
    e.status === 'sent'
      ? ` ${e.sentAt}`
      : e.status === 'queued' && e.attempts > 0
        ? ` (attempt ${e.attempts + 1} at ${e.nextAttemptAt})`
        : ''
  const reason = e.lastError ? `\n      ${e.lastError}` : ''
  return `  ${String(e.id).padStart(5)}  ${e.status.padEnd(9)} ${(e.invoiceNumber ?? e.kind).padEnd(18)} ${e.to.join(', ')}${when}${reason}`
}

async function outboxSend(o: Record<string, string[]>): Promise<string> {
  return withBooks(o.file![0]!, async ({ books }) => {
    const result = await deliverDue(books, { vault: NO_VAULT })
    if (o.json) return `${JSON.stringify(result)}\n`
    return `Sent ${result.sent}, to try again later ${result.retrying}, failed ${result.failed}; ${result.waiting} waiting in the outbox.\n`
  })
}

export async function runOutbox(argv: readonly string[]): Promise<string> {
  const [what, ...rest] = argv
  if (what === 'list') {
    const o = parseOptions('outbox list', rest, {
      file: { value: true, required: true },
      status: { value: true },
      json: { value: false }
    })
    const status = o.status?.[0]
    if (status !== undefined && !(OUTBOX_STATUSES as readonly string[]).includes(status))
      throw new CliError(`outbox list: --status must be one of ${OUTBOX_STATUSES.join(', ')}`)
    return withBooks(o.file![0]!, ({ books }) => {
      const entries = listOutbox(books, { status: status as OutboxStatus | undefined, limit: 1000 })
      if (o.json) return `${JSON.stringify(entries, null, 2)}\n`
      if (entries.length === 0) return 'The outbox is empty.\n'
      return `${entries.map(describeEntry).join('\n')}\n`
    })
  }
  if (what === 'send') {
    return outboxSend(
      parseOptions('outbox send', rest, {
        file: { value: true, required: true },
        json: { value: false }
      })
    )
  }
  const actions = { retry: retryMessage, cancel: cancelMessage, 'mark-sent': markMessageSent }
  if (what && Object.hasOwn(actions, what)) {
    const [ref, ...opts] = rest
    if (!ref || !/^\d{1,12}$/.test(ref))
      throw new CliError(`outbox ${what}: name the message by its number (outbox list shows it)`)
    const o = parseOptions(`outbox ${what}`, opts, { file: { value: true, required: true } })
    return withBooks(o.file![0]!, ({ books }) => {
      const entry = actions[what as keyof typeof actions](books, Number(ref))
      return `Message ${entry.id} is now ${entry.status}.\n`
    })
  }
  throw new CliError('outbox: list, send, retry, cancel or mark-sent')
}
