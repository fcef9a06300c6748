import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { ChangeResult } from '@shared/books/subscriptions'
import type { AppErrorInfo, Result } from '@shared/result'
import { Alert } from '../../components/Alert'
import { Button } from '../../components/Button'
import { Dialog } from '../../components/Dialog'
import { errorMessage, fieldMessage } from '../../errors'
import { ChangePreview } from './ChangePreview'

interface ChangeDialogProps {
  title: string
  open: boolean
  onClose(): void
  /** Asks main: confirm false previews (nothing is kept), true does it. */
  send(confirm: boolean): Promise<Result<ChangeResult>>
  /** Changes whenever the inputs change, so an old preview is not confirmed. */
  inputKey: string
  confirmLabel: string
  onDone(): void
  children: ReactNode
}

/** A lifecycle change: fill in, preview its invoice lines, then confirm exactly what was previewed. */
export function ChangeDialog({
  title,
  open,
  onClose,
  send,
  inputKey,
  confirmLabel,
  onDone,
  children
}: ChangeDialogProps) {
  const { t } = useTranslation()
  const [preview, setPreview] = useState<{ key: string; result: ChangeResult } | null>(null)
  const [failure, setFailure] = useState<AppErrorInfo | null>(null)
  const [busy, setBusy] = useState(false)
  const current = preview && preview.key === inputKey ? preview.result : null
  const run = async (confirm: boolean) => {
    setBusy(true)
    setFailure(null)
    const result = await send(confirm)
    setBusy(false)
    if (!result.ok) return setFailure(result.error)
    if (confirm) {
      setPreview(null)
      onDone()
    } else setPreview({ key: inputKey, result: result.value })
  }
  const close = () => {
    setPreview(null)
    setFailure(null)
    onClose()
  }
  return (
    <Dialog
      title={title}
      open={open}
      onClose={close}
      wide
      footer={
        <>
          <Button onClick={close}>{t('common.cancel')}</Button>
          <Button busy={busy && !current} onClick={() => void run(false)}>
            {t('subscriptions.previewButton')}
          </Button>
          <Button
            variant="primary"
            busy={busy && Boolean(current)}
            disabled={!current}
            onClick={() => void run(true)}
          >
            {confirmLabel}
          </Button>
        </>
      }
    >
      {children}
      {failure && (
        <Alert tone="error">
          {errorMessage(t, failure)}
          {failure.fieldErrors && (
            <ul className="error-summary">
              {Object.entries(failure.fieldErrors).map(([path, e]) => (
                <li key={path}>{fieldMessage(t, e)}</li>
              ))}
            </ul>
          )}
        </Alert>
      )}
      {current ? (
        <ChangePreview result={current} confirmed={false} />
      ) : (
        <p className="muted">{t('subscriptions.previewFirst')}</p>
      )}
    </Dialog>
  )
}
