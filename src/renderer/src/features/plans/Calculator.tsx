import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PlanInput } from '@shared/billing/plan'
import type { PlanQuote } from '@shared/books/catalog'
import type { AppErrorInfo } from '@shared/result'
import { useApi } from '../../api/context'
import { Alert } from '../../components/Alert'
import { Card } from '../../components/Card'
import { SelectField, TextField } from '../../components/Field'
import { Money } from '../../components/Money'
import { errorMessage } from '../../errors'
import { formatQuantity } from '../../format'
import { intlLocale } from '../../i18n'
import { BreakdownView } from '../invoices/BreakdownView'

const NUMBER = /^\d{1,12}(\.\d{1,6})?$/

/** "What does 1,250 units cost?": the plan being edited, priced by main as an invoice would be. */
export function Calculator({
  plan,
  valid,
  segments
}: {
  plan: PlanInput
  valid: boolean
  segments: string[]
}) {
  const { t } = useTranslation()
  const api = useApi()
  const locale = intlLocale()
  const [quantity, setQuantity] = useState('1250')
  const [seats, setSeats] = useState('1')
  const [transactions, setTransactions] = useState('0')
  const [segment, setSegment] = useState('')
  const forSegment = segments.includes(segment) ? segment : ''
  const [result, setResult] = useState<
    (({ quote: PlanQuote } | { error: AppErrorInfo }) & { request: string }) | null
  >(null)
  const percentage = plan.prices.some((p) => p.model === 'percentage')
  const metered = plan.prices.some((p) => 'metric' in p && p.metric)
  const inputsOk = NUMBER.test(quantity) && NUMBER.test(seats) && /^\d{1,9}$/.test(transactions)
  const request = JSON.stringify({ plan, quantity, seats, transactions, segment: forSegment })
  useEffect(() => {
    if (!valid || !inputsOk) return
    let live = true
    // wait for a pause in typing before asking
    const timer = setTimeout(() => {
      const input = JSON.parse(request) as {
        plan: PlanInput
        quantity: string
        seats: string
        transactions: string
      }
      void api
        .invoke('plans/quote', { ...input, transactions: Number(input.transactions) })
        .then(
          (r) => live && setResult(r.ok ? { quote: r.value, request } : { error: r.error, request })
        )
    }, 150)
    return () => {
      live = false
      clearTimeout(timer)
    }
  }, [api, request, valid, inputsOk])

  return (
    <Card title={t('plans.calculator')} description={t('plans.calculatorHint')}>
      <div className="form-grid">
        {metered && (
          <TextField
            label={t('plans.calcQuantity')}
            value={quantity}
            onChange={setQuantity}
            inputMode="decimal"
            error={NUMBER.test(quantity) ? undefined : t('plans.calcNumber')}
          />
        )}
        <TextField
          label={t('plans.calcSeats')}
          value={seats}
          onChange={setSeats}
          inputMode="decimal"
          error={NUMBER.test(seats) ? undefined : t('plans.calcNumber')}
        />
        {segments.length > 0 && (
          <SelectField
            label={t('plans.calcSegment')}
            value={forSegment}
            onChange={setSegment}
            options={[
              { value: '', label: t('plans.calcNoSegment') },
              ...segments.map((s) => ({ value: s, label: s }))
            ]}
          />
        )}
        {percentage && (
          <TextField
            label={t('plans.calcTransactions')}
            value={transactions}
            onChange={setTransactions}
            inputMode="numeric"
            error={/^\d{1,9}$/.test(transactions) ? undefined : t('plans.calcNumber')}
          />
        )}
      </div>
      {!valid ? (
        <p className="muted">{t('plans.calcFixFirst')}</p>
      ) : result && 'error' in result ? (
        <Alert tone="error">{errorMessage(t, result.error)}</Alert>
      ) : result ? (
        <table
          className={result.request === request ? 'table' : 'table stale'}
          aria-label={t('plans.calculator')}
          aria-busy={result.request !== request}
        >
          <thead>
            <tr>
              <th scope="col">{t('plans.price')}</th>
              <th scope="col">{t('plans.howComputed')}</th>
              <th scope="col" className="num">
                {t('invoices.amount')}
              </th>
            </tr>
          </thead>
          <tbody>
            {result.quote.lines.map((line) => (
              <tr key={line.priceId}>
                <td>
                  {line.description}
                  <span className="block muted">
                    {formatQuantity(line.quantity, locale)} {line.metric ?? t('plans.seatsUnit')}
                  </span>
                </td>
                <td>
                  <BreakdownView steps={line.breakdown} currency={result.quote.currency} />
                </td>
                <td className="num">
                  <Money amount={line.amount} currency={result.quote.currency} />
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <td colSpan={2}>{t('plans.calcTotal')}</td>
              <td className="num">
                <Money amount={result.quote.total} currency={result.quote.currency} />
              </td>
            </tr>
          </tfoot>
        </table>
      ) : null}
    </Card>
  )
}
