import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AppErrorInfo } from '@shared/result'
import { Alert } from '../../components/Alert'
import { errorMessage } from '../../errors'

type Files = { name: string; text: string }[]

/**
 * A button that picks XML files (UPO receipts, returned NFS-e) and sends their text to main,
 * showing main's refusal in place. The browser's own file button speaks the browser's
 * language: this one speaks the app's.
 */
export function XmlFilesButton<T>({
  label,
  send,
  onDone
}: {
  label: string
  send(files: Files): Promise<{ ok: true; value: T } | { ok: false; error: AppErrorInfo }>
  onDone(value: T): void
}) {
  const { t } = useTranslation()
  const [failure, setFailure] = useState<AppErrorInfo | null>(null)
  const choose = async (list: FileList | null) => {
    if (!list?.length) return
    setFailure(null)
    const files = await Promise.all(
      Array.from(list).map(async (f) => ({ name: f.name, text: await f.text() }))
    )
    const result = await send(files)
    if (result.ok) onDone(result.value)
    else setFailure(result.error)
  }
  return (
    <>
      <label className="btn btn-secondary file-pick">
        <input
          type="file"
          accept=".xml,application/xml,text/xml"
          multiple
          className="visually-hidden"
          aria-label={label}
          onChange={(e) => {
            void choose(e.target.files)
            e.target.value = ''
          }}
        />
        {label}
      </label>
      {failure && <Alert tone="error">{errorMessage(t, failure)}</Alert>}
    </>
  )
}
