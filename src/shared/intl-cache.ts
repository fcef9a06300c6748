/**
 * Intl formatters made once per locale and options: building one costs far more than using it,
 * and a document or a long list formats thousands of dates and amounts.
 */
const formatters = new Map<string, unknown>()

export function cachedFormatter<T>(key: string, make: () => T): T {
  let formatter = formatters.get(key) as T | undefined
  if (formatter === undefined) {
    formatter = make()
    formatters.set(key, formatter)
  }
  return formatter
}
