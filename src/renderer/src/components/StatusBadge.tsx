import { useTranslation } from 'react-i18next'

const TONES: Record<string, string> = {
  draft: 'neutral',
  issued: 'info',
  partially_paid: 'warning',
  paid: 'success',
  overdue: 'danger',
  void: 'muted',
  uncollectible: 'muted',
  trialing: 'info',
  active: 'success',
  paused: 'warning',
  cancelling: 'warning',
  ended: 'muted',
  archived: 'muted',
  billed: 'success',
  unbilled: 'neutral',
  ksef_to_send: 'warning',
  ksef_sent: 'info',
  ksef_accepted: 'success',
  ksef_rejected: 'danger'
}

/** A status as a coloured label; the words carry the meaning, the colour only helps. */
export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation()
  return (
    <span className={`badge badge-${TONES[status] ?? 'neutral'}`}>{t(`status.${status}`)}</span>
  )
}
