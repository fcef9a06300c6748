import { useTranslation } from 'react-i18next'
import type { ActivityEntry } from '@shared/books/results'
import { formatAmount } from '../../components/Money'
import { countryName, formatDateTime, formatDay, LANGUAGE_NAMES } from '../../format'
import { intlLocale } from '../../i18n'
import { ownValue } from '@shared/own'

type T = ReturnType<typeof useTranslation>['t']

/** Field labels of the catalog, for the fields the audit log records (src/main/books/*). */
const FIELD_LABELS: Record<string, string> = {
  name: 'customers.name',
  code: 'customers.code',
  taxId: 'customers.taxId',
  emails: 'customers.emails',
  address: 'company.address',
  country: 'customers.country',
  language: 'customers.language',
  currency: 'customers.currency',
  paymentTermsDays: 'customers.paymentTerms',
  taxTreatment: 'customers.taxTreatment',
  exemptionReason: 'customers.exemptionReason',
  segment: 'customers.segment',
  tags: 'customers.tags',
  notes: 'customers.notes',
  archived: 'customers.statusArchived',
  plan: 'subscriptions.plan',
  quantity: 'subscriptions.quantity',
  startDate: 'subscriptions.startDate',
  reason: 'subscriptions.reason',
  cancelAt: 'subscriptions.lastDay',
  effectiveDate: 'subscriptions.from',
  resumeOn: 'subscriptions.resumeOn',
  effectiveFrom: 'plans.effectiveFrom',
  version: 'activity.fields.version',
  format: 'activity.fields.format',
  number: 'invoices.number',
  status: 'invoices.status',
  method: 'payments.method',
  amount: 'invoices.amount',
  total: 'invoices.total',
  toCredit: 'activity.fields.toCredit',
  asOf: 'billing.asOf',
  invoices: 'activity.fields.invoices',
  failed: 'activity.fields.failed',
  cancelled: 'activity.fields.cancelled',
  timestamp: 'activity.fields.timestamp',
  rows: 'activity.fields.rows',
  imported: 'activity.fields.imported',
  reversed: 'payments.reverseDate',
  creditTaken: 'activity.fields.creditTaken'
}

/** Fields holding money in minor units, and fields holding a calendar day. */
const MONEY_FIELDS = new Set(['amount', 'total', 'toCredit', 'creditTaken'])
const DAY_FIELDS = new Set([
  'startDate',
  'cancelAt',
  'effectiveDate',
  'effectiveFrom',
  'resumeOn',
  'asOf',
  'reversed'
])
const DAY = /^\d{4}-\d{2}-\d{2}$/

const isAddress = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && 'postalCode' in v

/** A change is shown when its field has a label and its values read as text (not nested records). */
const readable = (value: unknown) =>
  value === null ||
  typeof value !== 'object' ||
  isAddress(value) ||
  (Array.isArray(value) && value.every((v) => typeof v !== 'object'))

/** One recorded value in the UI language: money, days, countries, codes through the catalog. */
function shownValue(t: T, field: string, value: unknown, currency: string | undefined): string {
  const locale = intlLocale()
  if (value === null || value === undefined || value === '') return '—'
  if (Array.isArray(value)) return value.length === 0 ? '—' : value.join(', ')
  if (isAddress(value)) {
    const parts = ['line1', 'line2', 'postalCode', 'city', 'region'].map((k) => value[k])
    return parts.filter((p) => typeof p === 'string' && p !== '').join(', ') || '—'
  }
  if (typeof value === 'boolean') return t(value ? 'common.yes' : 'common.no')
  if (typeof value === 'number') {
    if (MONEY_FIELDS.has(field) && currency) return formatAmount(value, currency)
    if (field === 'paymentTermsDays') return t('customers.days', { count: value })
    return new Intl.NumberFormat(locale).format(value)
  }
  const text = String(value)
  if (DAY_FIELDS.has(field) && DAY.test(text)) return formatDay(text, locale)
  if (field === 'timestamp' && !Number.isNaN(Date.parse(text))) return formatDateTime(text, locale)
  if (field === 'country') return countryName(text, locale)
  if (field === 'language') return ownValue(LANGUAGE_NAMES, text) ?? text
  if (field === 'taxTreatment') return t(`customers.treatment_${text}`, { defaultValue: text })
  if (field === 'status') return t(`status.${text}`, { defaultValue: text })
  if (field === 'method') return t(`payments.methodName.${text}`, { defaultValue: text })
  return text
}

/** The currency an entry's amounts are in: its own when it records one, else the record's. */
const entryCurrency = (e: ActivityEntry, fallback: string | undefined) => {
  const own = e.changes.currency?.[1]
  return typeof own === 'string' ? own : fallback
}

/** The audit log as a timeline: what happened, when, and old → new. */
export function ActivityList({
  entries,
  emptyText,
  showChanges = true,
  currency
}: {
  entries: ActivityEntry[]
  emptyText: string
  /** The old → new values (a customer's page); the dashboard shows only what happened. */
  showChanges?: boolean
  /** The currency of the record the entries belong to (a customer's), for amounts. */
  currency?: string
}) {
  const { t } = useTranslation()
  const locale = intlLocale()
  if (entries.length === 0) return <p className="muted">{emptyText}</p>
  return (
    <ol className="timeline">
      {entries.map((e, i) => {
        const money = entryCurrency(e, currency)
        const changes = showChanges
          ? Object.entries(e.changes)
              .filter(([field, [a, b]]) => FIELD_LABELS[field] && readable(a) && readable(b))
              .map(([field, [a, b]]) => ({
                field,
                before: shownValue(t, field, a, money),
                after: shownValue(t, field, b, money)
              }))
              .filter((c) => c.before !== c.after)
          : []
        return (
          <li key={`${e.at}-${i}`} className="timeline-item">
            <time dateTime={e.at} className="timeline-time">
              {formatDateTime(e.at, locale)}
            </time>
            <span className="timeline-what">
              {t(`activity.${e.entity}_${e.action}`, {
                defaultValue: `${e.entity} ${e.action}`,
                id: e.entityId
              })}
            </span>
            {changes.length > 0 && (
              <ul className="timeline-changes">
                {changes.slice(0, 6).map(({ field, before, after }) => (
                  <li key={field}>
                    <span className="timeline-field">{t(FIELD_LABELS[field]!)}</span>:{' '}
                    {before === '—' ? after : `${before} → ${after}`}
                  </li>
                ))}
              </ul>
            )}
          </li>
        )
      })}
    </ol>
  )
}
