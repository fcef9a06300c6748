import { useTranslation } from 'react-i18next'
import { Button } from './Button'

/** Previous / next through a long list, with where in it we are ("51–100 of 230"). */
export function Pager({
  offset,
  size,
  total,
  onChange
}: {
  offset: number
  size: number
  total: number
  onChange(offset: number): void
}) {
  const { t } = useTranslation()
  if (total <= size) return null
  return (
    <div className="pager">
      <Button disabled={offset === 0} onClick={() => onChange(Math.max(0, offset - size))}>
        {t('common.previous')}
      </Button>
      <span>
        {t('common.range', { from: offset + 1, to: Math.min(offset + size, total), total })}
      </span>
      <Button disabled={offset + size >= total} onClick={() => onChange(offset + size)}>
        {t('common.next')}
      </Button>
    </div>
  )
}
