import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { TAX_TREATMENTS } from '@shared/books/customers'
import { defaultLanguageFor } from '@shared/company'
import { EINVOICE_FORMATS, EINVOICE_LABELS } from '@shared/einvoice'
import { compactId, formatPostalCode } from '@shared/party'
import type { Language } from '@shared/languages'
import type { AppErrorInfo, FieldError } from '@shared/result'
import { useApi, useChannel } from '../../api/context'
import { Alert } from '../../components/Alert'
import { Button } from '../../components/Button'
import { Card } from '../../components/Card'
import { Field, SelectField, TextField } from '../../components/Field'
import { Loading } from '../../components/Loading'
import { PageHeader } from '../../components/PageHeader'
import { errorMessage, fieldMessage } from '../../errors'
import { countryOptions, currencyOptions, languageOptions } from '../../format'
import { intlLocale } from '../../i18n'
import { navigate } from '../../router'
import {
  checkCustomerForm,
  CUSTOMER_FIELDS,
  emptyCustomerForm,
  formErrors,
  formFromCustomer,
  inputFromForm,
  type CustomerForm
} from './customerForm'

const TAX_ID_COUNTRIES = ['PL', 'ES', 'BR']

/** New customer (no id) or edit one: loads what the form starts from. */
export function CustomerFormPage({ customerId }: { customerId?: number }) {
  return customerId ? <EditCustomer customerId={customerId} /> : <NewCustomer />
}

/** A new customer starts from the company's country, currency and language. */
function NewCustomer() {
  const { t } = useTranslation()
  const [company] = useChannel('company/get', {})
  if (company.status === 'error')
    return <Alert tone="error">{errorMessage(t, company.error)}</Alert>
  if (company.status === 'loading') return <Loading />
  const initial = emptyCustomerForm({
    country: company.value.country,
    currency: company.value.defaultCurrency,
    language: company.value.defaultLanguage as Language
  })
  return <CustomerEditor initial={initial} />
}

function EditCustomer({ customerId }: { customerId: number }) {
  const { t } = useTranslation()
  const [customer] = useChannel('customers/get', { customerId })
  if (customer.status === 'error')
    return <Alert tone="error">{errorMessage(t, customer.error)}</Alert>
  if (customer.status === 'loading') return <Loading />
  return <CustomerEditor customerId={customerId} initial={formFromCustomer(customer.value)} />
}

function CustomerEditor({ customerId, initial }: { customerId?: number; initial: CustomerForm }) {
  const { t } = useTranslation()
  const api = useApi()
  const [form, setForm] = useState(initial)
  const [touched, setTouched] = useState<Set<keyof CustomerForm>>(new Set())
  const [submitted, setSubmitted] = useState(false)
  const [serverErrors, setServerErrors] = useState<Partial<Record<keyof CustomerForm, FieldError>>>(
    {}
  )
  const [failure, setFailure] = useState<AppErrorInfo | null>(null)
  const [saving, setSaving] = useState(false)
  const local = checkCustomerForm(form)
  // the same tax id on another customer is allowed (branches, a customer set up twice by
  // mistake), but said out loud before saving
  const taxId = compactId(form.taxId)
  const [sameTaxId] = useChannel(
    'customers/list',
    { query: taxId, status: 'all', limit: 5 },
    taxId.length < 5 || Boolean(local.taxId)
  )
  const twins =
    taxId.length >= 5 && !local.taxId && sameTaxId.status === 'ready'
      ? sameTaxId.value.rows.filter((r) => r.taxId === taxId && r.id !== customerId)
      : []
  const errors: Partial<Record<keyof CustomerForm, FieldError>> = { ...serverErrors }
  for (const [field, error] of Object.entries(local) as [keyof CustomerForm, FieldError][])
    if (submitted || touched.has(field)) errors[field] ??= error

  const change = (field: keyof CustomerForm) => (value: string) => {
    setForm((f) => ({ ...f, [field]: value }))
    if (serverErrors[field]) {
      const { [field]: _cleared, ...rest } = serverErrors
      setServerErrors(rest)
    }
  }
  // the invoice language follows the country until it is picked (an existing customer's was)
  const [languagePicked, setLanguagePicked] = useState(customerId !== undefined)
  const changeCountry = (country: string) => {
    change('country')(country)
    if (!languagePicked) setForm((f) => ({ ...f, language: defaultLanguageFor(country) }))
  }
  const changeLanguage = (language: string) => {
    setLanguagePicked(true)
    change('language')(language)
  }
  const touch = (field: keyof CustomerForm) => () => setTouched((s) => new Set(s).add(field))
  const text = (
    field: keyof CustomerForm,
    labelKey: string,
    extra: Record<string, unknown> = {}
  ) => (
    <TextField
      label={t(labelKey)}
      name={field}
      value={form[field]}
      onChange={change(field)}
      onBlur={touch(field)}
      error={fieldMessage(t, errors[field])}
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
    const fields = inputFromForm(form)
    const result = customerId
      ? await api.invoke('customers/update', { customerId, fields })
      : await api.invoke('customers/create', fields)
    setSaving(false)
    if (result.ok) navigate(`/customers/${result.value.id}`)
    else if (result.error.fieldErrors) {
      const mapped = formErrors(result.error.fieldErrors)
      setServerErrors(mapped)
      focusFirst(mapped)
    } else setFailure(result.error)
  }

  const locale = intlLocale()
  const taxIdKnown = TAX_ID_COUNTRIES.includes(form.country)
  const summary = CUSTOMER_FIELDS.filter(([f]) => errors[f])
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <PageHeader
        title={
          customerId ? t('customers.editTitle', { name: initial.name }) : t('customers.newTitle')
        }
        description={t('customers.formDescription')}
      />
      {submitted && summary.length > 0 && (
        <Alert tone="error" title={t('customers.errorSummary', { count: summary.length })}>
          <ul className="error-summary">
            {summary.map(([field, key]) => (
              <li key={field}>
                <button type="button" className="link-button" onClick={() => focusField(field)}>
                  {t(key)}: {fieldMessage(t, errors[field])}
                </button>
              </li>
            ))}
          </ul>
        </Alert>
      )}
      {failure && <Alert tone="error">{errorMessage(t, failure)}</Alert>}
      <div className="card-grid">
        <Card title={t('customers.identity')}>
          <div className="form-grid">
            {text('name', 'customers.name', { required: true, autoFocus: !customerId })}
            {text('code', 'customers.code', { hint: t('customers.codeHint') })}
            <SelectField
              label={t('customers.country')}
              name="country"
              value={form.country}
              onChange={changeCountry}
              options={countryOptions(locale)}
              error={fieldMessage(t, errors.country)}
            />
            {text('taxId', taxIdKnown ? `company.taxId_${form.country}` : 'company.taxId', {
              hint: t(taxIdKnown ? `company.taxIdHint_${form.country}` : 'customers.taxIdHint')
            })}
            {twins.length > 0 && (
              <Alert tone="warning">
                {t('customers.sameTaxId', { count: twins.length })}{' '}
                {twins.map((r, i) => (
                  <span key={r.id}>
                    {i > 0 && ', '}
                    <a href={`#/customers/${r.id}`}>{r.name}</a>
                  </span>
                ))}
              </Alert>
            )}
            {text('emails', 'customers.emails', { hint: t('customers.emailsHint') })}
          </div>
        </Card>
        <Card title={t('company.address')}>
          <div className="form-grid">
            {text('line1', 'company.line1')}
            {text('line2', 'company.line2')}
            {text('postalCode', 'company.postalCode', {
              onBlur: () => {
                touch('postalCode')()
                setForm((f) => ({ ...f, postalCode: formatPostalCode(f.country, f.postalCode) }))
              }
            })}
            {text('city', 'company.city')}
            {text('region', 'company.region')}
          </div>
        </Card>
        <Card title={t('customers.invoicing')}>
          <div className="form-grid">
            <SelectField
              label={t('customers.language')}
              name="language"
              value={form.language}
              onChange={changeLanguage}
              options={languageOptions()}
            />
            <SelectField
              label={t('customers.currency')}
              name="currency"
              value={form.currency}
              onChange={change('currency')}
              options={currencyOptions(locale)}
              error={fieldMessage(t, errors.currency)}
            />
            {text('paymentTermsDays', 'customers.paymentTerms', {
              inputMode: 'numeric',
              hint: t('customers.paymentTermsHint')
            })}
            <SelectField
              label={t('customers.taxTreatment')}
              name="taxTreatment"
              value={form.taxTreatment}
              onChange={change('taxTreatment')}
              options={TAX_TREATMENTS.map((v) => ({
                value: v,
                label: t(`customers.treatment_${v}`)
              }))}
            />
            {form.taxTreatment === 'exempt' &&
              text('exemptionReason', 'customers.exemptionReason', {
                hint: t('customers.exemptionReasonHint')
              })}
            {text('peppolId', 'customers.peppolId', { hint: t('customers.peppolIdHint') })}
            <SelectField
              label={t('customers.einvoiceFormat')}
              name="einvoiceFormat"
              value={form.einvoiceFormat}
              onChange={change('einvoiceFormat')}
              options={[
                { value: '', label: t('customers.einvoiceNone') },
                ...EINVOICE_FORMATS.map((v) => ({
                  value: v,
                  label: EINVOICE_LABELS[v].label,
                  translate: 'no' as const
                }))
              ]}
              hint={t('customers.einvoiceFormatHint')}
            />
          </div>
        </Card>
        <Card title={t('customers.grouping')}>
          <div className="form-grid">
            {text('segment', 'customers.segment', { hint: t('customers.segmentHint') })}
            {text('tags', 'customers.tags', { hint: t('customers.tagsHint') })}
            <Field label={t('customers.notes')} error={fieldMessage(t, errors.notes)}>
              {({ id, describedBy }) => (
                <textarea
                  id={id}
                  name="notes"
                  className="input textarea"
                  rows={3}
                  value={form.notes}
                  aria-describedby={describedBy}
                  onChange={(e) => change('notes')(e.target.value)}
                />
              )}
            </Field>
          </div>
        </Card>
      </div>
      <div className="save-bar">
        <Button variant="primary" type="submit" busy={saving}>
          {customerId ? t('common.save') : t('customers.create')}
        </Button>
        <a
          className="btn btn-secondary"
          href={customerId ? `#/customers/${customerId}` : '#/customers'}
        >
          {t('common.cancel')}
        </a>
      </div>
    </form>
  )
}

function focusField(field: string) {
  document.querySelector<HTMLElement>(`[name="${field}"]`)?.focus()
}

function focusFirst(errors: Partial<Record<keyof CustomerForm, unknown>>) {
  const first = CUSTOMER_FIELDS.find(([f]) => errors[f])
  if (first) focusField(first[0])
}
