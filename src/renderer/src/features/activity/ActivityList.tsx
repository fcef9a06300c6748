import { useTranslation } from 'react-i18next'
import type { ActivityEntry } from '@shared/books/results'
import { formatDateTime } from '../../format'
import { intlLocale } from '../../i18n'

const shown = (value: unknown): string => {
  if (value === null || value === undefined || value === '') return '—'
  if (Array.isArray(value) && value.every((v) => typeof v !== 'object')) return value.join(', ')
  return String(value)
}

/** A change is shown when its field has a label and its values read as text (not nested records). */
const readable = (value: unknown) =>
  value === null ||
  typeof value !== 'object' ||
  (Array.isArray(value) && value.every((v) => typeof v !== 'object'))

/** Field labels of the catalog, for the fields the audit log records. */
const FIELD_LABELS: Record<string, string> = {
  name: 'customers.name',
  code: 'customers.code',
  taxId: 'customers.taxId',
  emails: 'customers.emails',
  country: 'customers.country',
  language: 'customers.language',
  currency: 'customers.currency',
  paymentTermsDays: 'customers.paymentTerms',
  segment: 'customers.segment',
  tags: 'customers.tags',
  notes: 'customers.notes',
  archived: 'customers.statusArchived',
  quantity: 'subscriptions.quantity',
  reason: 'subscriptions.reason',
  cancelAt: 'subscriptions.lastDay',
  effectiveDate: 'subscriptions.from',
  effectiveFrom: 'plans.effectiveFrom',
  number: 'invoices.number',
  amount: 'invoices.amount',
  total: 'invoices.total'
}

/** The audit log as a timeline: what happened, when, and old → new. */
export function ActivityList({
  entries,
  emptyText,
  showChanges = true
}: {
  entries: ActivityEntry[]
  emptyText: string
  /** The old → new values (a customer's page); the dashboard shows only what happened. */
  showChanges?: boolean
}) {
  const { t } = useTranslation()
  const locale = intlLocale()
  if (entries.length === 0) return <p className="muted">{emptyText}</p>
  return (
    <ol className="timeline">
      {entries.map((e, i) => {
        const changes = showChanges
          ? Object.entries(e.changes).filter(
              ([field, [a, b]]) =>
                FIELD_LABELS[field] && readable(a) && readable(b) && shown(a) !== shown(b)
            )
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
                {changes.slice(0, 6).map(([field, [before, after]]) => (
                  <li key={field}>
                    <span className="timeline-field">{t(FIELD_LABELS[field]!)}</span>:{' '}
                    {shown(before)} → {shown(after)}
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
