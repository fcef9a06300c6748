import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { AppErrorInfo, Result } from '@shared/result'
import { Alert } from '../../components/Alert'
import { Button } from '../../components/Button'
import { Dialog } from '../../components/Dialog'
import { errorMessage, fieldMessage } from '../../errors'

/** What every dialog acting on a record is given. */
export interface DialogProps {
  open: boolean
  onClose(): void
  onDone(): void
}

/** A dialog with one confirming button that sends and closes, or shows what main refused. */
export function ActionDialog({
  title,
  open,
  onClose,
  onDone,
  confirmLabel,
  tone = 'primary',
  send,
  ready = true,
  children
}: {
  title: string
  open: boolean
  onClose(): void
  onDone(): void
  confirmLabel: string
  tone?: 'primary' | 'danger'
  send(): Promise<Result<unknown>>
  ready?: boolean
  children: ReactNode
}) {
  const { t } = useTranslation()
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<AppErrorInfo | null>(null)
  const go = async () => {
    setBusy(true)
    const result = await send()
    setBusy(false)
    if (result.ok) onDone()
    else setFailure(result.error)
  }
  return (
    <Dialog
      title={title}
      open={open}
      onClose={onClose}
      footer={
        <>
          <Button autoFocus onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button variant={tone} busy={busy} disabled={!ready} onClick={() => void go()}>
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
    </Dialog>
  )
}

export function SimpleConfirm({
  title,
  text,
  confirmLabel,
  send,
  tone = 'danger',
  ...props
}: DialogProps & {
  title: string
  text: string
  confirmLabel: string
  tone?: 'primary' | 'danger'
  send(): Promise<Result<unknown>>
}) {
  return (
    <ActionDialog {...props} title={title} confirmLabel={confirmLabel} tone={tone} send={send}>
      <p>{text}</p>
    </ActionDialog>
  )
}
