import { useTranslation } from 'react-i18next'
import { Alert } from '../../components/Alert'

/** Browser mode opened without the launch token (a bookmark, a second tab): say how to get in. */
export function UnauthorizedView() {
  const { t } = useTranslation()
  return (
    <main className="start">
      <Alert tone="warning" title={t('unauthorized.title')}>
        {t('unauthorized.body')}
      </Alert>
    </main>
  )
}
