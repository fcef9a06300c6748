import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { NfseImportResult, NfseRow, NfseSettings } from '@shared/nfse'
import type { AppErrorInfo } from '@shared/result'
import { useApi, useChannel } from '../../api/context'
import { Alert } from '../../components/Alert'
import { Button } from '../../components/Button'
import { Card } from '../../components/Card'
import { EmptyState } from '../../components/EmptyState'
import { SelectField, TextField } from '../../components/Field'
import { InvoiceCells, InvoiceHeadCells } from './InvoiceCells'
import { errorMessage, fieldMessage } from '../../errors'
import { ImportSummary } from './ImportSummary'
import { XmlFilesButton } from './XmlFilesButton'

/**
 * A Brazilian seller's NFS-e: the settings its DPS files take their codes from, the import of
 * the NFS-e files the tax system returned, the invoices still without an NFS-e and those with one.
 * Shown for a company in Brazil (or one that has issued as a Brazilian seller).
 */
export function NfseCard() {
  const { t } = useTranslation()
  const api = useApi()
  const [list, reload] = useChannel('nfse/list', {})
  const [result, setResult] = useState<NfseImportResult | null>(null)
  if (list.status !== 'ready' || !list.value.applies) return null
  const { settings, pending, recorded } = list.value
  return (
    <Card title={t('nfse.title')}>
      <p className="muted">{t('nfse.help')}</p>
      <SettingsDetails settings={settings} onSaved={reload} />
      <div className="toolbar">
        <XmlFilesButton
          label={t('nfse.import')}
          send={(files) => api.invoke('nfse/import', { files })}
          onDone={(value) => {
            setResult(value)
            reload()
          }}
        />
      </div>
      {result && <NfseImportSummary result={result} />}
      <h3 className="card-subtitle">{t('nfse.pending', { count: pending.length })}</h3>
      {pending.length === 0 ? (
        <EmptyState title={t('nfse.nonePending')}>{t('nfse.nonePendingHelp')}</EmptyState>
      ) : (
        <NfseTable rows={pending} />
      )}
      {recorded.length > 0 && (
        <>
          <h3 className="card-subtitle">{t('nfse.recorded')}</h3>
          <NfseTable rows={recorded} />
        </>
      )}
    </Card>
  )
}

/** The settings, open until they were first saved; saving keeps them open to say so. */
function SettingsDetails(props: { settings: NfseSettings | null; onSaved(): void }) {
  const { t } = useTranslation()
  const [open, setOpen] = useState(props.settings === null)
  return (
    <details
      className="nfse-settings"
      open={open}
      onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}
    >
      <summary>{t('nfse.settings')}</summary>
      <SettingsForm {...props} />
    </details>
  )
}

const DEFAULTS: NfseSettings = {
  municipality: '',
  municipalRegistration: '',
  simplesNacional: '1',
  simplesRegime: '',
  specialRegime: '0',
  series: '1',
  serviceCode: '',
  nbsCode: '',
  issRate: '',
  environment: 'production',
  operationCode: '100301',
  ibsCbsCst: '000',
  ibsCbsClass: '000001'
}

type TextKey = Exclude<
  keyof NfseSettings,
  'simplesNacional' | 'simplesRegime' | 'specialRegime' | 'environment'
>

/** The text settings, in the order the form shows them, with their input hints. */
const TEXT_FIELDS: { key: TextKey; inputMode?: 'numeric' | 'decimal'; maxLength: number }[] = [
  { key: 'municipality', inputMode: 'numeric', maxLength: 7 },
  { key: 'municipalRegistration', maxLength: 15 },
  { key: 'series', inputMode: 'numeric', maxLength: 5 },
  { key: 'serviceCode', inputMode: 'numeric', maxLength: 6 },
  { key: 'nbsCode', inputMode: 'numeric', maxLength: 9 },
  { key: 'issRate', inputMode: 'decimal', maxLength: 4 },
  { key: 'operationCode', inputMode: 'numeric', maxLength: 6 },
  { key: 'ibsCbsCst', inputMode: 'numeric', maxLength: 3 },
  { key: 'ibsCbsClass', inputMode: 'numeric', maxLength: 6 }
]

function SettingsForm({ settings, onSaved }: { settings: NfseSettings | null; onSaved(): void }) {
  const { t } = useTranslation()
  const api = useApi()
  const [value, setValue] = useState<NfseSettings>(settings ?? DEFAULTS)
  const [failure, setFailure] = useState<AppErrorInfo | null>(null)
  const [saved, setSaved] = useState(false)
  const set = (key: keyof NfseSettings) => (v: string) => {
    setSaved(false)
    setValue((current) => ({ ...current, [key]: v }))
  }
  const error = (key: string) => fieldMessage(t, failure?.fieldErrors?.[`settings.${key}`])
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setFailure(null)
    const result = await api.invoke('nfse/settings', { settings: value })
    if (!result.ok) return setFailure(result.error)
    setSaved(true)
    onSaved()
  }
  const choice = (
    key: 'simplesNacional' | 'simplesRegime' | 'specialRegime' | 'environment',
    values: readonly string[]
  ) => (
    <SelectField
      label={t(`nfse.field_${key}`)}
      value={value[key]}
      onChange={set(key)}
      error={error(key)}
      options={values.map((v) => ({ value: v, label: t(`nfse.${key}_${v || 'none'}`) }))}
    />
  )
  return (
    <form className="form-grid" onSubmit={(e) => void submit(e)} noValidate>
      {TEXT_FIELDS.map((f) => (
        <TextField
          key={f.key}
          label={t(`nfse.field_${f.key}`)}
          hint={t(`nfse.hint_${f.key}`)}
          value={value[f.key]}
          onChange={set(f.key)}
          error={error(f.key)}
          inputMode={f.inputMode}
          maxLength={f.maxLength}
          spellCheck={false}
          autoComplete="off"
          required={f.key === 'municipality' || f.key === 'serviceCode'}
        />
      ))}
      {choice('simplesNacional', ['1', '2', '3'])}
      {value.simplesNacional === '3' && choice('simplesRegime', ['', '1', '2', '3'])}
      {choice('specialRegime', ['0', '1', '2', '3', '4', '5', '6', '9'])}
      {choice('environment', ['production', 'test'])}
      <div className="form-actions">
        <Button type="submit">{t('nfse.saveSettings')}</Button>
        {saved && <span role="status">{t('nfse.settingsSaved')}</span>}
      </div>
      {failure && !failure.fieldErrors && <Alert tone="error">{errorMessage(t, failure)}</Alert>}
    </form>
  )
}

function NfseImportSummary({ result }: { result: NfseImportResult }) {
  const { t } = useTranslation()
  return (
    <ImportSummary
      message={t('nfse.importResult', {
        recorded: result.recorded.length,
        known: result.known.length,
        unmatched: result.unmatched.length
      })}
      unmatched={result.unmatched.map((u, i) => ({
        key: `${u.file}/${u.nfseNumber}/${i}`,
        label: `${u.file} · NFS-e ${u.nfseNumber}`,
        reason: u.reason
      }))}
    />
  )
}

function NfseTable({ rows }: { rows: NfseRow[] }) {
  const { t } = useTranslation()
  return (
    <table className="table nfse-table">
      <thead>
        <tr>
          <InvoiceHeadCells />
          <th scope="col">NFS-e</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.invoiceId}>
            <InvoiceCells row={r} total={r.total} />
            <td>
              {r.accessKey ? (
                <>
                  <span translate="no">{r.nfseNumber}</span>{' '}
                  <code className="muted break-all" translate="no" title={r.accessKey}>
                    {r.accessKey}
                  </code>
                </>
              ) : (
                <span className="muted">{r.dpsId ? t('nfse.dpsExported') : t('nfse.noDps')}</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
