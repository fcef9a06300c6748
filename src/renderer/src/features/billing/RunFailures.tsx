import { useTranslation } from 'react-i18next'
import type { RunFailure } from '@shared/books/results'
import { Alert } from '../../components/Alert'
import { errorMessage } from '../../errors'

/** The customers a run could not bill, each with why and a link to the customer. */
export function RunFailures({ failures }: { failures: readonly RunFailure[] }) {
  const { t } = useTranslation()
  if (failures.length === 0) return null
  return (
    <Alert tone="error" title={t('billing.failedTitle', { count: failures.length })}>
      <p>{t('billing.failedText')}</p>
      <ul className="run-failures">
        {failures.map((f) => (
          <li key={f.customerId}>
            <a href={`#/customers/${f.customerId}`}>{f.name}</a>:{' '}
            {errorMessage(t, { code: f.code, message: f.message, problem: f.problem })}
          </li>
        ))}
      </ul>
    </Alert>
  )
}
