import { useTranslation } from 'react-i18next'
import { useChannel } from '../../api/context'
import { Alert } from '../../components/Alert'

/** Asks for the company details invoices need, until they are filled in. */
export function ProfileReminder() {
  const { t } = useTranslation()
  const [company] = useChannel('company/get', {})
  if (company.status !== 'ready') return null
  const c = company.value
  const missing = [
    !c.address.line1 && t('company.address'),
    !c.taxId && t('company.taxId'),
    !c.email && t('company.email'),
    !c.iban && t('company.iban')
  ].filter((x): x is string => Boolean(x))
  if (missing.length === 0) return null
  return (
    <Alert tone="info" title={t('home.completeProfile')}>
      <p>{t('home.missing', { fields: missing.join(', ') })}</p>
      <p>
        <a href="#/settings/company">{t('home.goToProfile')}</a>
      </p>
    </Alert>
  )
}
