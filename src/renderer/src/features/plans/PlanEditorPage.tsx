import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { INTERVAL_UNITS } from '@shared/billing/plan'
import type { TaxRate } from '@shared/billing/inputs'
import type { PlanSummary } from '@shared/books/catalog'
import type { AppErrorInfo, FieldError } from '@shared/result'
import { useApi, useChannel } from '../../api/context'
import { Alert } from '../../components/Alert'
import { Button } from '../../components/Button'
import { Card } from '../../components/Card'
import { ConfirmDialog } from '../../components/Dialog'
import { DateField } from '../../components/DateField'
import { SelectField, TextField } from '../../components/Field'
import { Loading } from '../../components/Loading'
import { PageHeader } from '../../components/PageHeader'
import { errorMessage, fieldMessage } from '../../errors'
import { currencyOptions, formatDay, today } from '../../format'
import { intlLocale } from '../../i18n'
import { navigate } from '../../router'
import { Calculator } from './Calculator'
import {
  checkPlanForm,
  emptyPlan,
  emptyPrice,
  formFromPlan,
  pathLabel,
  planInputFromForm,
  type PlanForm
} from './planForm'
import { PriceEditor } from './PriceEditor'
import { SegmentLists } from './SegmentLists'

/** A new plan, or a new price version of an existing one. */
export function PlanEditorPage({ code }: { code?: string }) {
  const { t } = useTranslation()
  const [company] = useChannel('company/get', {})
  const [plans] = useChannel('plans/list', {})
  const [rates] = useChannel('taxRates/list', {})
  for (const s of [company, plans, rates])
    if (s.status === 'error') return <Alert tone="error">{errorMessage(t, s.error)}</Alert>
  if (company.status !== 'ready' || plans.status !== 'ready' || rates.status !== 'ready')
    return <Loading />
  if (!code)
    return <PlanEditor initial={emptyPlan(company.value.defaultCurrency)} taxRates={rates.value} />
  const summary = plans.value.find((p) => p.code === code)
  if (!summary) return <Alert tone="error">{t('plans.notFound', { code })}</Alert>
  return <ExistingPlan summary={summary} taxRates={rates.value} />
}

/** An existing plan starts from the version in force today (or the latest, if none is yet). */
function ExistingPlan({ summary, taxRates }: { summary: PlanSummary; taxRates: TaxRate[] }) {
  const { t } = useTranslation()
  const latest = summary.versions[summary.versions.length - 1]!
  const [version] = useChannel('plans/version', { versionId: latest.id })
  if (summary.current)
    return (
      <PlanEditor initial={formFromPlan(summary.current)} summary={summary} taxRates={taxRates} />
    )
  if (version.status === 'error')
    return <Alert tone="error">{errorMessage(t, version.error)}</Alert>
  if (version.status === 'loading') return <Loading />
  return <PlanEditor initial={formFromPlan(version.value)} summary={summary} taxRates={taxRates} />
}

function PlanEditor({
  initial,
  summary,
  taxRates
}: {
  initial: PlanForm
  summary?: PlanSummary
  taxRates: TaxRate[]
}) {
  const { t } = useTranslation()
  const api = useApi()
  const [archiving, setArchiving] = useState(false)
  const locale = intlLocale()
  const [form, setForm] = useState(initial)
  const [effectiveFrom, setEffectiveFrom] = useState(today)
  const [submitted, setSubmitted] = useState(false)
  const [serverErrors, setServerErrors] = useState<Record<string, FieldError>>({})
  const [failure, setFailure] = useState<AppErrorInfo | null>(null)
  const [saving, setSaving] = useState(false)
  const local = checkPlanForm(form)
  const errors = submitted ? { ...local, ...serverErrors } : serverErrors
  const input = planInputFromForm(form)
  const set = <K extends keyof PlanForm>(field: K, value: PlanForm[K]) => {
    setForm((f) => ({ ...f, [field]: value }))
    setServerErrors({})
  }
  const text = (
    field: keyof PlanForm,
    name: string,
    label: string,
    extra: Record<string, unknown> = {}
  ) => (
    <TextField
      label={label}
      name={name}
      value={String(form[field])}
      onChange={(v) => set(field, v as never)}
      error={fieldMessage(t, errors[name])}
      {...extra}
    />
  )

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setSubmitted(true)
    setFailure(null)
    if (Object.keys(local).length > 0) {
      focusFirst(local)
      return
    }
    setSaving(true)
    const result = await api.invoke('plans/save', { plan: input, effectiveFrom })
    setSaving(false)
    if (result.ok) navigate('/plans')
    else if (result.error.fieldErrors) {
      // main names the plan's fields under "plan."
      const mapped = Object.fromEntries(
        Object.entries(result.error.fieldErrors).map(([k, v]) => [k.replace(/^plan\./, ''), v])
      )
      setServerErrors(mapped)
      focusFirst(mapped)
    } else setFailure(result.error)
  }

  const errorCount = Object.keys(errors).length
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <PageHeader
        title={summary ? t('plans.editTitle', { name: summary.name }) : t('plans.newTitle')}
        description={summary ? t('plans.editDescription') : t('plans.newDescription')}
      />
      {submitted && errorCount > 0 && (
        <Alert tone="error" title={t('customers.errorSummary', { count: errorCount })}>
          <ul className="error-summary">
            {Object.entries(errors).map(([path, error]) => (
              <li key={path}>
                <button type="button" className="link-button" onClick={() => focusField(path)}>
                  {pathLabel(t, path)}: {fieldMessage(t, error)}
                </button>
              </li>
            ))}
          </ul>
        </Alert>
      )}
      {failure && <Alert tone="error">{errorMessage(t, failure)}</Alert>}
      <div className="editor-layout">
        <div className="editor-main">
          <Card title={t('plans.planCard')}>
            <div className="form-grid">
              {text('name', 'name', t('plans.name'), { required: true, autoFocus: !summary })}
              {text('id', 'id', t('plans.code'), {
                hint: t('plans.codeHint'),
                readOnly: Boolean(summary)
              })}
              <SelectField
                label={t('customers.currency')}
                name="currency"
                value={form.currency}
                onChange={(v) => set('currency', v)}
                options={currencyOptions(locale)}
                disabled={Boolean(summary)}
              />
              <div className="form-row">
                {text('interval_count', 'interval.count', t('plans.every'), {
                  inputMode: 'numeric'
                })}
                <SelectField
                  label={t('plans.intervalUnit')}
                  name="interval.unit"
                  value={form.interval_unit}
                  onChange={(v) => set('interval_unit', v as PlanForm['interval_unit'])}
                  options={INTERVAL_UNITS.map((u) => ({ value: u, label: t(`plans.unit_${u}`) }))}
                />
              </div>
              <SelectField
                label={t('plans.alignment')}
                name="alignment"
                value={form.alignment}
                onChange={(v) => set('alignment', v as PlanForm['alignment'])}
                options={[
                  { value: 'anniversary', label: t('plans.alignment_anniversary') },
                  { value: 'calendar', label: t('plans.alignment_calendar') }
                ]}
              />
              {text('trial_days', 'trial_days', t('plans.trialDays'), { inputMode: 'numeric' })}
              <SelectField
                label={t('plans.taxRate')}
                name="tax_rate"
                value={form.tax_rate}
                onChange={(v) => set('tax_rate', v)}
                error={fieldMessage(t, errors.tax_rate)}
                options={taxRates.map((r) => ({
                  value: r.id,
                  label: `${r.name ?? r.id} (${r.percent} %)`
                }))}
              />
              <SelectField
                label={t('plans.pricesAre')}
                name="tax_inclusive"
                value={form.tax_inclusive ? 'gross' : 'net'}
                onChange={(v) => set('tax_inclusive', v === 'gross')}
                options={[
                  { value: 'net', label: t('plans.net') },
                  { value: 'gross', label: t('plans.gross') }
                ]}
              />
              {text('minimum_commitment', 'minimum_commitment', t('plans.minimumCommitment'), {
                hint: t('plans.minimumCommitmentHint'),
                inputMode: 'decimal'
              })}
            </div>
          </Card>
          <Card title={t('plans.prices')} description={t('plans.pricesHint')}>
            {form.prices.map((price, i) => (
              <PriceEditor
                key={i}
                price={price}
                index={i}
                errors={errors}
                taxRates={taxRates}
                canRemove={form.prices.length > 1}
                onChange={(p) =>
                  set(
                    'prices',
                    form.prices.map((x, n) => (n === i ? p : x))
                  )
                }
                onRemove={() =>
                  set(
                    'prices',
                    form.prices.filter((_, n) => n !== i)
                  )
                }
              />
            ))}
            <Button
              onClick={() => set('prices', [...form.prices, emptyPrice(form.prices.length + 1)])}
            >
              {t('plans.addPrice')}
            </Button>
          </Card>
          <SegmentLists
            form={form}
            errors={errors}
            taxRates={taxRates}
            onChange={(segments) => set('segments', segments)}
          />
          <Card title={t('plans.versionCard')}>
            {summary && (
              <ul className="version-list">
                {summary.versions.map((v) => (
                  <li key={v.id}>
                    {t('plans.versionFrom', {
                      version: v.version,
                      date: formatDay(v.effectiveFrom, locale)
                    })}
                  </li>
                ))}
              </ul>
            )}
            <DateField
              label={t('plans.effectiveFrom')}
              name="effectiveFrom"
              value={effectiveFrom}
              onChange={setEffectiveFrom}
              hint={summary ? t('plans.effectiveFromHintNew') : t('plans.effectiveFromHint')}
              error={fieldMessage(t, serverErrors.effectiveFrom)}
            />
          </Card>
        </div>
        <aside className="editor-side">
          <Calculator
            plan={input}
            valid={Object.keys(local).length === 0}
            segments={form.segments.map((l) => l.segment)}
          />
        </aside>
      </div>
      <div className="save-bar">
        <Button variant="primary" type="submit" busy={saving}>
          {summary ? t('plans.saveVersion') : t('plans.create')}
        </Button>
        <a className="btn btn-secondary" href="#/plans">
          {t('common.cancel')}
        </a>
        {summary && (
          <Button type="button" onClick={() => setArchiving(true)}>
            {t('plans.archive')}
          </Button>
        )}
      </div>
      {summary && (
        <ConfirmDialog
          open={archiving}
          title={t('plans.archiveTitle', { name: summary.name })}
          confirmLabel={t('plans.archive')}
          onCancel={() => setArchiving(false)}
          onConfirm={() => {
            setArchiving(false)
            void api
              .invoke('plans/archive', { planCode: summary.code, archived: true })
              .then((result) => (result.ok ? navigate('/plans') : setFailure(result.error)))
          }}
        >
          <p>{t('plans.archiveText')}</p>
        </ConfirmDialog>
      )}
    </form>
  )
}

function focusField(path: string) {
  document.querySelector<HTMLElement>(`[name="${path}"]`)?.focus()
}

function focusFirst(errors: Record<string, unknown>) {
  const first = Object.keys(errors)[0]
  if (first) focusField(first)
}
