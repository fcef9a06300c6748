import { useTranslation } from 'react-i18next'
import { useChannel } from '../../api/context'
import { Alert } from '../../components/Alert'
import { Card } from '../../components/Card'
import { Loading } from '../../components/Loading'
import { PageHeader } from '../../components/PageHeader'
import { errorMessage } from '../../errors'
import { countryName, formatDate } from '../../format'
import { intlLocale } from '../../i18n'
import { useWorkspace } from '../../workspace'

/** Home: which books are open and what the company profile still lacks. */
export function HomePage() {
  const { t } = useTranslation()
  const { file } = useWorkspace()
  const [company] = useChannel('company/get', {})
  const locale = intlLocale()
  if (company.status === 'loading') return <Loading />
  if (company.status === 'error')
    return <Alert tone="error">{errorMessage(t, company.error)}</Alert>
  const c = company.value
  const missing = [
    !c.address.line1 && t('company.address'),
    !c.taxId && t('company.taxId'),
    !c.email && t('company.email'),
    !c.iban && t('company.iban')
  ].filter((x): x is string => Boolean(x))
  return (
    <>
      <PageHeader
        title={c.legalName}
        description={t('home.today', { date: formatDate(new Date(), locale) })}
      />
      {missing.length > 0 && (
        <Alert tone="info" title={t('home.completeProfile')}>
          <p>{t('home.missing', { fields: missing.join(', ') })}</p>
          <p>
            <a href="#/settings/company">{t('home.goToProfile')}</a>
          </p>
        </Alert>
      )}
      <div className="card-grid">
        <Card title={t('home.companyCard')}>
          <dl className="facts">
            <dt>{t('company.taxId')}</dt>
            <dd>{c.taxId || '—'}</dd>
            <dt>{t('company.country')}</dt>
            <dd>{countryName(c.country, locale)}</dd>
            <dt>{t('company.defaultCurrency')}</dt>
            <dd>{c.defaultCurrency}</dd>
          </dl>
        </Card>
        <Card title={t('home.fileCard')}>
          <dl className="facts">
            <dt>{t('home.fileName')}</dt>
            <dd>{file.fileName}</dd>
            <dt>{t('home.filePath')}</dt>
            <dd className="path">{file.path}</dd>
          </dl>
        </Card>
      </div>
    </>
  )
}
