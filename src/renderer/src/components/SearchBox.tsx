/** A list's search field: labelled for assistive technology, a hint of what it matches inside. */
export function SearchBox({
  label,
  placeholder,
  value,
  onChange
}: {
  label: string
  placeholder: string
  value: string
  onChange(value: string): void
}) {
  return (
    <label className="toolbar-search">
      <span className="visually-hidden">{label}</span>
      <input
        type="search"
        className="input"
        aria-label={label}
        placeholder={placeholder}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </label>
  )
}
