/**
 * Lookups by a key that may come from user text (a segment, a currency, a CSV header, a field
 * name): only the object's own keys count, so "constructor", "toString" or "__proto__" are
 * ordinary unknown keys, never members of Object.prototype.
 */
export const ownValue = <V>(
  table: Readonly<Record<string, V>> | undefined,
  key: string
): V | undefined => (table !== undefined && Object.hasOwn(table, key) ? table[key] : undefined)

export const hasOwnKey = (table: object | undefined, key: string): boolean =>
  table !== undefined && Object.hasOwn(table, key)
