import { useRef, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { TFunction } from 'i18next'
import { checkNumberFormat, formatInvoiceNumber } from '@shared/invoice-number'
import type { Language } from '@shared/languages'
import { formatMoney, sampleAmount } from '@shared/money'
import type { AppErrorInfo, FieldError } from '@shared/result'
import { Alert } from '../../components/Alert'
import { Button } from '../../components/Button'
import { Card } from '../../components/Card'
import { SelectField, TextField } from '../../components/Field'
import { PageHeader } from '../../components/PageHeader'
import { errorMessage, fieldMessage } from '../../errors'
import { countryOptions, currencyOptions, languageOptions, today } from '../../format'
import { intlLocale } from '../../i18n'
import { FIELD_LABELS, readLogo, type CompanyForm } from './companyForm'

interface ViewProps {
  form: CompanyForm
  onChange(form: CompanyForm, changedPath?: string): void
  onLocalError(path: string, error: FieldError): void
  onSubmit(): void
  fieldErrors: Record<string, FieldError>
  failure: AppErrorInfo | null
  saving: boolean
  saved: boolean
}

const TAX_ID_COUNTRIES = ['PL', 'ES', 'BR']

function taxIdLabel(t: TFunction, country: string): { label: string; hint: string } {
  if (TAX_ID_COUNTRIES.includes(country)) {
    return { label: t(`company.taxId_${country}`), hint: t(`company.taxIdHint_${country}`) }
  }
  return { label: t('company.taxId'), hint: t('company.taxIdHint') }
}

function focusField(path: string) {
  document.querySelector<HTMLElement>(`[name="${path}"]`)?.focus()
}

function ErrorSummary({
  errors,
  country
}: {
  errors: Record<string, FieldError>
  country: string
}) {
  const { t } = useTranslation()
  const labelOf = (path: string, key: string) =>
    path === 'taxId' ? taxIdLabel(t, country).label : t(key)
  const paths = FIELD_LABELS.filter(([path]) => errors[path]).map(([path, key]) => ({
    path,
    label: labelOf(path, key)
  }))
  const other = Object.keys(errors).filter((p) => !FIELD_LABELS.some(([path]) => path === p))
  if (paths.length === 0 && other.length === 0) return null
  return (
    <Alert
      tone="error"
      title={t('companyForm.errorSummary', { count: paths.length + other.length })}
    >
      <ul className="error-summary">
        {paths.map(({ path, label }) => (
          <li key={path}>
            <button type="button" className="link-button" onClick={() => focusField(path)}>
              {label}: {fieldMessage(t, errors[path])}
            </button>
          </li>
        ))}
        {other.map((p) => (
          <li key={p}>
            {p}: {fieldMessage(t, errors[p])}
          </li>
        ))}
      </ul>
    </Alert>
  )
}

export function CompanyProfileView({
  form,
  onChange,
  onLocalError,
  onSubmit,
  fieldErrors,
  failure,
  saving,
  saved
}: ViewProps) {
  const { t } = useTranslation()
  const locale = intlLocale()
  const fileInput = useRef<HTMLInputElement>(null)
  const err = (path: string) => fieldMessage(t, fieldErrors[path])
  const set = <K extends keyof CompanyForm>(key: K, value: CompanyForm[K]) =>
    onChange({ ...form, [key]: value }, key)
  const setAddress = (key: keyof CompanyForm['address'], value: string) =>
    onChange({ ...form, address: { ...form.address, [key]: value } }, `address.${key}`)
  const tax = taxIdLabel(t, form.country)
  const formatProblem = checkNumberFormat(form.invoiceNumberFormat)
  const submit = (event: FormEvent) => {
    event.preventDefault()
    onSubmit()
  }
  const chooseLogo = async (file: File | undefined) => {
    if (!file) return
    const read = await readLogo(file)
    if ('error' in read) onLocalError('logo', read.error)
    else set('logo', read.logo)
  }

  return (
    <form className="profile-form" onSubmit={submit} noValidate aria-label={t('companyForm.title')}>
      <PageHeader title={t('companyForm.title')} description={t('companyForm.description')} />
      <ErrorSummary errors={fieldErrors} country={form.country} />
      {failure && (
        <Alert tone="error" title={t('companyForm.saveFailed')}>
          {errorMessage(t, failure)}
        </Alert>
      )}

      <Card as="fieldset" title={t('companyForm.identity')}>
        <div className="form-grid">
          <TextField
            name="legalName"
            label={t('company.legalName')}
            value={form.legalName}
            onChange={(v) => set('legalName', v)}
            error={err('legalName')}
            required
            fieldClassName="span-2"
            autoComplete="organization"
          />
          <SelectField
            name="country"
            label={t('company.country')}
            value={form.country}
            options={countryOptions(locale)}
            onChange={(v) => set('country', v)}
            error={err('country')}
            required
          />
          <TextField
            name="taxId"
            label={tax.label}
            hint={tax.hint}
            value={form.taxId}
            onChange={(v) => set('taxId', v)}
            error={err('taxId')}
            spellCheck={false}
          />
        </div>
      </Card>

      <Card as="fieldset" title={t('company.address')}>
        <div className="form-grid">
          <TextField
            name="address.line1"
            label={t('company.line1')}
            value={form.address.line1}
            onChange={(v) => setAddress('line1', v)}
            error={err('address.line1')}
            required
            fieldClassName="span-2"
            autoComplete="address-line1"
          />
          <TextField
            name="address.line2"
            label={t('company.line2')}
            value={form.address.line2}
            onChange={(v) => setAddress('line2', v)}
            error={err('address.line2')}
            fieldClassName="span-2"
            autoComplete="address-line2"
          />
          <TextField
            name="address.postalCode"
            label={t('company.postalCode')}
            value={form.address.postalCode}
            onChange={(v) => setAddress('postalCode', v)}
            error={err('address.postalCode')}
            required
            autoComplete="postal-code"
          />
          <TextField
            name="address.city"
            label={t('company.city')}
            value={form.address.city}
            onChange={(v) => setAddress('city', v)}
            error={err('address.city')}
            required
            autoComplete="address-level2"
          />
          <TextField
            name="address.region"
            label={t('company.region')}
            value={form.address.region}
            onChange={(v) => setAddress('region', v)}
            error={err('address.region')}
            fieldClassName="span-2"
            autoComplete="address-level1"
          />
        </div>
      </Card>

      <Card as="fieldset" title={t('companyForm.contactAndBank')}>
        <div className="form-grid">
          <TextField
            name="email"
            type="email"
            label={t('company.email')}
            value={form.email}
            onChange={(v) => set('email', v)}
            error={err('email')}
            autoComplete="email"
          />
          <TextField
            name="phone"
            type="tel"
            label={t('company.phone')}
            value={form.phone}
            onChange={(v) => set('phone', v)}
            error={err('phone')}
            autoComplete="tel"
          />
          <TextField
            name="iban"
            label={t('company.iban')}
            value={form.iban}
            onChange={(v) => set('iban', v)}
            error={err('iban')}
            spellCheck={false}
          />
          <TextField
            name="bic"
            label={t('company.bic')}
            value={form.bic}
            onChange={(v) => set('bic', v)}
            error={err('bic')}
            spellCheck={false}
          />
          <TextField
            name="pixKey"
            label={t('company.pixKey')}
            hint={t('company.pixKeyHint')}
            value={form.pixKey ?? ''}
            onChange={(v) => set('pixKey', v)}
            error={err('pixKey')}
            spellCheck={false}
          />
        </div>
      </Card>

      <Card as="fieldset" title={t('companyForm.invoicing')}>
        <div className="form-grid">
          <SelectField
            name="defaultCurrency"
            label={t('company.defaultCurrency')}
            value={form.defaultCurrency}
            options={currencyOptions(locale)}
            onChange={(v) => set('defaultCurrency', v)}
            error={err('defaultCurrency')}
            hint={t('companyForm.currencyExample', {
              example: formatMoney(sampleAmount(form.defaultCurrency), form.defaultCurrency, locale)
            })}
            required
          />
          <SelectField
            name="defaultLanguage"
            label={t('company.defaultLanguage')}
            hint={t('company.defaultLanguageHint')}
            value={form.defaultLanguage}
            options={languageOptions()}
            onChange={(v) => set('defaultLanguage', v as Language)}
            error={err('defaultLanguage')}
            required
          />
          <TextField
            name="invoiceNumberFormat"
            label={t('company.invoiceNumberFormat')}
            value={form.invoiceNumberFormat}
            onChange={(v) => set('invoiceNumberFormat', v)}
            error={err('invoiceNumberFormat')}
            hint={
              formatProblem
                ? t('companyForm.numberFormatHelp')
                : t('companyForm.numberPreview', {
                    example: formatInvoiceNumber(form.invoiceNumberFormat, today(), 1)
                  })
            }
            required
            spellCheck={false}
            fieldClassName="span-2"
          />
        </div>
      </Card>

      <Card as="fieldset" title={t('company.logo')} description={t('companyForm.logoHelp')}>
        <div className="logo-row">
          {form.logo ? (
            <img
              className="logo-preview"
              src={`data:${form.logo.mimeType};base64,${form.logo.dataBase64}`}
              alt={t('companyForm.logoAlt')}
            />
          ) : (
            <div className="logo-placeholder">{t('companyForm.noLogo')}</div>
          )}
          <div className="logo-actions">
            <input
              ref={fileInput}
              name="logo"
              type="file"
              accept="image/png,image/jpeg"
              className="visually-hidden"
              aria-label={t('companyForm.chooseLogo')}
              onChange={(e) => {
                void chooseLogo(e.target.files?.[0])
                e.target.value = ''
              }}
            />
            <Button onClick={() => fileInput.current?.click()}>
              {t('companyForm.chooseLogo')}
            </Button>
            {form.logo && (
              <Button variant="ghost" onClick={() => set('logo', null)}>
                {t('companyForm.removeLogo')}
              </Button>
            )}
            {err('logo') && <p className="field-error">{err('logo')}</p>}
          </div>
        </div>
      </Card>

      <div className="save-bar">
        {saved && (
          <p className="save-status" role="status">
            {t('companyForm.saved')}
          </p>
        )}
        <Button type="submit" variant="primary" busy={saving}>
          {t('common.save')}
        </Button>
      </div>
    </form>
  )
}
