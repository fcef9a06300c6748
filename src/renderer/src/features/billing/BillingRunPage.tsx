import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApi, useChannel } from '../../api/context'
import { ActionButton } from '../../components/ActionButton'
import { fromBase64, saveDownload } from '../../download'
import { Alert } from '../../components/Alert'
import { Button } from '../../components/Button'
import { Card } from '../../components/Card'
import { ConfirmDialog } from '../../components/Dialog'
import { DateField } from '../../components/DateField'
import { PageHeader } from '../../components/PageHeader'
import { ProgressBar } from '../../components/ProgressBar'
import { errorMessage } from '../../errors'
import { formatDay, today } from '../../format'
import { intlLocale } from '../../i18n'
import { RunFailures } from './RunFailures'
import { RunSummaryView } from './RunSummaryView'
import { useBillingRun } from './useBillingRun'
import { PrintButton } from '../invoices/PdfPreview'

/** Billing run: pick the as-of date, preview what would be invoiced, run it with a progress bar. */
export function BillingRunPage({ asOf: initial }: { asOf?: string }) {
  const { t } = useTranslation()
  const locale = intlLocale()
  const [asOf, setAsOf] = useState(initial ?? today())
  const [confirming, setConfirming] = useState(false)
  const [last, reloadLast] = useChannel('billing/lastRun', {})
  const [prefs] = useChannel('billingSettings/get', {})
  const run = useBillingRun()
  const api = useApi()
  const state = run.state
  const running = state.kind === 'running'
  const validDate = /^\d{4}-\d{2}-\d{2}$/.test(asOf)
  return (
    <>
      <PageHeader title={t('nav.billing')} description={t('billing.description')} />
      <Card>
        <div className="form-row billing-controls">
          <DateField
            label={t('billing.asOf')}
            value={asOf}
            onChange={(v) => {
              setAsOf(v)
              run.reset()
            }}
            hint={t('billing.asOfHint')}
          />
          <div className="button-row">
            <Button disabled={!validDate || running} onClick={() => run.start(asOf, true)}>
              {t('billing.preview')}
            </Button>
            <Button
              variant="primary"
              disabled={!validDate || running}
              onClick={() => setConfirming(true)}
            >
              {t('billing.run')}
            </Button>
          </div>
        </div>
        {prefs.status === 'ready' && (
          <p className="muted">
            {t(
              prefs.value.runCreates === 'drafts' ? 'billing.makesDrafts' : 'billing.issuesDirectly'
            )}{' '}
            <a href="#/settings/billing">{t('billing.change')}</a>
          </p>
        )}
        {last.status === 'ready' && last.value && (
          <p className="muted">
            {t('billing.lastRun', {
              date: formatDay(last.value.asOf, locale),
              status: t(`billing.runStatus_${last.value.status}`),
              count: last.value.invoicesCreated
            })}{' '}
            {last.value.invoicesCreated > 0 && <RunPdfButton runId={last.value.runId} />}
            {last.value.invoicesCreated > 0 && <RunPrintButton runId={last.value.runId} />}
            {last.value.invoicesCreated > 0 && <RunZipButton runId={last.value.runId} />}
          </p>
        )}
        {last.status === 'ready' && last.value && run.state.kind !== 'done' && (
          <RunFailures failures={last.value.failures} />
        )}
        {state.kind === 'running' && (
          <div className="import-progress">
            <ProgressBar
              label={t(state.dryRun ? 'billing.previewing' : 'billing.progress')}
              done={state.progress?.done ?? 0}
              total={state.progress?.total ?? 0}
            />
            <Button onClick={() => void api.invoke('billing/cancel', {})}>
              {t('billing.stop')}
            </Button>
          </div>
        )}
        {run.state.kind === 'failed' && (
          <Alert tone="error">{errorMessage(t, run.state.error)}</Alert>
        )}
      </Card>
      {run.state.kind === 'done' && <RunSummaryView summary={run.state.summary} />}
      <ConfirmDialog
        open={confirming}
        title={t('billing.confirmTitle', { date: validDate ? formatDay(asOf, locale) : asOf })}
        confirmLabel={t('billing.run')}
        tone="primary"
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false)
          run.start(asOf, false)
          setTimeout(reloadLast, 500)
        }}
      >
        <p>{t('billing.confirmText')}</p>
      </ConfirmDialog>
    </>
  )
}

/** The run's invoices as one PDF, each in its customer's language, to print at once. */
function RunPdfButton({ runId }: { runId: number }) {
  const { t } = useTranslation()
  const api = useApi()
  return (
    <ActionButton
      variant="ghost"
      label={t('billing.runPdf')}
      run={() => api.invoke('billing/runPdf', { runId })}
      onValue={(pdf) => saveDownload(fromBase64(pdf.pdfBase64), pdf.fileName, 'application/pdf')}
    />
  )
}

/** The run's invoices as one PDF, printed at once (the OS dialog, or the browser's viewer). */
function RunPrintButton({ runId }: { runId: number }) {
  const api = useApi()
  return <PrintButton variant="ghost" load={() => api.invoke('billing/runPdf', { runId })} />
}

/** The run's invoices as a ZIP of PDFs, one per invoice, named by number: to archive or send on. */
function RunZipButton({ runId }: { runId: number }) {
  const { t } = useTranslation()
  const api = useApi()
  return (
    <ActionButton
      variant="ghost"
      label={t('billing.runZip')}
      run={() => api.invoke('billing/runZip', { runId })}
      onValue={(zip) => saveDownload(fromBase64(zip.zipBase64), zip.fileName, 'application/zip')}
    />
  )
}
