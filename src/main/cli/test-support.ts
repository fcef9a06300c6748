import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { tempDir } from '../test-support'
import { CliError } from './errors'
import { runCli } from './index'

/** The CliError a command line fails with (a test of the refusal's wording). */
export async function failure(args: string[]): Promise<CliError> {
  try {
    await runCli(args)
  } catch (e) {
    if (e instanceof CliError) return e
    throw e
  }
  throw new Error('expected the command to fail')
}

/** What `run --json` prints, as far as the tests read it. */
export interface RunJson {
  runId: number
  customers: { code: string; invoices: { invoiceId: number }[] }[]
}

/**
 * A Polish company file made with the CLI: the customers of `customersCsv` imported, each on a
 * 100.00 PLN monthly plan from 1 January 2026, billed by one run as of that day.
 */
export async function billedCliFile(customersCsv: string, codes: string[]) {
  const dir = tempDir()
  const file = join(dir, 'books.facturo')
  await runCli(['init', '--file', file, '--name', 'Biuro Łódź', '--country', 'PL'])
  writeFileSync(join(dir, 'customers.csv'), customersCsv)
  await runCli(['import', 'customers', join(dir, 'customers.csv'), '--file', file])
  writeFileSync(
    join(dir, 'pro.json'),
    JSON.stringify({
      id: 'pro',
      name: 'Pro',
      currency: 'PLN',
      interval: 'month',
      prices: [{ id: 'pro', description: 'Abonament Pro', model: 'flat', amount: '100.00' }]
    })
  )
  await runCli(['plans', 'save', join(dir, 'pro.json'), '--from', '2026-01-01', '--file', file])
  for (const code of codes)
    await runCli([
      'subscribe',
      '--customer',
      code,
      '--plan',
      'pro',
      '--start',
      '2026-01-01',
      '--file',
      file
    ])
  const run = JSON.parse(
    await runCli(['run', '--as-of', '2026-01-01', '--file', file, '--json'])
  ) as RunJson
  return { dir, file, run }
}
