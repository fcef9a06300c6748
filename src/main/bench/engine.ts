import Decimal from 'decimal.js'
import { priceSchema, type Price } from '@shared/billing/plan'
import { planSchema } from '@shared/billing/plan'
import { Dec, lineForAggregate, type DuePeriod } from '../billing'

// npm run bench:engine — rates 1,000,000 (subscription, metric) aggregates into invoice lines
// across all seven charge models, and the same decimal arithmetic in a bare loop (no factory,
// no breakdown, no line objects), in the same process; prints lines/second and the ratio.

const N = Number(process.env.BENCH_N ?? 1_000_000)
const tiers = [
  { up_to: 1000, unit_price: '0.010', flat_fee: '5' },
  { up_to: 10000, unit_price: '0.008' },
  { up_to: null, unit_price: '0.005' }
]
const metric = { code: 'm', aggregation: 'sum', property: 'v' }
const PRICES: Price[] = [
  { model: 'flat', amount: '49.00' },
  { model: 'per_unit', unit_price: '0.0006', metric },
  { model: 'graduated', tiers, metric },
  { model: 'volume', tiers, metric },
  { model: 'package', package_size: 500, package_price: '2.50', free_units: 100, metric },
  { model: 'percentage', rate: '2.9', fixed_fee: '0.30', free_amount: '100', metric },
  {
    model: 'stairstep',
    tiers: [
      { up_to: 1000, flat_fee: '10' },
      { up_to: 10000, flat_fee: '50' },
      { up_to: null, flat_fee: '150' }
    ],
    metric
  }
].map((p, i) => priceSchema.parse({ id: `p${i}`, description: `Price ${i}`, ...p }))
const plan = planSchema.parse({
  id: 'bench',
  name: 'Bench',
  currency: 'EUR',
  interval: 'month',
  prices: PRICES
})
const period: DuePeriod = {
  start: '2026-01-01',
  end: '2026-01-31',
  fullStart: '2026-01-01',
  fullEnd: '2026-01-31',
  activeDays: 31,
  fullDays: 31,
  scheduleStart: '2026-01-01'
}

/** Deterministic quantities (0–50,000 with up to 3 decimals), made before timing starts. */
function aggregates(n: number): Dec[] {
  let seed = 12345
  const out: Dec[] = []
  for (let i = 0; i < n; i++) {
    seed = (seed * 1103515245 + 12345) % 2147483648
    out.push(new Dec(seed % 50_000_000).div(1000))
  }
  return out
}

function engine(quantities: Dec[]): number {
  let total = 0
  for (let i = 0; i < quantities.length; i++) {
    const price = PRICES[i % 7]!
    const line = lineForAggregate({
      plan,
      price,
      subscriptionId: 's',
      period,
      quantity: quantities[i]!,
      transactionCount: 3,
      rounding: 'half_away_from_zero'
    })
    total += line.amount
  }
  return total
}

// The same arithmetic with decimal.js, written out by hand for these seven prices.
const D = Dec
const c = {
  flat: new D('49.00'),
  unit: new D('0.0006'),
  t1: new D('0.010'),
  t2: new D('0.008'),
  t3: new D('0.005'),
  fee: new D('5'),
  l1: new D(1000),
  l2: new D(10000),
  free: new D(100),
  size: new D(500),
  pack: new D('2.50'),
  rate: new D('2.9'),
  fixed: new D('0.30'),
  hundred: new D(100),
  s1: new D(10),
  s2: new D(50),
  s3: new D(150),
  zero: new D(0)
}
const cents = (d: Decimal) => d.times(100).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber()

function baseline(quantities: Dec[]): number {
  let total = 0
  for (let i = 0; i < quantities.length; i++) {
    const q = quantities[i]!
    let amount: Decimal
    switch (i % 7) {
      case 0:
        amount = c.flat.times(q)
        break
      case 1:
        amount = q.times(c.unit)
        break
      case 2: {
        amount = Decimal.min(q, c.l1).times(c.t1).plus(c.fee)
        if (q.gt(c.l1)) amount = amount.plus(Decimal.min(q, c.l2).minus(c.l1).times(c.t2))
        if (q.gt(c.l2)) amount = amount.plus(q.minus(c.l2).times(c.t3))
        break
      }
      case 3:
        amount = q.lte(c.l1)
          ? q.times(c.t1).plus(c.fee)
          : q.lte(c.l2)
            ? q.times(c.t2)
            : q.times(c.t3)
        break
      case 4:
        amount = Decimal.max(q.minus(c.free), c.zero)
          .div(c.size)
          .toDecimalPlaces(0, Decimal.ROUND_CEIL)
          .times(c.pack)
        break
      case 5:
        amount = Decimal.max(q.minus(c.free), c.zero)
          .times(c.rate)
          .div(c.hundred)
          .plus(c.fixed.times(3))
        break
      default:
        amount = q.lte(c.l1) ? c.s1 : q.lte(c.l2) ? c.s2 : c.s3
    }
    total += cents(amount)
  }
  return total
}

function time(fn: () => number): { ms: number; total: number } {
  const start = performance.now()
  const total = fn()
  return { ms: performance.now() - start, total }
}

const quantities = aggregates(N)
// warm up both paths so the JIT has seen them
engine(quantities.slice(0, 20_000))
baseline(quantities.slice(0, 20_000))
const base = time(() => baseline(quantities))
const eng = time(() => engine(quantities))
const rate = (ms: number) => Math.round((N / ms) * 1000)
const fmt = (n: number) => n.toLocaleString('en-GB')
console.log(`Billing engine benchmark: ${fmt(N)} aggregates across 7 charge models`)
console.log(
  `  baseline (bare decimal.js loop): ${fmt(Math.round(base.ms))} ms, ${fmt(rate(base.ms))} lines/s`
)
console.log(
  `  engine (lineForAggregate):       ${fmt(Math.round(eng.ms))} ms, ${fmt(rate(eng.ms))} lines/s`
)
console.log(`  engine time / baseline time:     ${(eng.ms / base.ms).toFixed(2)}×`)
console.log(
  `  same total in both: ${eng.total === base.total ? 'yes' : 'NO'} (${fmt(eng.total)} cents)`
)
if (eng.total !== base.total) process.exitCode = 1
