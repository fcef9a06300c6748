/**
 * A day ("2026-01-31") as a person types it into Facturo's date fields in a UI language's
 * locale: the locale's own numeric order, "31/01/2026" in en-GB, "31.01.2026" in pl-PL.
 */
export function typedDay(iso: string, locale = 'en-GB'): string {
  const [y, m, d] = iso.split('-').map(Number)
  return new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    timeZone: 'UTC'
  }).format(new Date(Date.UTC(y!, m! - 1, d!)))
}
