import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'

/** Shows a loading line only when loading takes longer than 100 ms, so fast screens do not flicker. */
export function Loading() {
  const { t } = useTranslation()
  const [visible, setVisible] = useState(false)
  useEffect(() => {
    const timer = setTimeout(() => setVisible(true), 100)
    return () => clearTimeout(timer)
  }, [])
  return (
    <p className="loading" role="status" aria-live="polite">
      {visible && (
        <>
          <span className="spinner" aria-hidden="true" /> {t('common.loading')}
        </>
      )}
    </p>
  )
}
