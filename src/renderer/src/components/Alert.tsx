import type { ReactNode } from 'react'

interface AlertProps {
  tone: 'info' | 'success' | 'error' | 'warning'
  title?: string
  children?: ReactNode
}

/** Errors interrupt (role=alert); everything else is announced politely (role=status). */
export function Alert({ tone, title, children }: AlertProps) {
  return (
    <div className={`alert alert-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {title && <p className="alert-title">{title}</p>}
      {children && <div className="alert-body">{children}</div>}
    </div>
  )
}
