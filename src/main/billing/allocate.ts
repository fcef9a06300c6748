/**
 * Splits an integer total over integer weights in proportion, exactly: floor shares, then the
 * leftover units to the largest remainders (earlier lines first on ties). Shares sum to the total.
 * BigInt keeps the products exact however large the amounts.
 */
export function allocate(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, w) => a + w, 0)
  if (total === 0 || sum === 0) return weights.map(() => 0)
  const T = BigInt(total)
  const S = BigInt(sum)
  const shares = weights.map((w) => (T * BigInt(w)) / S)
  const remainders = weights.map((w, i) => ({ i, r: (T * BigInt(w)) % S }))
  let left = Number(T - shares.reduce((a, s) => a + s, 0n))
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1))
  for (const { i } of remainders) {
    if (left <= 0) break
    shares[i] = shares[i]! + 1n
    left--
  }
  return shares.map(Number)
}
