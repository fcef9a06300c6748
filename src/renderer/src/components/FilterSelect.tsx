/** A compact labelled select for a list's toolbar. */
export function FilterSelect({
  label,
  value,
  onChange,
  options
}: {
  label: string
  value: string
  onChange(value: string): void
  options: { value: string; label: string }[]
}) {
  return (
    <label className="toolbar-filter">
      <span className="toolbar-label">{label}</span>
      <select
        className="input select"
        aria-label={label}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  )
}
