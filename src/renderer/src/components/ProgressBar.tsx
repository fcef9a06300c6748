/** A determinate progress bar (or an indeterminate one while the total is unknown). */
export function ProgressBar({
  label,
  done,
  total
}: {
  label: string
  done: number
  total: number
}) {
  const known = total > 0
  const percent = known ? Math.round((done / total) * 100) : 0
  return (
    <div className="progress">
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={known ? total : undefined}
        aria-valuenow={known ? done : undefined}
        className={known ? 'progress-track' : 'progress-track progress-indeterminate'}
      >
        <div className="progress-fill" style={{ width: known ? `${percent}%` : '30%' }} />
      </div>
      {known && (
        <span className="progress-text">
          {done} / {total}
        </span>
      )}
    </div>
  )
}
