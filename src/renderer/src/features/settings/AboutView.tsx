import { useTranslation } from 'react-i18next'
import { useChannel } from '../../api/context'
import { Card } from '../../components/Card'
import { Loading } from '../../components/Loading'
import { PageHeader } from '../../components/PageHeader'
import { useWorkspace } from '../../workspace'

/** Settings › About: version and schema version (also in Help › About in the desktop app). */
export function AboutView() {
  const { t } = useTranslation()
  const { file } = useWorkspace()
  const [info] = useChannel('app/info', {})
  if (info.status !== 'ready') return <Loading />
  return (
    <>
      <PageHeader title={t('about.title')} />
      <Card>
        <dl className="facts">
          <dt>{t('about.version')}</dt>
          <dd>{info.value.version}</dd>
          <dt>{t('about.schemaVersion')}</dt>
          <dd>{info.value.schemaVersion}</dd>
          <dt>{t('about.dataFolder')}</dt>
          <dd className="path">{info.value.dataDir}</dd>
          <dt>{t('about.companyFile')}</dt>
          <dd className="path">{file.path}</dd>
        </dl>
      </Card>
    </>
  )
}
