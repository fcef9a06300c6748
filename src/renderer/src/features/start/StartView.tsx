import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { defaultLanguageFor } from '@shared/company'
import { defaultCurrencyFor } from '@shared/currencies'
import type { CompanyFileList } from '@shared/files'
import type { Language } from '@shared/languages'
import type { AppErrorInfo } from '@shared/result'
import { Alert } from '../../components/Alert'
import { Button } from '../../components/Button'
import { SelectField, TextField } from '../../components/Field'
import { FileIcon, LogoMark } from '../../components/icons'
import { errorMessage, fieldMessage } from '../../errors'
import { countryOptions, currencyOptions, formatDateTime, languageOptions } from '../../format'
import { intlLocale } from '../../i18n'

export interface NewCompanyDraft {
  legalName: string
  country: string
  defaultCurrency: string
  defaultLanguage: Language
}

interface StartViewProps {
  draft: NewCompanyDraft
  onDraftChange(draft: NewCompanyDraft): void
  onCreate(): void
  /** Desktop only: create the file where a save dialog says. */
  onCreateElsewhere?: () => void
  onOpen(path: string): void
  onBrowse?: () => void
  onCancel?: () => void
  files: CompanyFileList | null
  createError: AppErrorInfo | null
  openError: AppErrorInfo | null
  /** When another Facturo holds the file asked for: open it read-only instead. */
  onOpenReadOnly?(): void
  busy: 'create' | 'open' | null
}

export function StartView(props: StartViewProps) {
  const { t } = useTranslation()
  const locale = intlLocale()
  // the invoice language follows the country until it is picked
  const [languagePicked, setLanguagePicked] = useState(false)
  const { draft, onDraftChange, files } = props
  const fieldError = (field: string) => fieldMessage(t, props.createError?.fieldErrors?.[field])
  const submit = (event: FormEvent) => {
    event.preventDefault()
    props.onCreate()
  }

  return (
    <main className="start">
      <header className="start-brand">
        <LogoMark />
        <span>Facturo</span>
      </header>
      <div className="start-grid">
        <section className="card start-create" aria-labelledby="start-create-title">
          <h1 id="start-create-title">{t('start.title')}</h1>
          <p className="card-description">{t('start.intro')}</p>
          {props.createError && !props.createError.fieldErrors && (
            <Alert tone="error" title={t('start.createFailed')}>
              {errorMessage(t, props.createError)}
            </Alert>
          )}
          <form onSubmit={submit} noValidate>
            <TextField
              label={t('company.legalName')}
              value={draft.legalName}
              onChange={(legalName) => onDraftChange({ ...draft, legalName })}
              error={fieldError('legalName')}
              required
              autoFocus
              autoComplete="organization"
            />
            <div className="form-row">
              <SelectField
                label={t('company.country')}
                value={draft.country}
                options={countryOptions(locale)}
                onChange={(country) =>
                  onDraftChange({
                    ...draft,
                    country,
                    defaultCurrency: defaultCurrencyFor(country),
                    defaultLanguage: languagePicked
                      ? draft.defaultLanguage
                      : defaultLanguageFor(country)
                  })
                }
                error={fieldError('country')}
                required
              />
              <SelectField
                label={t('company.defaultCurrency')}
                value={draft.defaultCurrency}
                options={currencyOptions(locale)}
                onChange={(defaultCurrency) => onDraftChange({ ...draft, defaultCurrency })}
                error={fieldError('defaultCurrency')}
                required
              />
            </div>
            <SelectField
              label={t('company.defaultLanguage')}
              hint={t('company.defaultLanguageHint')}
              value={draft.defaultLanguage}
              options={languageOptions()}
              onChange={(lang) => {
                setLanguagePicked(true)
                onDraftChange({ ...draft, defaultLanguage: lang as Language })
              }}
              error={fieldError('defaultLanguage')}
            />
            <div className="form-actions">
              {props.onCancel && (
                <Button variant="ghost" onClick={props.onCancel}>
                  {t('common.cancel')}
                </Button>
              )}
              {props.onCreateElsewhere && (
                <Button onClick={props.onCreateElsewhere} disabled={props.busy !== null}>
                  {t('start.createElsewhere')}
                </Button>
              )}
              <Button type="submit" variant="primary" busy={props.busy === 'create'}>
                {t('start.create')}
              </Button>
            </div>
          </form>
        </section>
        <OpenFilesPanel {...props} locale={locale} />
      </div>
      {files && (
        <p className="start-folder">{t('start.folder', { folder: files.defaultFolder })}</p>
      )}
    </main>
  )
}

function OpenFilesPanel({
  files,
  onOpen,
  onBrowse,
  openError,
  onOpenReadOnly,
  busy,
  locale
}: StartViewProps & { locale: string }) {
  const { t } = useTranslation()
  const [path, setPath] = useState('')
  const recentPaths = new Set(files?.recent.map((r) => r.path))
  const others = files?.inDefaultFolder.filter((f) => !recentPaths.has(f.path)) ?? []
  return (
    <section className="card start-open" aria-labelledby="start-open-title">
      <h2 id="start-open-title">{t('start.openTitle')}</h2>
      {files?.reopenProblem && (
        <Alert tone="warning" title={t('start.reopenFailed', { file: files.reopenProblem.path })}>
          {t(`errors.${files.reopenProblem.code}`, { defaultValue: files.reopenProblem.message })}
        </Alert>
      )}
      {openError && (
        <Alert tone="error" title={t('start.openFailed')}>
          {errorMessage(t, openError)}
          {onOpenReadOnly && (
            <div className="button-row">
              <Button onClick={onOpenReadOnly}>{t('start.openReadOnly')}</Button>
            </div>
          )}
        </Alert>
      )}
      {files && files.recent.length === 0 && others.length === 0 && (
        <p className="muted">{t('start.noFiles')}</p>
      )}
      {files && files.recent.length > 0 && (
        <>
          <h3 className="list-heading">{t('start.recent')}</h3>
          <ul className="file-list">
            {files.recent.map((r) => (
              <li key={r.path}>
                <button
                  type="button"
                  className="file-item"
                  onClick={() => onOpen(r.path)}
                  disabled={!r.exists}
                >
                  <FileIcon />
                  <span className="file-item-text">
                    <span className="file-item-name">{r.companyName}</span>
                    <span className="file-item-meta">
                      {r.exists
                        ? t('start.openedAt', { when: formatDateTime(r.openedAt, locale) })
                        : t('start.missing')}
                      {' · '}
                      {r.fileName}
                    </span>
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {others.length > 0 && (
        <>
          <h3 className="list-heading">{t('start.inFolder')}</h3>
          <ul className="file-list">
            {others.map((f) => (
              <li key={f.path}>
                <button type="button" className="file-item" onClick={() => onOpen(f.path)}>
                  <FileIcon />
                  <span className="file-item-text">
                    <span className="file-item-name">{f.fileName}</span>
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {onBrowse ? (
        <Button onClick={onBrowse} busy={busy === 'open'}>
          {t('start.browse')}
        </Button>
      ) : (
        <form
          className="open-path"
          onSubmit={(e) => {
            e.preventDefault()
            if (path.trim()) onOpen(path.trim())
          }}
        >
          <TextField
            label={t('start.pathLabel')}
            hint={t('start.pathHint')}
            value={path}
            onChange={setPath}
            spellCheck={false}
          />
          <Button type="submit" busy={busy === 'open'} disabled={!path.trim()}>
            {t('start.openPath')}
          </Button>
        </form>
      )}
    </section>
  )
}
