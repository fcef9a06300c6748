import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Customer } from '@shared/books/customers'
import type { StatementEntry } from '@shared/books/results'
import type { AppErrorInfo } from '@shared/result'
import { useApi, useChannel } from '../../api/context'
import { Alert } from '../../components/Alert'
import { Button } from '../../components/Button'
import { Card } from '../../components/Card'
import { ConfirmDialog } from '../../components/Dialog'
import { Loading } from '../../components/Loading'
import { BalanceMoney, CreditMoney, Money } from '../../components/Money'
import { PageHeader } from '../../components/PageHeader'
import { StatusBadge } from '../../components/StatusBadge'
import { errorMessage } from '../../errors'
import { countryName, formatDateTime, formatDay, LANGUAGE_NAMES } from '../../format'
import { intlLocale } from '../../i18n'
import { ActivityList } from '../activity/ActivityList'
import { PaymentDialog, ReversePaymentDialog } from '../invoices/PaymentDialogs'
import { InvoiceTable } from '../invoices/InvoiceTable'
import { SubscriptionTable } from '../subscriptions/SubscriptionTable'
import { StatementActions } from './StatementActions'

/** One customer: details, balance, subscriptions, invoices, statement and what happened. */
export function CustomerDetailPage({ customerId }: { customerId: number }) {
  const { t } = useTranslation()
  const [customer, reload] = useChannel('customers/get', { customerId })
  // any change made here (archive, a payment) reads every section again
  const [version, setVersion] = useState(0)
  if (customer.status === 'error')
    return <Alert tone="error">{errorMessage(t, customer.error)}</Alert>
  if (customer.status === 'loading') return <Loading />
  return (
    <CustomerDetail
      key={`${customer.value.updatedAt}-${version}`}
      customer={customer.value}
      onChanged={() => {
        reload()
        setVersion((v) => v + 1)
      }}
    />
  )
}

function CustomerDetail({ customer, onChanged }: { customer: Customer; onChanged(): void }) {
  const { t } = useTranslation()
  const api = useApi()
  const id = customer.id
  const [balance] = useChannel('customers/balance', { customerId: id })
  const [subscriptions] = useChannel('subscriptions/list', { customerId: id })
  const [invoices] = useChannel('invoices/list', { customerId: id, limit: 50 })
  const [activity] = useChannel('customers/activity', { customerId: id })
  const [usage] = useChannel('usage/list', { customerId: id, latest: true, limit: 10 })
  const [remindersPaused, reloadPaused] = useChannel('reminders/paused', { customerId: id })
  const [confirming, setConfirming] = useState(false)
  const [paying, setPaying] = useState(false)
  const [reversing, setReversing] = useState<StatementEntry | null>(null)
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<AppErrorInfo | null>(null)
  const locale = intlLocale()
  // the statement is in the currency the customer owes most in (main's choice), else their own
  const statementCurrency =
    (balance.status === 'ready' && balance.value.balances[0]?.currency) || customer.currency

  const archive = async () => {
    setBusy(true)
    const result = await api.invoke('customers/archive', {
      customerId: id,
      archived: !customer.archived
    })
    setBusy(false)
    setConfirming(false)
    if (result.ok) onChanged()
    else setFailure(result.error)
  }
  const address = [
    customer.address.line1,
    customer.address.line2,
    [customer.address.postalCode, customer.address.city].filter(Boolean).join(' '),
    customer.address.region,
    countryName(customer.country, locale)
  ].filter(Boolean)

  return (
    <>
      <PageHeader
        title={customer.name}
        description={`${customer.code}${customer.taxId ? ` · ${customer.taxId}` : ''}`}
        actions={
          <>
            {customer.archived && <StatusBadge status="archived" />}
            <a className="btn btn-primary" href={`#/subscriptions/new?customer=${id}`}>
              {t('customers.subscribe')}
            </a>
            <Button onClick={() => setPaying(true)}>{t('payments.record')}</Button>
            <a className="btn btn-secondary" href={`#/customers/${id}/edit`}>
              {t('common.edit')}
            </a>
            {remindersPaused.status === 'ready' && (
              <Button
                variant="ghost"
                onClick={() =>
                  void api
                    .invoke('reminders/pause', {
                      customerId: id,
                      paused: !remindersPaused.value.paused
                    })
                    .then(reloadPaused)
                }
              >
                {t(remindersPaused.value.paused ? 'email.resumeReminders' : 'email.pauseReminders')}
              </Button>
            )}
            <Button onClick={() => setConfirming(true)}>
              {customer.archived ? t('customers.unarchive') : t('customers.archive')}
            </Button>
          </>
        }
      />
      {failure && <Alert tone="error">{errorMessage(t, failure)}</Alert>}
      <ConfirmDialog
        open={confirming}
        title={customer.archived ? t('customers.unarchiveTitle') : t('customers.archiveTitle')}
        confirmLabel={customer.archived ? t('customers.unarchive') : t('customers.archive')}
        tone={customer.archived ? 'primary' : 'danger'}
        busy={busy}
        onCancel={() => setConfirming(false)}
        onConfirm={() => void archive()}
      >
        <p>
          {customer.archived
            ? t('customers.unarchiveText')
            : t('customers.archiveText', { name: customer.name })}
        </p>
      </ConfirmDialog>
      {paying && (
        <PaymentDialog
          payer={{
            customerId: id,
            currency: statementCurrency,
            outstanding:
              balance.status === 'ready'
                ? (balance.value.balances.find((b) => b.currency === statementCurrency)
                    ?.receivable ?? 0)
                : 0
          }}
          open
          onClose={() => setPaying(false)}
          onDone={() => {
            setPaying(false)
            onChanged()
          }}
        />
      )}
      {reversing && reversing.paymentId !== undefined && (
        <ReversePaymentDialog
          payment={{
            id: reversing.paymentId,
            reference: reversing.reference,
            amount: reversing.amount,
            currency: statementCurrency,
            date: reversing.date
          }}
          open
          onClose={() => setReversing(null)}
          onDone={() => {
            setReversing(null)
            onChanged()
          }}
        />
      )}
      <div className="detail-grid">
        <Card title={t('customers.details')}>
          <dl className="facts">
            <dt>{t('customers.emails')}</dt>
            <dd>{customer.emails.join(', ') || '—'}</dd>
            <dt>{t('company.address')}</dt>
            <dd>
              {address.map((line) => (
                <span key={line} className="block">
                  {line}
                </span>
              ))}
            </dd>
            <dt>{t('customers.language')}</dt>
            <dd>{LANGUAGE_NAMES[customer.language]}</dd>
            <dt>{t('customers.currency')}</dt>
            <dd>{customer.currency}</dd>
            <dt>{t('customers.paymentTerms')}</dt>
            <dd>{t('customers.days', { count: customer.paymentTermsDays })}</dd>
            <dt>{t('customers.taxTreatment')}</dt>
            <dd>{t(`customers.treatment_${customer.taxTreatment}`)}</dd>
            <dt>{t('customers.segment')}</dt>
            <dd>{customer.segment || '—'}</dd>
            <dt>{t('customers.tags')}</dt>
            <dd>{customer.tags.join(', ') || '—'}</dd>
            {customer.notes && (
              <>
                <dt>{t('customers.notes')}</dt>
                <dd>{customer.notes}</dd>
              </>
            )}
          </dl>
        </Card>
        <Card title={t('customers.balance')}>
          {balance.status === 'ready' ? (
            balance.value.balances.length === 0 ? (
              <p className="muted">{t('customers.nothingOwed')}</p>
            ) : (
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">{t('customers.currency')}</th>
                    <th scope="col" className="num">
                      {t('customers.receivable')}
                    </th>
                    <th scope="col" className="num">
                      {t('customers.credit')}
                    </th>
                    <th scope="col" className="num">
                      {t('customers.balance')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {balance.value.balances.map((b) => (
                    <tr key={b.currency}>
                      <td>{b.currency}</td>
                      <td className="num">
                        <Money amount={b.receivable} currency={b.currency} />
                      </td>
                      <td className="num">
                        <CreditMoney amount={b.credit} currency={b.currency} />
                      </td>
                      <td className="num">
                        <BalanceMoney amount={b.balance} currency={b.currency} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )
          ) : (
            <Loading />
          )}
        </Card>
      </div>
      <Card title={t('nav.subscriptions')}>
        {subscriptions.status === 'ready' ? (
          <SubscriptionTable
            subscriptions={subscriptions.value}
            emptyText={t('customers.noSubscriptions')}
          />
        ) : (
          <Loading />
        )}
      </Card>
      <Card title={t('nav.invoices')}>
        {invoices.status === 'ready' ? (
          <InvoiceTable
            invoices={invoices.value.invoices}
            emptyText={t('customers.noInvoices')}
            hideCustomer
            sortedByBillDate
          />
        ) : (
          <Loading />
        )}
      </Card>
      <Card title={t('customers.statement')}>
        <StatementActions customerId={id} />
        {balance.status === 'ready' && balance.value.statement.length > 0 ? (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('customers.date')}</th>
                <th scope="col">{t('customers.entry')}</th>
                <th scope="col">{t('customers.reference')}</th>
                <th scope="col" className="num">
                  {t('customers.amount')}
                </th>
                <th scope="col" className="num">
                  {t('customers.runningBalance')}
                </th>
                <th scope="col">
                  <span className="visually-hidden">{t('common.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {balance.value.statement.map((e, i) => (
                <tr key={i}>
                  <td>{formatDay(e.date, locale)}</td>
                  <td>
                    {t(`customers.entry_${e.kind}`)}
                    {e.reversed && <span className="muted"> · {t('payments.reversed')}</span>}
                  </td>
                  <td>{e.reference}</td>
                  <td className="num">
                    <Money amount={e.amount} currency={statementCurrency} />
                  </td>
                  <td className="num">
                    <BalanceMoney amount={e.balance} currency={statementCurrency} />
                  </td>
                  <td className="actions">
                    {e.kind === 'payment' && e.reversed === false && (
                      <Button variant="ghost" onClick={() => setReversing(e)}>
                        {t('payments.reverse')}
                      </Button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="muted">{t('customers.noStatement')}</p>
        )}
      </Card>
      <Card
        title={t('customers.recentUsage')}
        actions={
          <a className="btn btn-ghost" href={`#/usage?customer=${id}`}>
            {t('customers.allUsage')}
          </a>
        }
      >
        {usage.status === 'ready' && usage.value.length > 0 ? (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('usage.when')}</th>
                <th scope="col">{t('usage.metric')}</th>
                <th scope="col">{t('usage.values')}</th>
                <th scope="col">{t('invoices.status')}</th>
              </tr>
            </thead>
            <tbody>
              {usage.value.map((u) => (
                <tr key={u.id}>
                  <td>{formatDateTime(u.timestamp, locale)}</td>
                  <td>{u.metric}</td>
                  <td>
                    {Object.entries(u.properties)
                      .map(([k, v]) => `${k} ${v}`)
                      .join(', ')}
                  </td>
                  <td>
                    <StatusBadge status={u.billed ? 'billed' : 'unbilled'} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="muted">{t('usage.none')}</p>
        )}
      </Card>
      <Card title={t('customers.activity')}>
        {activity.status === 'ready' ? (
          <ActivityList
            entries={activity.value}
            emptyText={t('customers.noActivity')}
            currency={customer.currency}
          />
        ) : (
          <Loading />
        )}
      </Card>
    </>
  )
}
