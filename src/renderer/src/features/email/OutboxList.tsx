import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { OutboxEntry } from '@shared/books/email'
import type { AppErrorInfo } from '@shared/result'
import { useApi, useChannel } from '../../api/context'
import { Alert } from '../../components/Alert'
import { Button } from '../../components/Button'
import { Loading } from '../../components/Loading'
import { errorMessage } from '../../errors'
import { formatDateTime } from '../../format'
import { intlLocale } from '../../i18n'

/**
 * Messages in the outbox (all of them, or one invoice's): status, when, the server's words on a
 * failure, and what can be done — send now, retry, cancel, mark an interrupted one as sent.
 */
export function OutboxList({ invoiceId }: { invoiceId?: number }) {
  const { t } = useTranslation()
  const api = useApi()
  const locale = intlLocale()
  const [entries, reload] = useChannel('outbox/list', {
    limit: 200,
    ...(invoiceId ? { invoiceId } : {})
  })
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<AppErrorInfo | null>(null)
  const act = async (run: () => Promise<{ ok: boolean; error?: AppErrorInfo }>) => {
    setBusy(true)
    setFailure(null)
    const result = await run()
    setBusy(false)
    if (!result.ok && result.error) setFailure(result.error)
    reload()
  }
  if (entries.status === 'error')
    return <Alert tone="error">{errorMessage(t, entries.error)}</Alert>
  if (entries.status === 'loading') return <Loading />
  const rows = entries.value
  const when = (e: OutboxEntry) =>
    e.sentAt
      ? formatDateTime(e.sentAt, locale)
      : e.nextAttemptAt
        ? t('email.nextAttempt', { at: formatDateTime(e.nextAttemptAt, locale) })
        : formatDateTime(e.createdAt, locale)
  return (
    <div className="outbox">
      <div className="toolbar">
        <Button busy={busy} onClick={() => void act(() => api.invoke('outbox/send', {}))}>
          {t('email.sendNow')}
        </Button>
        <Button variant="ghost" onClick={reload}>
          {t('email.refresh')}
        </Button>
      </div>
      {failure && <Alert tone="error">{errorMessage(t, failure)}</Alert>}
      {rows.length === 0 ? (
        <p className="muted">{t('email.outboxEmpty')}</p>
      ) : (
        <table className="table" aria-label={t('email.outbox')}>
          <thead>
            <tr>
              <th>{t('email.status')}</th>
              {!invoiceId && <th>{t('email.document')}</th>}
              <th>{t('email.to')}</th>
              {!invoiceId && <th>{t('email.subject')}</th>}
              <th>{t('email.when')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rows.map((e) => (
              <tr key={e.id} data-status={e.status}>
                <td>
                  <span className={`badge badge-${e.status}`}>
                    {t(`email.statuses.${e.status}`)}
                  </span>
                  {e.lastError && <div className="muted small">{e.lastError}</div>}
                </td>
                {!invoiceId && <td>{e.invoiceNumber ?? t(`email.kinds.${e.kind}`)}</td>}
                <td>
                  {invoiceId && <div>{t(`email.kinds.${e.kind}`)}</div>}
                  <span className={invoiceId ? 'muted small' : undefined}>{e.to.join(', ')}</span>
                </td>
                {!invoiceId && <td>{e.subject}</td>}
                <td>{when(e)}</td>
                <td className="actions">
                  {e.canRetry && (
                    <Button
                      variant="ghost"
                      onClick={() => void act(() => api.invoke('outbox/retry', { id: e.id }))}
                    >
                      {t('email.retry')}
                    </Button>
                  )}
                  {e.canMarkSent && (
                    <Button
                      variant="ghost"
                      onClick={() => void act(() => api.invoke('outbox/markSent', { id: e.id }))}
                    >
                      {t('email.markSent')}
                    </Button>
                  )}
                  {e.canCancel && (
                    <Button
                      variant="ghost"
                      onClick={() => void act(() => api.invoke('outbox/cancel', { id: e.id }))}
                    >
                      {t('email.cancel')}
                    </Button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  )
}
