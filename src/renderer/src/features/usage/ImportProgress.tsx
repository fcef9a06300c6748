import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ImportProgress as Progress } from '@shared/books/results'
import { useApi } from '../../api/context'
import { Button } from '../../components/Button'
import { ProgressBar } from '../../components/ProgressBar'

/** While an import runs (in main's worker), how far it got, and a button to stop it. */
export function ImportProgress() {
  const { t } = useTranslation()
  const api = useApi()
  const [progress, setProgress] = useState<Progress | null>(null)
  const [stopping, setStopping] = useState(false)
  useEffect(() => {
    let live = true
    const poll = async () => {
      const result = await api.invoke('imports/progress', {})
      if (live && result.ok) setProgress(result.value)
    }
    const timer = setInterval(() => void poll(), 250)
    void poll()
    return () => {
      live = false
      clearInterval(timer)
    }
  }, [api])
  if (!progress || progress.total === 0) return null
  return (
    <div className="import-progress">
      <ProgressBar
        label={t(progress.done * 2 < progress.total ? 'imports.checking' : 'imports.writing')}
        done={progress.done}
        total={progress.total}
      />
      <Button
        disabled={stopping}
        onClick={() => {
          setStopping(true)
          void api.invoke('imports/cancel', {})
        }}
      >
        {t('imports.stop')}
      </Button>
    </div>
  )
}
