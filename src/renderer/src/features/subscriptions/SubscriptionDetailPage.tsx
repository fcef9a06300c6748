import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { SubscriptionView } from '@shared/books/subscriptions'
import type { AppErrorInfo } from '@shared/result'
import { useApi, useChannel } from '../../api/context'
import { Alert } from '../../components/Alert'
import { Button } from '../../components/Button'
import { Card } from '../../components/Card'
import { ConfirmDialog, Dialog } from '../../components/Dialog'
import { DateField } from '../../components/DateField'
import { Loading } from '../../components/Loading'
import { PageHeader } from '../../components/PageHeader'
import { StatusBadge } from '../../components/StatusBadge'
import { addDays } from '../../dayFormat'
import { errorMessage } from '../../errors'
import { formatDay, formatPeriod, today } from '../../format'
import { intlLocale } from '../../i18n'
import { CancelDialog } from './CancelDialog'
import { ChangeSubscriptionDialog, PauseDialog, ResumeDialog } from './LifecycleDialogs'
import { UpcomingInvoiceCard } from './UpcomingInvoiceCard'

type Action = 'change' | 'pause' | 'resume' | 'cancel' | 'undo' | 'reactivate' | null

/** One subscription: its plan and add-ons, periods, pauses, and every lifecycle change with a preview. */
export function SubscriptionDetailPage({ subscriptionId }: { subscriptionId: number }) {
  const { t } = useTranslation()
  const [subscription, reload] = useChannel('subscriptions/get', { subscriptionId })
  if (subscription.status === 'error')
    return <Alert tone="error">{errorMessage(t, subscription.error)}</Alert>
  if (subscription.status === 'loading') return <Loading />
  return (
    <SubscriptionDetail
      key={JSON.stringify(subscription.value)}
      subscription={subscription.value}
      onChanged={reload}
    />
  )
}

function SubscriptionDetail({
  subscription: s,
  onChanged
}: {
  subscription: SubscriptionView
  onChanged(): void
}) {
  const { t } = useTranslation()
  const api = useApi()
  const locale = intlLocale()
  const [customer] = useChannel('customers/get', { customerId: s.customerId })
  const [plans] = useChannel('plans/list', {})
  const [preferences] = useChannel('billingSettings/get', {})
  const [action, setAction] = useState<Action>(null)
  const [failure, setFailure] = useState<AppErrorInfo | null>(null)
  const [reactivateOn, setReactivateOn] = useState(today)
  const close = () => setAction(null)
  const done = () => {
    setAction(null)
    onChanged()
  }
  const simple = async (run: () => Promise<{ ok: boolean; error?: AppErrorInfo }>) => {
    const result = await run()
    if (result.ok) done()
    else setFailure(result.error ?? null)
  }
  const plan = s.items.find((i) => i.role === 'plan' && !i.endDate) ?? s.items[0]
  const name = customer.status === 'ready' ? customer.value.name : ''
  const running = s.status !== 'ended'
  // main lets only a cancellation at the end of a period be undone; one "now" ended service on
  // the chosen day, and only reactivating (from a later day) bills the customer again
  // main says whether a cancellation can still be taken back (one at the end of a period)
  const endsWithPeriod = s.status === 'cancelling' && s.canUndoCancel
  const cancelledNow = s.status === 'cancelling' && !endsWithPeriod
  const canReactivate = !running || cancelledNow
  return (
    <>
      <PageHeader
        title={t('subscriptions.detailTitle', { plan: plan?.planName ?? '', customer: name })}
        description={t('subscriptions.detailDescription', {
          id: s.id,
          date: formatDay(s.startDate, locale)
        })}
        actions={
          <>
            <StatusBadge status={s.status} />
            {running && s.status !== 'cancelling' && (
              <Button variant="primary" onClick={() => setAction('change')}>
                {t('subscriptions.change')}
              </Button>
            )}
            {running && s.status !== 'paused' && s.status !== 'cancelling' && (
              <Button onClick={() => setAction('pause')}>{t('subscriptions.pause')}</Button>
            )}
            {s.status === 'paused' && (
              <Button onClick={() => setAction('resume')}>{t('subscriptions.resume')}</Button>
            )}
            {endsWithPeriod && (
              <Button variant="primary" onClick={() => setAction('undo')}>
                {t('subscriptions.undoCancel')}
              </Button>
            )}
            {running && s.status !== 'cancelling' && (
              <Button variant="danger" onClick={() => setAction('cancel')}>
                {t('subscriptions.cancel')}
              </Button>
            )}
            {canReactivate && (
              <Button
                variant="primary"
                onClick={() => {
                  if (s.cancelAt && reactivateOn <= s.cancelAt)
                    setReactivateOn(addDays(s.cancelAt, 1))
                  setAction('reactivate')
                }}
              >
                {t('subscriptions.reactivate')}
              </Button>
            )}
          </>
        }
      />
      {failure && <Alert tone="error">{errorMessage(t, failure)}</Alert>}
      {endsWithPeriod && s.cancelAt && (
        <Alert
          tone="warning"
          title={t('subscriptions.cancellingTitle', { date: formatDay(s.cancelAt, locale) })}
        >
          <p>{t('subscriptions.cancellingText', { reason: s.cancelReason ?? '' })}</p>
        </Alert>
      )}
      {cancelledNow && s.cancelAt && (
        <Alert
          tone="warning"
          title={t('subscriptions.cancelledNowTitle', { date: formatDay(s.cancelAt, locale) })}
        >
          <p>{t('subscriptions.cancelledNowText', { reason: s.cancelReason ?? '' })}</p>
        </Alert>
      )}
      {s.status === 'ended' && s.cancelAt && (
        <Alert
          tone="info"
          title={t('subscriptions.endedTitle', { date: formatDay(s.cancelAt, locale) })}
        >
          <p>{t('subscriptions.endedText')}</p>
        </Alert>
      )}
      <div className="detail-grid">
        <Card title={t('subscriptions.details')}>
          <dl className="facts">
            <dt>{t('invoices.customer')}</dt>
            <dd>
              <a href={`#/customers/${s.customerId}`}>{name}</a>
            </dd>
            <dt>{t('subscriptions.started')}</dt>
            <dd>{formatDay(s.startDate, locale)}</dd>
            {s.trialEnd && (
              <>
                <dt>{t('subscriptions.trialEnds')}</dt>
                <dd>{formatDay(s.trialEnd, locale)}</dd>
              </>
            )}
            <dt>{t('subscriptions.currentPeriod')}</dt>
            <dd>
              {s.currentPeriod
                ? formatPeriod(s.currentPeriod.start, s.currentPeriod.end, locale)
                : '—'}
            </dd>
            {s.cancelAt && (
              <>
                <dt>{t('subscriptions.lastDay')}</dt>
                <dd>{formatDay(s.cancelAt, locale)}</dd>
                <dt>{t('subscriptions.reason')}</dt>
                <dd>{s.cancelReason}</dd>
              </>
            )}
            <dt>{t('subscriptions.coupon')}</dt>
            <dd>{s.coupons.join(', ') || '—'}</dd>
            <dt>{t('customers.currency')}</dt>
            <dd>{s.currency}</dd>
          </dl>
        </Card>
        <Card title={t('subscriptions.pauses')}>
          {s.pauses.length === 0 ? (
            <p className="muted">{t('subscriptions.noPauses')}</p>
          ) : (
            <ul>
              {s.pauses.map((p) => (
                <li key={p.start}>
                  {p.end
                    ? formatPeriod(p.start, p.end, locale)
                    : t('subscriptions.pausedSince', { date: formatDay(p.start, locale) })}
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
      <Card title={t('subscriptions.items')}>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('subscriptions.plan')}</th>
              <th scope="col">{t('subscriptions.role')}</th>
              <th scope="col">{t('subscriptions.quantity')}</th>
              <th scope="col">{t('subscriptions.version')}</th>
              <th scope="col">{t('subscriptions.from')}</th>
              <th scope="col">{t('subscriptions.until')}</th>
            </tr>
          </thead>
          <tbody>
            {s.items.map((i) => (
              <tr key={i.id}>
                <td>{i.planName}</td>
                <td>{t(`subscriptions.role_${i.role}`)}</td>
                <td>{i.quantity}</td>
                <td>{i.planVersion}</td>
                <td>{formatDay(i.startDate, locale)}</td>
                <td>{i.endDate ? formatDay(i.endDate, locale) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
      {running && <UpcomingInvoiceCard subscriptionId={s.id} />}
      {action === 'change' && plans.status === 'ready' && (
        <ChangeSubscriptionDialog
          subscription={s}
          plans={plans.value}
          open
          onClose={close}
          onDone={done}
        />
      )}
      {action === 'pause' && <PauseDialog subscription={s} open onClose={close} onDone={done} />}
      {action === 'resume' && <ResumeDialog subscription={s} open onClose={close} onDone={done} />}
      {action === 'cancel' && preferences.status === 'ready' && (
        <CancelDialog
          subscription={s}
          preferences={preferences.value}
          open
          onClose={close}
          onDone={done}
        />
      )}
      <ConfirmDialog
        open={action === 'undo'}
        title={t('subscriptions.undoTitle')}
        confirmLabel={t('subscriptions.undoCancel')}
        tone="primary"
        onCancel={close}
        onConfirm={() =>
          void simple(() => api.invoke('subscriptions/undoCancel', { subscriptionId: s.id }))
        }
      >
        <p>{t('subscriptions.undoText')}</p>
      </ConfirmDialog>
      <Dialog
        open={action === 'reactivate'}
        title={t('subscriptions.reactivateTitle')}
        onClose={close}
        footer={
          <>
            <Button onClick={close}>{t('common.cancel')}</Button>
            <Button
              variant="primary"
              onClick={() =>
                void simple(() =>
                  api.invoke('subscriptions/reactivate', { subscriptionId: s.id, on: reactivateOn })
                )
              }
            >
              {t('subscriptions.reactivate')}
            </Button>
          </>
        }
      >
        <DateField
          label={t('subscriptions.reactivateOn')}
          value={reactivateOn}
          onChange={setReactivateOn}
        />
      </Dialog>
    </>
  )
}
