import { useTranslation } from 'react-i18next'
import { SubNav } from '../../components/SubNav'
import { AboutView } from './AboutView'
import { BackupsPage } from './BackupsPage'
import { BillingSettingsPage } from './BillingSettingsPage'
import { EmailSettingsPage } from './EmailSettingsPage'
import { NumberingPage } from './NumberingPage'
import { TaxRatesPage } from '../plans/TaxRatesPage'
import { CompanyProfilePage } from './CompanyProfilePage'
import { PreferencesPage } from './PreferencesPage'

const TABS = [
  { route: '/settings/company', key: 'settings.company' },
  { route: '/settings/billing', key: 'settings.billing' },
  { route: '/settings/numbering', key: 'settings.numbering' },
  { route: '/settings/taxes', key: 'plans.tabTaxes' },
  { route: '/settings/email', key: 'settings.email' },
  { route: '/settings/backups', key: 'settings.backups' },
  { route: '/settings/preferences', key: 'settings.preferences' },
  { route: '/settings/about', key: 'settings.about' }
] as const

/** Settings: the company profile, billing rules, numbering, this machine's preferences, and the version. */
export function SettingsPage({ route }: { route: string }) {
  const { t } = useTranslation()
  const active = TABS.find((tab) => tab.route === route)?.route ?? '/settings/company'
  return (
    <div className="settings">
      <SubNav label={t('settings.sections')} tabs={TABS} active={active} />
      {active === '/settings/company' && <CompanyProfilePage />}
      {active === '/settings/billing' && <BillingSettingsPage />}
      {active === '/settings/numbering' && <NumberingPage />}
      {active === '/settings/taxes' && <TaxRatesPage inSettings />}
      {active === '/settings/email' && <EmailSettingsPage />}
      {active === '/settings/backups' && <BackupsPage />}
      {active === '/settings/preferences' && <PreferencesPage />}
      {active === '/settings/about' && <AboutView />}
    </div>
  )
}
