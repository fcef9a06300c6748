import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../test-support'
import { CliError } from './errors'
import { runCli } from './index'

const plan = JSON.stringify({
  id: 'p',
  name: 'P',
  currency: 'EUR',
  interval: 'month',
  prices: [
    {
      id: 'gb',
      description: 'Storage',
      model: 'per_unit',
      unit_price: '0.10',
      metric: { code: 'storage', aggregation: 'sum', property: 'gb' }
    }
  ]
})

function files(contents: Record<string, string>): Record<string, string> {
  const dir = tempDir()
  return Object.fromEntries(
    Object.entries(contents).map(([name, text]) => {
      writeFileSync(join(dir, name), text)
      return [name, join(dir, name)]
    })
  )
}

async function error(args: string[]): Promise<string> {
  try {
    await runCli(args)
  } catch (e) {
    if (e instanceof CliError) return e.message
    throw e
  }
  throw new Error('expected the command to fail')
}

const window = ['--from', '2026-01-01', '--to', '2026-01-31']

describe('the quote command refuses bad input, saying what and where', () => {
  it('points at a JSON syntax error by line and column', async () => {
    const f = files({ 'plan.json': '{\n  "id": "p",\n  "name": "P"\n  "currency": "EUR"\n}' })
    expect(await error(['quote', '--plan', f['plan.json']!, ...window])).toBe(
      `${f['plan.json']}: line 4, column 3: not valid JSON (Expected ',' or '}' after property value)`
    )
  })

  it('says which file is missing', async () => {
    expect(await error(['quote', '--plan', '/nowhere/plan.json', ...window])).toBe(
      '/nowhere/plan.json: no such file'
    )
  })

  it('names the usage event and field that are wrong', async () => {
    const f = files({
      'plan.json': plan,
      'zone.json': JSON.stringify([
        { id: 'e1', metric: 'storage', timestamp: '2026-01-05T10:00:00Z', properties: { gb: 1 } }
      ]),
      'noprop.json': JSON.stringify([
        { id: 'e1', metric: 'storage', timestamp: '2026-01-05', properties: { mb: 1 } }
      ]),
      'nan.json': JSON.stringify({
        events: [
          { id: 'e1', metric: 'storage', timestamp: '2026-01-05', properties: { gb: 'ten' } }
        ]
      })
    })
    expect(
      await error(['quote', '--plan', f['plan.json']!, '--usage', f['zone.json']!, ...window])
    ).toBe(
      `${f['zone.json']}: [0].timestamp must be a local date or date-time without a zone, like "2026-01-05T14:30:00"`
    )
    expect(
      await error(['quote', '--plan', f['plan.json']!, '--usage', f['noprop.json']!, ...window])
    ).toBe('quote: usage event "e1" has no "gb" property')
    expect(
      await error(['quote', '--plan', f['plan.json']!, '--usage', f['nan.json']!, ...window])
    ).toBe('quote: usage event "e1": "gb" is not a number (ten)')
  })

  it('refuses a negative sum of usage as a quantity', async () => {
    const f = files({
      'plan.json': plan,
      'usage.json': JSON.stringify([
        { id: 'e1', metric: 'storage', timestamp: '2026-01-05', properties: { gb: -4 } }
      ])
    })
    expect(
      await error(['quote', '--plan', f['plan.json']!, '--usage', f['usage.json']!, ...window])
    ).toBe('quote: the quantity for gb cannot be negative (-4)')
  })

  it.each([
    [['--quantity', 'abc'], 'quote: --quantity must be a number of 0 or more, not "abc"'],
    [['--quantity', '-1'], 'quote: --quantity must be a number of 0 or more, not "-1"'],
    [['--quantity', '1e3'], 'quote: --quantity must be a number of 0 or more, not "1e3"'],
    [['--from', '2026-02-30'], 'quote: --from: "2026-02-30" is not a calendar date'],
    [['--from', '9999-12-31'], 'quote: --from must be a date from 1970 to 2199, not "9999-12-31"'],
    [['--to', '2025-12-31'], 'quote: --to (2025-12-31) is before --from (2026-01-01)'],
    [
      ['--color', 'red'],
      'quote: unknown option --color (known: --plan, --usage, --quantity, --from, --to, --settings, --customer, --coupon, --out)'
    ],
    [['--usage'], 'quote: --usage needs a value'],
    [['stray'], 'quote: unexpected argument "stray"']
  ])('%j → %s', async (extra, message) => {
    const f = files({ 'plan.json': plan })
    const args = ['quote', '--plan', f['plan.json']!, ...window]
    for (let i = 0; i < extra.length; i += 2) {
      const at = args.indexOf(extra[i]!)
      if (at >= 0 && extra[i + 1] !== undefined) args[at + 1] = extra[i + 1]!
      else args.push(...extra.slice(i, i + 2))
    }
    expect(await error(args)).toBe(message)
  })

  it('requires --plan, --from and --to, and knows its commands', async () => {
    expect(await error(['quote', '--from', '2026-01-01', '--to', '2026-01-31'])).toBe(
      'quote: --plan is required'
    )
    expect(await error(['bill'])).toMatch(/^unknown command "bill"/)
    expect(await runCli([])).toContain('npm run cli -- quote --plan plan.json')
  })

  it('writes the quote to a file with --out', async () => {
    const f = files({
      'plan.json': plan,
      'usage.json': JSON.stringify([
        { id: 'e1', metric: 'storage', timestamp: '2026-01-05', properties: { gb: '12.5' } }
      ])
    })
    const out = join(tempDir(), 'quote.json')
    expect(
      await runCli([
        'quote',
        '--plan',
        f['plan.json']!,
        '--usage',
        f['usage.json']!,
        ...window,
        '--out',
        out
      ])
    ).toBe(`Quote written to ${out}\n`)
    expect(JSON.parse(readFileSync(out, 'utf8')).subtotals.total).toBe('1.25')
  })
})
