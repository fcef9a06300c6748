import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { BackupCheck } from '@shared/backups'
import type { AppErrorInfo } from '@shared/result'
import { useApi, useChannel } from '../../api/context'
import { Alert } from '../../components/Alert'
import { Button } from '../../components/Button'
import { Card } from '../../components/Card'
import { ConfirmDialog } from '../../components/Dialog'
import { TextField } from '../../components/Field'
import { Loading } from '../../components/Loading'
import { PageHeader } from '../../components/PageHeader'
import { errorMessage } from '../../errors'
import { intlLocale } from '../../i18n'

type Checks = Record<string, BackupCheck | 'checking' | AppErrorInfo>

/**
 * Settings › Backups: the automatic backups of this company file (on open, on close, daily),
 * back up now, check every backup (integrity, foreign keys, ledger), restore one (the current
 * file is kept aside), the backups folder, and an export of the books as CSV files in a ZIP.
 */
export function BackupsPage() {
  const { t } = useTranslation()
  const api = useApi()
  const locale = intlLocale()
  const [list, reload] = useChannel('backups/list', {})
  const [checks, setChecks] = useState<Checks>({})
  const [restoring, setRestoring] = useState<string | null>(null)
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null)
  const [folder, setFolder] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  if (list.status === 'loading') return <Loading />
  if (list.status === 'error') return <Alert tone="error">{errorMessage(t, list.error)}</Alert>
  const { backups } = list.value
  const fail = (error: AppErrorInfo) => setMessage({ tone: 'error', text: errorMessage(t, error) })

  const backUpNow = async () => {
    setBusy(true)
    const result = await api.invoke('backups/create', {})
    setBusy(false)
    if (!result.ok) fail(result.error)
    else {
      setMessage({ tone: 'success', text: t('backups.made', { file: result.value.fileName }) })
      reload()
    }
  }

  const checkAll = async () => {
    for (const b of backups) {
      setChecks((c) => ({ ...c, [b.path]: 'checking' }))
      const result = await api.invoke('backups/check', { path: b.path })
      setChecks((c) => ({ ...c, [b.path]: result.ok ? result.value : result.error }))
    }
  }

  const restore = async (path: string) => {
    setRestoring(null)
    setBusy(true)
    const result = await api.invoke('backups/restore', { path })
    setBusy(false)
    if (!result.ok) fail(result.error)
    else {
      setMessage({
        tone: 'success',
        text: t('backups.restored', { aside: result.value.keptAside })
      })
      reload()
    }
  }

  const saveFolder = async (value: string | null) => {
    const result = await api.invoke('backups/setFolder', { folder: value })
    if (!result.ok) fail(result.error)
    else {
      setFolder(null)
      reload()
    }
  }

  const exportBooks = async () => {
    setBusy(true)
    const result = await api.invoke('export/books', {})
    setBusy(false)
    if (!result.ok) fail(result.error)
    else setMessage({ tone: 'success', text: t('backups.exported', { path: result.value.path }) })
  }

  return (
    <>
      <PageHeader title={t('backups.title')} description={t('backups.description')} />
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      <Card title={t('backups.listTitle')}>
        <p className="muted">
          {t('backups.folder')} <span className="path">{list.value.folder}</span>
        </p>
        <div className="button-row">
          <Button variant="primary" disabled={busy} onClick={() => void backUpNow()}>
            {t('backups.backUpNow')}
          </Button>
          <Button disabled={busy || backups.length === 0} onClick={() => void checkAll()}>
            {t('backups.checkAll')}
          </Button>
        </div>
        {backups.length === 0 ? (
          <p>{t('backups.none')}</p>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('backups.takenAt')}</th>
                <th scope="col" className="num">
                  {t('backups.size')}
                </th>
                <th scope="col">{t('backups.check')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('backups.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {backups.map((b) => {
                const check = checks[b.path]
                return (
                  <tr key={b.path}>
                    <td title={b.path}>
                      {new Intl.DateTimeFormat(locale, {
                        dateStyle: 'medium',
                        timeStyle: 'medium'
                      }).format(new Date(b.takenAt))}
                    </td>
                    <td className="num">
                      {new Intl.NumberFormat(locale, {
                        style: 'unit',
                        unit: 'kilobyte',
                        maximumFractionDigits: 0
                      }).format(b.bytes / 1024)}
                    </td>
                    <td>{describeCheck(t, check)}</td>
                    <td>
                      <Button disabled={busy} onClick={() => setRestoring(b.path)}>
                        {t('backups.restore')}
                      </Button>
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        )}
      </Card>
      <Card title={t('backups.folderTitle')}>
        <p className="muted">{t('backups.folderHint')}</p>
        <div className="form-row">
          <TextField
            label={t('backups.folderLabel')}
            value={folder ?? list.value.chosenFolder ?? ''}
            onChange={setFolder}
            placeholder={t('backups.folderDefault')}
          />
        </div>
        <div className="button-row">
          <Button
            disabled={folder === null || folder.trim() === ''}
            onClick={() => void saveFolder(folder!.trim())}
          >
            {t('common.save')}
          </Button>
          {list.value.chosenFolder && (
            <Button onClick={() => void saveFolder(null)}>{t('backups.useDefault')}</Button>
          )}
        </div>
      </Card>
      <Card title={t('backups.exportTitle')}>
        <p className="muted">{t('backups.exportHint')}</p>
        <Button disabled={busy} onClick={() => void exportBooks()}>
          {t('backups.export')}
        </Button>
      </Card>
      <ConfirmDialog
        open={restoring !== null}
        title={t('backups.restoreTitle')}
        confirmLabel={t('backups.restore')}
        onCancel={() => setRestoring(null)}
        onConfirm={() => void restore(restoring!)}
      >
        <p>{t('backups.restoreText')}</p>
      </ConfirmDialog>
    </>
  )
}

function describeCheck(
  t: ReturnType<typeof useTranslation>['t'],
  check: BackupCheck | 'checking' | AppErrorInfo | undefined
): string {
  if (check === undefined) return '—'
  if (check === 'checking') return t('backups.checking')
  if ('code' in check) return errorMessage(t, check)
  if (check.ok) return t('backups.sound', { count: check.ledger.entries })
  if (check.integrity !== 'ok') return t('backups.damaged', { detail: check.integrity })
  if (check.foreignKeyProblems) return t('backups.brokenLinks', { count: check.foreignKeyProblems })
  return t('backups.ledgerBroken', { detail: check.ledger.broken?.reason ?? '' })
}
