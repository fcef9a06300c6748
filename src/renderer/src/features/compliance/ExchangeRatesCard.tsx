import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AppErrorInfo } from '@shared/result'
import { useApi, useChannel } from '../../api/context'
import { Alert } from '../../components/Alert'
import { Button } from '../../components/Button'
import { Card } from '../../components/Card'
import { DateField } from '../../components/DateField'
import { TextField } from '../../components/Field'
import { errorMessage } from '../../errors'
import { formatDay } from '../../format'
import { intlLocale } from '../../i18n'

/** The NBP exchange rates FA(3) states VAT in PLN with, typed in per currency and day. */
export function ExchangeRatesCard({ polish }: { polish: boolean }) {
  const { t } = useTranslation()
  const api = useApi()
  const locale = intlLocale()
  const [rates, reload] = useChannel('exchangeRates/list', {})
  const [currency, setCurrency] = useState('EUR')
  const [day, setDay] = useState('')
  const [rate, setRate] = useState('')
  const [failure, setFailure] = useState<AppErrorInfo | null>(null)
  const save = async () => {
    setFailure(null)
    const result = await api.invoke('exchangeRates/set', {
      currency: currency.trim().toUpperCase(),
      day,
      rate: rate.trim()
    })
    if (!result.ok) return setFailure(result.error)
    setRate('')
    reload()
  }
  // FA(3)'s rates: for a company outside Poland only once one was entered
  if (!polish && !(rates.status === 'ready' && rates.value.length > 0)) return null
  return (
    <Card title={t('ksef.rates')}>
      <p className="muted">{t('ksef.ratesHelp')}</p>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault()
          void save()
        }}
      >
        <TextField
          label={t('customers.currency')}
          value={currency}
          onChange={setCurrency}
          maxLength={3}
        />
        <DateField label={t('ksef.rateDay')} value={day} onChange={setDay} />
        <TextField label={t('ksef.rate')} value={rate} onChange={setRate} inputMode="decimal" />
        <Button type="submit" disabled={!day || !rate.trim()}>
          {t('ksef.saveRate')}
        </Button>
      </form>
      {failure && <Alert tone="error">{errorMessage(t, failure)}</Alert>}
      {rates.status === 'ready' && rates.value.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('customers.currency')}</th>
              <th scope="col">{t('ksef.rateDay')}</th>
              <th scope="col" className="num">
                {t('ksef.rate')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rates.value.map((r) => (
              <tr key={`${r.currency}/${r.day}`}>
                <td translate="no">{r.currency}</td>
                <td>{formatDay(r.day, locale)}</td>
                <td className="num">{r.rate}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  )
}
