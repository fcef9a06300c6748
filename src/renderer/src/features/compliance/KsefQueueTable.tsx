import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { KsefQueueRow } from '@shared/ksef'
import type { AppErrorInfo } from '@shared/result'
import { useApi } from '../../api/context'
import { Alert } from '../../components/Alert'
import { Button } from '../../components/Button'
import { Dialog } from '../../components/Dialog'
import { TextField } from '../../components/Field'
import { InvoiceCells, InvoiceHeadCells } from './InvoiceCells'
import { StatusBadge } from '../../components/StatusBadge'
import { errorMessage } from '../../errors'
import { formatDay } from '../../format'
import { intlLocale } from '../../i18n'

/** The KSeF queue's rows, with the KSeF number or the rejection recorded by hand in a dialog. */
export function QueueTable({ rows, onChanged }: { rows: KsefQueueRow[]; onChanged(): void }) {
  const { t } = useTranslation()
  const locale = intlLocale()
  const [recording, setRecording] = useState<KsefQueueRow | null>(null)
  const [rejecting, setRejecting] = useState<KsefQueueRow | null>(null)
  return (
    <>
      <table className="table ksef-queue">
        <thead>
          <tr>
            <InvoiceHeadCells />
            <th scope="col">{t('ksef.deadline')}</th>
            <th scope="col">{t('ksef.state')}</th>
            <th scope="col">{t('ksef.number')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('ksef.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.invoiceId}>
              <InvoiceCells row={r} total={r.kind === 'credit_note' ? -r.total : r.total} />
              <td className={r.late ? 'text-danger' : undefined}>
                {r.state === 'accepted' ? '—' : formatDay(r.deadline, locale)}
                {r.late && ` · ${t('ksef.late')}`}
              </td>
              <td>
                <StatusBadge status={`ksef_${r.state}`} />
              </td>
              <td>
                {r.ksefNumber && <code translate="no">{r.ksefNumber}</code>}
                {r.reason && <span className="muted">{r.reason}</span>}
                {r.waitsFor && (
                  <span className="muted">{t('ksef.waitsFor', { number: r.waitsFor })}</span>
                )}
              </td>
              <td className="row-actions">
                {r.state !== 'accepted' && (
                  <>
                    <Button variant="ghost" onClick={() => setRecording(r)}>
                      {t('ksef.recordFor', { number: r.number })}
                    </Button>
                    {r.state !== 'rejected' && (
                      <Button variant="ghost" onClick={() => setRejecting(r)}>
                        {t('ksef.rejectFor', { number: r.number })}
                      </Button>
                    )}
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {recording && (
        <TextDialog
          title={t('ksef.recordTitle', { number: recording.number })}
          label={t('ksef.number')}
          hint={t('ksef.numberHint')}
          confirm={t('ksef.record')}
          send={(api, value) =>
            api.invoke('ksef/record', { invoiceId: recording.invoiceId, ksefNumber: value })
          }
          onClose={() => setRecording(null)}
          onDone={onChanged}
        />
      )}
      {rejecting && (
        <TextDialog
          title={t('ksef.rejectTitle', { number: rejecting.number })}
          label={t('ksef.reason')}
          confirm={t('ksef.reject')}
          send={(api, value) =>
            api.invoke('ksef/reject', { invoiceId: rejecting.invoiceId, reason: value })
          }
          onClose={() => setRejecting(null)}
          onDone={onChanged}
        />
      )}
    </>
  )
}

type Api = ReturnType<typeof useApi>

function TextDialog({
  title,
  label,
  hint,
  confirm,
  send,
  onClose,
  onDone
}: {
  title: string
  label: string
  hint?: string
  confirm: string
  send(api: Api, value: string): Promise<{ ok: true } | { ok: false; error: AppErrorInfo }>
  onClose(): void
  onDone(): void
}) {
  const { t } = useTranslation()
  const api = useApi()
  const [value, setValue] = useState('')
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<AppErrorInfo | null>(null)
  const submit = async () => {
    setBusy(true)
    setFailure(null)
    const result = await send(api, value)
    setBusy(false)
    if (!result.ok) return setFailure(result.error)
    onClose()
    onDone()
  }
  return (
    <Dialog
      title={title}
      open
      onClose={onClose}
      footer={
        <>
          <Button variant="ghost" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button busy={busy} disabled={!value.trim()} onClick={() => void submit()}>
            {confirm}
          </Button>
        </>
      }
    >
      <form
        onSubmit={(e) => {
          e.preventDefault()
          void submit()
        }}
      >
        <TextField
          label={label}
          hint={hint}
          value={value}
          onChange={setValue}
          autoFocus
          spellCheck={false}
          autoComplete="off"
        />
      </form>
      {failure && <Alert tone="error">{errorMessage(t, failure)}</Alert>}
    </Dialog>
  )
}
