import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import {
  BillingIcon,
  ComplianceIcon,
  CustomersIcon,
  HomeIcon,
  InvoicesIcon,
  LogoMark,
  PlansIcon,
  SettingsIcon,
  SubscriptionsIcon,
  UsageIcon
} from './icons'
import { useWorkspace } from '../workspace'

const SECTIONS = [
  { route: '/', key: 'nav.home', Icon: HomeIcon },
  { route: '/customers', key: 'nav.customers', Icon: CustomersIcon },
  { route: '/plans', key: 'nav.plans', Icon: PlansIcon },
  { route: '/subscriptions', key: 'nav.subscriptions', Icon: SubscriptionsIcon },
  { route: '/usage', key: 'nav.usage', Icon: UsageIcon },
  { route: '/billing', key: 'nav.billing', Icon: BillingIcon },
  { route: '/invoices', key: 'nav.invoices', Icon: InvoicesIcon },
  { route: '/compliance', key: 'nav.compliance', Icon: ComplianceIcon },
  { route: '/settings', key: 'nav.settings', Icon: SettingsIcon }
] as const

const isActive = (route: string, current: string) => {
  const path = current.split('?')[0]!
  return route === '/' ? path === '/' : path === route || path.startsWith(`${route}/`)
}

/** The frame around every page: the sections that exist, and which company's books are open. */
export function AppShell({ route, children }: { route: string; children: ReactNode }) {
  const { t } = useTranslation()
  const { file } = useWorkspace()
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('nav.skipToContent')}
      </a>
      <aside className="sidebar">
        <div className="brand">
          <LogoMark />
          <span>Facturo</span>
        </div>
        <div className="sidebar-company" title={file.path}>
          <span className="sidebar-company-name">{file.companyName}</span>
          <span className="sidebar-company-file">{file.fileName}</span>
        </div>
        <nav aria-label={t('nav.label')}>
          <ul>
            {SECTIONS.map(({ route: to, key, Icon }) => (
              <li key={to}>
                <a
                  href={`#${to}`}
                  className="nav-link"
                  aria-current={isActive(to, route) ? 'page' : undefined}
                >
                  <Icon />
                  <span>{t(key)}</span>
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <a className="nav-link sidebar-switch" href="#/start/new">
          {t('nav.newOrOpen')}
        </a>
      </aside>
      <main id="main" className="content" tabIndex={-1}>
        {file.readOnly && (
          <div className="read-only-banner" role="status">
            {t(`start.readOnly_${file.readOnly}`)}
          </div>
        )}
        {children}
      </main>
    </div>
  )
}
