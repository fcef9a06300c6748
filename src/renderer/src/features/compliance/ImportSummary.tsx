import { Alert } from '../../components/Alert'

/**
 * What an import of returned files did (UPO receipts, NFS-e): the counts in one sentence, and
 * each document that matched nothing with the reason. A warning when something did not match.
 */
export function ImportSummary({
  message,
  unmatched
}: {
  message: string
  unmatched: { key: string; label: string; reason: string }[]
}) {
  return (
    <Alert tone={unmatched.length ? 'warning' : 'success'}>
      <p>{message}</p>
      {unmatched.length > 0 && (
        <ul>
          {unmatched.map((u) => (
            <li key={u.key}>
              <span translate="no">{u.label}</span>: {u.reason}
            </li>
          ))}
        </ul>
      )}
    </Alert>
  )
}
