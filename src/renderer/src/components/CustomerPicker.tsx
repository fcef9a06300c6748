import { useDeferredValue, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useChannel } from '../api/context'

/** Finds a customer as you type and picks one from the matches (a select, so the keyboard works as usual). */
export function CustomerPicker({
  value,
  onChange,
  error
}: {
  value: number | null
  onChange(customerId: number | null): void
  error?: string
}) {
  const { t } = useTranslation()
  const id = useId()
  const [query, setQuery] = useState('')
  const search = useDeferredValue(query)
  const [found] = useChannel('customers/search', { query: search, limit: 50 })
  const [chosen] = useChannel('customers/get', { customerId: value ?? 0 }, value === null)
  const options = found.status === 'ready' ? found.value.customers : []
  const current = value && chosen.status === 'ready' ? chosen.value : null
  const list =
    current && !options.some((c) => c.id === current.id) ? [current, ...options] : options
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label className="field-label" htmlFor={`${id}-find`}>
        {t('subscriptions.findCustomer')}
      </label>
      <input
        id={`${id}-find`}
        type="search"
        className="input"
        value={query}
        placeholder={t('customers.searchPlaceholder')}
        onChange={(e) => setQuery(e.target.value)}
      />
      <label className="field-label" htmlFor={`${id}-pick`}>
        {t('subscriptions.customer')}
      </label>
      <select
        id={`${id}-pick`}
        name="customerId"
        className="input select"
        value={value ?? ''}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => onChange(e.target.value ? Number(e.target.value) : null)}
      >
        <option value="">{t('subscriptions.chooseCustomer', { count: list.length })}</option>
        {list.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name} ({c.code}, {c.currency})
          </option>
        ))}
      </select>
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  )
}
