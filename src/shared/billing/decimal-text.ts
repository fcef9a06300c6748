/** Decimal numbers written as text ("0.0006"), compared exactly without turning them into floats. */
export const NON_NEGATIVE_DECIMAL = /^\d{1,30}(\.\d{1,20})?$/

function parts(value: string): [string, string] {
  const [int = '0', frac = ''] = value.split('.')
  return [int.replace(/^0+(?=\d)/, ''), frac.replace(/0+$/, '')]
}

/** Compares two non-negative decimal strings: −1, 0 or 1. */
export function compareDecimalText(a: string, b: string): number {
  const [ai, af] = parts(a)
  const [bi, bf] = parts(b)
  if (ai.length !== bi.length) return ai.length < bi.length ? -1 : 1
  if (ai !== bi) return ai < bi ? -1 : 1
  const width = Math.max(af.length, bf.length)
  const [x, y] = [af.padEnd(width, '0'), bf.padEnd(width, '0')]
  return x === y ? 0 : x < y ? -1 : 1
}
