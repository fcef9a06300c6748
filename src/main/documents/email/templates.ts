import {
  EMAIL_KINDS,
  emailTemplateSchema,
  type EmailKind,
  type EmailTemplate,
  type EmailTemplateView
} from '@shared/books/email'
import type { InvoiceView } from '@shared/books/invoices'
import type { CompanyProfile } from '@shared/company'
import { documentLocale } from '@shared/documents/invoice-model'
import {
  defaultTemplate,
  fillTemplate,
  type PlaceholderValues
} from '@shared/documents/email-template'
import { formatDay } from '@shared/format'
import { LANGUAGES, type Language } from '@shared/languages'
import { formatMoney, minorUnits } from '@shared/money'
import { audit } from '../../books/audit'
import type { Books } from '../../store/sync'
import { documentTranslator } from '../pdf/render'

/** The company's own wording of its emails, per kind and language (Settings › Email). */
const KEY = 'email_templates'

type Saved = Partial<Record<`${EmailKind}.${Language}`, EmailTemplate>>

function saved(books: Books): Saved {
  const row = books.first(books.q.selectFrom('settings').select('value').where('key', '=', KEY))
  return row ? (JSON.parse(row.value) as Saved) : {}
}

/** Every template, the company's where it wrote one, the app's own otherwise. */
export function listTemplates(books: Books): EmailTemplateView[] {
  const own = saved(books)
  return EMAIL_KINDS.flatMap((kind) =>
    LANGUAGES.map((language) => {
      const custom = own[`${kind}.${language}`]
      return {
        kind,
        language,
        template: custom ?? defaultTemplate(kind, documentTranslator(language)),
        custom: custom !== undefined
      }
    })
  )
}

export function saveTemplate(
  books: Books,
  kind: EmailKind,
  language: Language,
  template: EmailTemplate | null
): EmailTemplateView[] {
  books.tx(() => {
    const own = saved(books)
    const key = `${kind}.${language}` as const
    const before = own[key] ?? null
    if (template) own[key] = emailTemplateSchema.parse(template)
    else delete own[key]
    const value = JSON.stringify(own)
    books.run(
      books.q
        .insertInto('settings')
        .values({ key: KEY, value })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    )
    audit(books, 'settings', `${KEY}.${key}`, 'update', { template: [before, template] })
  })
  return listTemplates(books)
}

/** A message of `kind` in `language` with its placeholders filled. */
export function templateFor(
  books: Books,
  kind: EmailKind,
  language: Language,
  values: PlaceholderValues
): EmailTemplate {
  const template =
    saved(books)[`${kind}.${language}`] ?? defaultTemplate(kind, documentTranslator(language))
  return fillTemplate(template, values)
}

/** What an invoice's placeholders stand for, written as its document writes them. */
export function invoicePlaceholders(
  invoice: InvoiceView,
  company: CompanyProfile,
  language: Language,
  kind: EmailKind = 'invoice'
): PlaceholderValues {
  const locale = documentLocale(language)
  return {
    customer: invoice.buyer?.name ?? invoice.customerName ?? '',
    number: invoice.number ?? '',
    // a reminder asks for what is still owed; the invoice itself for what it asks
    total: formatMoney(
      minorUnits(kind === 'reminder' ? invoice.outstanding : invoice.subtotals.amountDue),
      invoice.currency,
      locale
    ),
    due_date: invoice.dueDate ? formatDay(invoice.dueDate, locale) : '',
    company: invoice.seller?.name ?? company.legalName
  }
}
