import { useEffect, useId, useRef, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from './Button'

interface DialogProps {
  title: string
  open: boolean
  onClose(): void
  children: ReactNode
  footer?: ReactNode
  wide?: boolean
}

/**
 * A modal dialog (the platform's <dialog>: focus stays inside, Escape closes it); on closing,
 * the focus goes back to what had it before it opened.
 */
export function Dialog({ title, open, onClose, children, footer, wide }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  useEffect(() => {
    const dialog = ref.current
    if (!dialog || !open) return
    // the element that opened the dialog gets the focus back when it closes (or unmounts)
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null
    if (!dialog.open) dialog.showModal()
    return () => {
      if (dialog.open) dialog.close()
      if (opener?.isConnected) opener.focus()
    }
  }, [open])
  return (
    <dialog
      ref={ref}
      className={wide ? 'dialog dialog-wide' : 'dialog'}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault()
        onClose()
      }}
    >
      {open && (
        <>
          <h2 id={titleId} className="dialog-title">
            {title}
          </h2>
          <div className="dialog-body">{children}</div>
          {footer && <div className="dialog-footer">{footer}</div>}
        </>
      )}
    </dialog>
  )
}

interface ConfirmProps {
  title: string
  open: boolean
  confirmLabel: string
  onConfirm(): void
  onCancel(): void
  busy?: boolean
  tone?: 'danger' | 'primary'
  children?: ReactNode
}

/** Asks before something that cannot be taken back; Cancel has the focus first. */
export function ConfirmDialog({
  title,
  open,
  confirmLabel,
  onConfirm,
  onCancel,
  busy,
  tone = 'danger',
  children
}: ConfirmProps) {
  const { t } = useTranslation()
  return (
    <Dialog
      title={title}
      open={open}
      onClose={onCancel}
      footer={
        <>
          <Button autoFocus onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button variant={tone} busy={busy} onClick={onConfirm}>
            {confirmLabel}
          </Button>
        </>
      }
    >
      {children}
    </Dialog>
  )
}
