import { CompliancePage } from './features/compliance/CompliancePage'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { useChannel } from './api/context'
import { Alert } from './components/Alert'
import { EmptyState } from './components/EmptyState'
import { AppShell } from './components/AppShell'
import { Loading } from './components/Loading'
import { errorMessage } from './errors'
import { CustomerDetailPage } from './features/customers/CustomerDetailPage'
import { CustomerFormPage } from './features/customers/CustomerFormPage'
import { CustomersPage } from './features/customers/CustomersPage'
import { BillingRunPage } from './features/billing/BillingRunPage'
import { DashboardPage } from './features/dashboard/DashboardPage'
import { InvoiceDetailPage } from './features/invoices/InvoiceDetailPage'
import { InvoicesPage } from './features/invoices/InvoicesPage'
import { CouponsPage } from './features/plans/CouponsPage'
import { PlanEditorPage } from './features/plans/PlanEditorPage'
import { PlansPage } from './features/plans/PlansPage'
import { TaxRatesPage } from './features/plans/TaxRatesPage'
import { ImportWizard } from './features/usage/ImportWizard'
import { UsagePage } from './features/usage/UsagePage'
import { NewSubscriptionPage } from './features/subscriptions/NewSubscriptionPage'
import { SubscriptionDetailPage } from './features/subscriptions/SubscriptionDetailPage'
import { SubscriptionsPage } from './features/subscriptions/SubscriptionsPage'
import { SettingsPage } from './features/settings/SettingsPage'
import { StartPage } from './features/start/StartPage'
import { matchPath, splitRoute, useRoute } from './router'
import { WorkspaceProvider } from './workspace'

/** The page of a route; unknown routes say so instead of showing an empty screen. */
function Page({ route }: { route: string }) {
  const { path, query } = splitRoute(route)
  if (path === '/') return <DashboardPage />
  if (path === '/customers') return <CustomersPage />
  if (path === '/customers/new') return <CustomerFormPage />
  if (path === '/customers/import') return <ImportWizard initialKind="customers" />
  let m = matchPath('/customers/:id', path)
  if (m) return <CustomerDetailPage customerId={Number(m.id)} />
  m = matchPath('/customers/:id/edit', path)
  if (m) return <CustomerFormPage customerId={Number(m.id)} />
  if (path === '/plans') return <PlansPage />
  if (path === '/plans/new') return <PlanEditorPage />
  if (path === '/plans/coupons') return <CouponsPage />
  if (path === '/plans/taxes') return <TaxRatesPage />
  m = matchPath('/plans/edit/:code', path)
  if (m) return <PlanEditorPage code={m.code} />
  if (path === '/subscriptions') return <SubscriptionsPage />
  if (path === '/subscriptions/new') {
    const customer = Number(query.get('customer'))
    return <NewSubscriptionPage customerId={customer > 0 ? customer : undefined} />
  }
  m = matchPath('/subscriptions/:id', path)
  if (m) return <SubscriptionDetailPage subscriptionId={Number(m.id)} />
  if (path === '/usage')
    return <UsagePage customerId={Number(query.get('customer')) || undefined} />
  if (path === '/usage/import') return <ImportWizard />
  if (path === '/billing') return <BillingRunPage asOf={query.get('asOf') ?? undefined} />
  if (path === '/invoices') return <InvoicesPage query={query} />
  m = matchPath('/invoices/:id', path)
  if (m && /^\d+$/.test(m.id!)) return <InvoiceDetailPage invoiceId={Number(m.id)} />
  if (path === '/compliance') return <CompliancePage />
  if (path === '/settings' || path.startsWith('/settings/')) return <SettingsPage route={path} />
  return <NotFound />
}

function NotFound() {
  const { t } = useTranslation()
  return (
    <EmptyState
      title={t('common.notFound')}
      action={
        <a className="btn btn-primary" href="#/">
          {t('nav.home')}
        </a>
      }
    />
  )
}

/** With no company file open, the start screen; otherwise the shell around the page of the route. */
export function App() {
  const { t } = useTranslation()
  const route = useRoute()
  const [file, refresh] = useChannel('files/current', {})
  const workspace = useMemo(
    () => (file.status === 'ready' && file.value ? { file: file.value, refresh } : null),
    [file, refresh]
  )
  if (file.status === 'loading') return <Loading />
  if (file.status === 'error') {
    return (
      <main className="start">
        <Alert tone="error" title={t('errors.title')}>
          {errorMessage(t, file.error)}
        </Alert>
      </main>
    )
  }
  if (!workspace || route === '/start/new') {
    return <StartPage onOpened={refresh} canCancel={workspace !== null} />
  }
  return (
    <WorkspaceProvider value={workspace}>
      <AppShell route={route}>
        <Page key={route} route={route} />
      </AppShell>
    </WorkspaceProvider>
  )
}
