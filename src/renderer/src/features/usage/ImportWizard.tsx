import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ImportReport } from '@shared/books/results'
import type { AppErrorInfo } from '@shared/result'
import { useApi } from '../../api/context'
import { ImportProgress } from './ImportProgress'
import { Alert } from '../../components/Alert'
import { Button } from '../../components/Button'
import { Card } from '../../components/Card'
import { SelectField } from '../../components/Field'
import { PageHeader } from '../../components/PageHeader'
import { errorMessage } from '../../errors'
import {
  guessMapping,
  readHeader,
  renameHeader,
  REQUIRED_COLUMNS,
  toBase64,
  type ImportKind
} from './csvHeader'

type Step =
  | { kind: 'choose' }
  | { kind: 'map'; file: File; bytes: Uint8Array; header: string[] }
  | { kind: 'checked'; file: File; bytes: Uint8Array; report: ImportReport }
  | { kind: 'done'; report: ImportReport }

/** CSV import: choose a file → map its columns → see every bad row (nothing saved) → import all or nothing. */
export function ImportWizard({ initialKind = 'usage' }: { initialKind?: ImportKind }) {
  const { t } = useTranslation()
  const api = useApi()
  const [kind, setKind] = useState<ImportKind>(initialKind)
  const [step, setStep] = useState<Step>({ kind: 'choose' })
  const [mapping, setMapping] = useState<Record<string, string>>({})
  const [failure, setFailure] = useState<AppErrorInfo | string | null>(null)
  const [busy, setBusy] = useState(false)

  const choose = async (file: File | undefined) => {
    if (!file) return
    setFailure(null)
    const bytes = new Uint8Array(await file.arrayBuffer())
    const header = readHeader(bytes)
    if (!header) {
      // not readable here: let main say what is wrong with it (encoding, empty…)
      return check(file, bytes, {})
    }
    setMapping(guessMapping(kind, header))
    setStep({ kind: 'map', file, bytes, header })
  }
  const send = (bytes: Uint8Array, map: Record<string, string>, dryRun: boolean) =>
    api.invoke('usage/import', { kind, dataBase64: toBase64(renameHeader(bytes, map)), dryRun })
  const check = async (file: File, bytes: Uint8Array, map: Record<string, string>) => {
    setBusy(true)
    const result = await send(bytes, map, true)
    setBusy(false)
    if (!result.ok) return setFailure(result.error)
    setStep({ kind: 'checked', file, bytes, report: result.value })
  }
  const importAll = async (bytes: Uint8Array) => {
    setBusy(true)
    const result = await send(bytes, mapping, false)
    setBusy(false)
    if (!result.ok) return setFailure(result.error)
    setStep({ kind: 'done', report: result.value })
  }
  // the browser's own file button speaks the browser's language: this one speaks the app's
  const fileInput = (
    <label className="btn btn-secondary file-pick">
      <input
        type="file"
        accept=".csv,text/csv"
        className="visually-hidden"
        aria-label={t('imports.chooseFile')}
        onChange={(e) => {
          void choose(e.target.files?.[0])
          e.target.value = ''
        }}
      />
      {t('imports.chooseFileButton')}
    </label>
  )
  const steps = ['choose', 'map', 'checked', 'done']
  const current = steps.indexOf(step.kind)
  return (
    <>
      <PageHeader title={t('imports.title')} description={t('imports.description')} />
      <ol className="wizard-steps" aria-label={t('imports.steps')}>
        {['stepChoose', 'stepMap', 'stepCheck', 'stepImport'].map((key, i) => (
          <li
            key={key}
            aria-current={i === current ? 'step' : undefined}
            className={i < current ? 'done' : undefined}
          >
            {t(`imports.${key}`)}
          </li>
        ))}
      </ol>
      {failure && (
        <Alert tone="error">
          {typeof failure === 'string' ? failure : errorMessage(t, failure)}
        </Alert>
      )}
      {step.kind === 'choose' && (
        <Card>
          <SelectField
            label={t('imports.what')}
            value={kind}
            onChange={(v) => setKind(v as ImportKind)}
            options={[
              { value: 'usage', label: t('imports.kind_usage') },
              { value: 'customers', label: t('imports.kind_customers') }
            ]}
            hint={t(`imports.kindHint_${kind}`)}
          />
          {fileInput}
        </Card>
      )}
      {step.kind === 'map' && (
        <Card
          title={t('imports.mapTitle', { file: step.file.name })}
          description={t('imports.mapHint')}
        >
          <div className="form-grid">
            {REQUIRED_COLUMNS[kind].map((field) => (
              <SelectField
                key={field}
                label={t(`imports.column_${field}`)}
                value={mapping[field] ?? ''}
                onChange={(v) => setMapping({ ...mapping, [field]: v })}
                options={[
                  { value: '', label: t('imports.pickColumn') },
                  ...step.header.map((h) => ({ value: h, label: h }))
                ]}
              />
            ))}
          </div>
          <p className="muted">
            {t('imports.otherColumns', {
              columns:
                step.header.filter((h) => !Object.values(mapping).includes(h)).join(', ') || '—'
            })}
          </p>
          <div className="button-row">
            <Button
              variant="primary"
              busy={busy}
              disabled={REQUIRED_COLUMNS[kind].some((f) => !mapping[f])}
              onClick={() => void check(step.file, step.bytes, mapping)}
            >
              {t('imports.check')}
            </Button>
            <Button onClick={() => setStep({ kind: 'choose' })}>{t('imports.otherFile')}</Button>
          </div>
        </Card>
      )}
      {step.kind === 'checked' && (
        <Card title={t('imports.checkTitle', { file: step.file.name })}>
          <ReportSummary report={step.report} />
          {step.report.problems.length > 0 ? (
            <>
              <Alert
                tone="error"
                title={t('imports.problems', {
                  count: step.report.problems.length + step.report.moreProblems
                })}
              >
                <p>{t('imports.nothingImported')}</p>
              </Alert>
              <ProblemTable report={step.report} />
              <p>{t('imports.fixAndChoose')}</p>
              {fileInput}
            </>
          ) : (
            <div className="button-row">
              <Button variant="primary" busy={busy} onClick={() => void importAll(step.bytes)}>
                {t('imports.importRows', { count: step.report.valid })}
              </Button>
              <Button onClick={() => setStep({ kind: 'choose' })}>{t('imports.otherFile')}</Button>
            </div>
          )}
          {busy && <ImportProgress />}
        </Card>
      )}
      {step.kind === 'done' && (
        <Card>
          <Alert tone="success" title={t('imports.doneTitle', { count: step.report.imported })}>
            <ReportSummary report={step.report} />
          </Alert>
          <div className="button-row">
            <Button onClick={() => setStep({ kind: 'choose' })}>{t('imports.another')}</Button>
            <a className="btn btn-secondary" href={kind === 'usage' ? '#/usage' : '#/customers'}>
              {t(kind === 'usage' ? 'imports.toUsage' : 'imports.toCustomers')}
            </a>
          </div>
        </Card>
      )}
    </>
  )
}

function ReportSummary({ report }: { report: ImportReport }) {
  const { t } = useTranslation()
  return (
    <dl className="facts">
      <dt>{t('imports.rows')}</dt>
      <dd>{report.rows}</dd>
      <dt>{t('imports.valid')}</dt>
      <dd>{report.valid}</dd>
      <dt>{t('imports.duplicates')}</dt>
      <dd>{report.duplicates}</dd>
      <dt>{t('imports.alreadyImported')}</dt>
      <dd>{report.alreadyImported}</dd>
    </dl>
  )
}

function ProblemTable({ report }: { report: ImportReport }) {
  const { t } = useTranslation()
  return (
    <table className="table" aria-label={t('imports.problemsLabel')}>
      <thead>
        <tr>
          <th scope="col">{t('imports.line')}</th>
          <th scope="col">{t('imports.column')}</th>
          <th scope="col">{t('imports.reason')}</th>
        </tr>
      </thead>
      <tbody>
        {report.problems.map((p, i) => (
          <tr key={i}>
            <td>{p.line}</td>
            <td>{p.column ?? '—'}</td>
            <td>{t(p.code, { ...p.params, defaultValue: p.reason })}</td>
          </tr>
        ))}
      </tbody>
      {report.moreProblems > 0 && (
        <tfoot>
          <tr>
            <td colSpan={3}>{t('imports.moreProblems', { count: report.moreProblems })}</td>
          </tr>
        </tfoot>
      )}
    </table>
  )
}
