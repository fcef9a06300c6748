import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AppErrorInfo, Result } from '@shared/result'
import { errorMessage } from '../errors'
import { Alert } from './Alert'
import { Button } from './Button'

/**
 * A button that asks main for something (a PDF, a message) and does something with the answer:
 * busy while it waits, and what main refused shown beside it.
 */
export function ActionButton<T>({
  label,
  run,
  onValue,
  variant
}: {
  label: string
  run(): Promise<Result<T>>
  onValue(value: T): void
  variant?: 'ghost'
}) {
  const { t } = useTranslation()
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<AppErrorInfo | null>(null)
  const go = async () => {
    setBusy(true)
    setFailure(null)
    const result = await run()
    setBusy(false)
    if (result.ok) onValue(result.value)
    else setFailure(result.error)
  }
  return (
    <>
      <Button variant={variant} busy={busy} onClick={() => void go()}>
        {label}
      </Button>
      {failure && <Alert tone="error">{errorMessage(t, failure)}</Alert>}
    </>
  )
}
