import { useTranslation } from 'react-i18next'
import { useChannel } from '../../api/context'
import { PageHeader } from '../../components/PageHeader'
import { ExchangeRatesCard } from './ExchangeRatesCard'
import { KsefQueueCard } from './KsefQueueCard'
import { NfseCard } from './NfseCard'
import { VerifactuCard } from './VerifactuCard'

/**
 * Compliance: what the tax authorities must receive, one card per authority. The KSeF queue of
 * a Polish seller's documents and the NBP rates FA(3) uses; a Spanish seller's Verifactu records;
 * a Brazilian seller's NFS-e settings and the invoices still without an NFS-e.
 */
export function CompliancePage() {
  const { t } = useTranslation()
  const [company] = useChannel('company/get', {})
  if (company.status !== 'ready') return null
  const polish = company.value.country === 'PL'
  return (
    <>
      <PageHeader title={t('compliance.title')} description={t('compliance.description')} />
      <KsefQueueCard polish={polish} />
      <VerifactuCard />
      <NfseCard />
      <ExchangeRatesCard polish={polish} />
    </>
  )
}
