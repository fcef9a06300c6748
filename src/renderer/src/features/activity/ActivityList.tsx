import { useTranslation } from 'react-i18next'
import type { ActivityEntry } from '@shared/books/results'
import { formatDateTime } from '../../format'
import { intlLocale } from '../../i18n'

const shown = (value: unknown): string => {
  if (value === null || value === undefined || value === '') return '—'
  if (typeof value === 'object') return JSON.stringify(value)
  return String(value)
}

/** The audit log as a timeline: what happened, when, and old → new. */
export function ActivityList({
  entries,
  emptyText
}: {
  entries: ActivityEntry[]
  emptyText: string
}) {
  const { t } = useTranslation()
  const locale = intlLocale()
  if (entries.length === 0) return <p className="muted">{emptyText}</p>
  return (
    <ol className="timeline">
      {entries.map((e, i) => {
        const changes = Object.entries(e.changes).filter(([, [a, b]]) => shown(a) !== shown(b))
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
                    <span className="timeline-field">{field}</span>: {shown(before)} →{' '}
                    {shown(after)}
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
