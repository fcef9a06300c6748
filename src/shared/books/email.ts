import { z } from 'zod'
import { line, paragraph, requiredLine } from '../text'
import { LANGUAGES } from '../languages'

/**
 * Email: the company's SMTP server, the templates per language, and the outbox every message
 * goes through. The password is never part of these: it is sealed by the desktop shell or read
 * from FACTURO_SMTP_PASSWORD.
 */

export const TLS_MODES = ['none', 'starttls', 'tls'] as const
export type TlsMode = (typeof TLS_MODES)[number]

const address = z.email().max(254)
const hostName = requiredLine(253).refine((host) => /^[A-Za-z0-9.\-:[\]]+$/.test(host), {
  message: 'A server name has letters, digits, dots and hyphens only (smtp.example.com)',
  params: { code: 'invalid_format' }
})

export const smtpSettingsSchema = z.strictObject({
  host: hostName,
  port: z.number().int().min(1).max(65535),
  tls: z.enum(TLS_MODES),
  user: line(254).default(''),
  fromName: line(200).default(''),
  fromAddress: address,
  replyTo: z.union([z.literal(''), address]).default('')
})
export type SmtpSettings = z.output<typeof smtpSettingsSchema>

/** Settings › Email as the form saves it; a new password is sealed by main and never read back. */
export const smtpSaveInput = smtpSettingsSchema.extend({
  /** A new password; omitted keeps the saved one, '' removes it. */
  password: z.string().max(1000).optional()
})

/** Where the password comes from when a message is sent. */
export type PasswordSource = 'saved' | 'environment' | 'none'

export interface SmtpSettingsView {
  settings: SmtpSettings | null
  passwordSource: PasswordSource
  /** The desktop app can keep a password sealed by the OS; browser mode and the CLI cannot. */
  canSavePassword: boolean
}

export const EMAIL_KINDS = [
  'invoice',
  'credit_note',
  'statement',
  'reminder',
  'renewal',
  'trial_ending'
] as const
export type EmailKind = (typeof EMAIL_KINDS)[number]

/** Every placeholder any template may say. */
export const PLACEHOLDERS = [
  'customer',
  'number',
  'total',
  'due_date',
  'company',
  'plan',
  'date'
] as const
export type Placeholder = (typeof PLACEHOLDERS)[number]

const ABOUT_INVOICE = ['customer', 'number', 'total', 'due_date', 'company'] as const

/**
 * What each kind of message may say; anything else in braces is refused when it is saved.
 * A statement's {date} is its last day and {total} the balance; a renewal's {date} the day it
 * renews and {total} what that invoice will be; a trial's {date} its last day.
 */
export const KIND_PLACEHOLDERS: Readonly<Record<EmailKind, readonly Placeholder[]>> = {
  invoice: ABOUT_INVOICE,
  credit_note: ABOUT_INVOICE,
  reminder: ABOUT_INVOICE,
  statement: ['customer', 'total', 'date', 'company'],
  renewal: ['customer', 'plan', 'date', 'total', 'company'],
  trial_ending: ['customer', 'plan', 'date', 'total', 'company']
}

export const placeholderProblem = (
  text: string,
  allowed: readonly Placeholder[] = PLACEHOLDERS
): string | null => {
  for (const match of text.matchAll(/\{([^{}]*)\}/g)) {
    if (!(allowed as readonly string[]).includes(match[1]!))
      return `{${match[1]}} is not a placeholder here (use ${allowed.map((p) => `{${p}}`).join(', ')})`
  }
  return null
}
const withPlaceholders = <T extends z.ZodType<string>>(schema: T) =>
  schema.superRefine((text, ctx) => {
    const problem = placeholderProblem(text)
    if (problem) ctx.addIssue({ code: 'custom', message: problem, params: { code: 'placeholder' } })
  })

export const emailTemplateSchema = z.strictObject({
  subject: withPlaceholders(requiredLine(300)),
  body: withPlaceholders(paragraph(10_000).pipe(z.string().min(1)))
})
export type EmailTemplate = z.output<typeof emailTemplateSchema>

export const templateKeyInput = z.strictObject({
  kind: z.enum(EMAIL_KINDS),
  language: z.enum(LANGUAGES)
})
/** Saves one template; template null goes back to the app's own wording. */
export const templateSaveInput = templateKeyInput
  .extend({ template: emailTemplateSchema.nullable() })
  .superRefine(({ kind, template }, ctx) => {
    if (!template) return
    for (const field of ['subject', 'body'] as const) {
      const problem = placeholderProblem(template[field], KIND_PLACEHOLDERS[kind])
      if (problem)
        ctx.addIssue({
          code: 'custom',
          path: ['template', field],
          message: problem,
          params: { code: 'placeholder' }
        })
    }
  })

export interface EmailTemplateView {
  kind: EmailKind
  language: (typeof LANGUAGES)[number]
  template: EmailTemplate
  /** Edited by the company (false: the app's own wording). */
  custom: boolean
}

export const recipients = z.array(address).max(50)

export const invoiceEmailInput = z.strictObject({
  invoiceId: z.number().int().positive(),
  /** Omitted: the customer's billing emails. */
  to: recipients.min(1).optional(),
  cc: recipients.default([]),
  bcc: recipients.default([])
})

export const OUTBOX_STATUSES = [
  'queued',
  'sending',
  'sent',
  'failed',
  'cancelled',
  'uncertain'
] as const
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number]

export const outboxListInput = z.strictObject({
  status: z.enum(OUTBOX_STATUSES).optional(),
  invoiceId: z.number().int().positive().optional(),
  limit: z.number().int().min(1).max(1000).default(200)
})
export const outboxIdInput = z.strictObject({ id: z.number().int().positive() })

/** One message in the outbox, as the bookkeeper sees it. */
export interface OutboxEntry {
  id: number
  messageId: string
  kind: EmailKind
  invoiceId: number | null
  invoiceNumber: string | null
  customerId: number | null
  customerName: string | null
  to: string[]
  cc: string[]
  bcc: string[]
  subject: string
  attachment: string | null
  status: OutboxStatus
  attempts: number
  /** When the sender tries next (queued), as an ISO instant. */
  nextAttemptAt: string | null
  /** The server's words for the last failure (or for recipients it refused). */
  lastError: string | null
  sentAt: string | null
  createdAt: string
  /** What the bookkeeper may do with it now. */
  canRetry: boolean
  canCancel: boolean
  canMarkSent: boolean
}

/** What one pass of the sender did. */
export interface OutboxDelivery {
  sent: number
  retrying: number
  failed: number
  /** Still waiting for their next attempt. */
  waiting: number
}
