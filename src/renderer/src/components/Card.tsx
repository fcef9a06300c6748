import type { ReactNode } from 'react'

interface CardProps {
  title?: string
  description?: string
  actions?: ReactNode
  children: ReactNode
  as?: 'section' | 'fieldset'
}

export function Card({ title, description, actions, children, as = 'section' }: CardProps) {
  if (as === 'fieldset') {
    return (
      <fieldset className="card">
        {title && <legend className="card-title">{title}</legend>}
        {description && <p className="card-description">{description}</p>}
        {children}
      </fieldset>
    )
  }
  return (
    <section className="card" aria-label={title}>
      {(title || actions) && (
        <header className="card-header">
          <div>
            {title && <h2 className="card-title">{title}</h2>}
            {description && <p className="card-description">{description}</p>}
          </div>
          {actions}
        </header>
      )}
      {children}
    </section>
  )
}
