import { resolve } from 'node:path'
import { expectedFailure } from '../failures'
import { closeInterruptedRuns } from '../books/billing-run'
import type { AppError } from '../errors'
import { openCompanyStore, type CompanyStore } from '../store/db'
import type { Books } from '../store/sync'
import { CliError } from './errors'

/** Opening the company file a command names (--file), and the failures it reports. */

/** An error from the books, with the field it concerns when it names one. */
function describeAppError(error: AppError): string {
  const fields = Object.entries(error.fieldErrors ?? {}).map(([f, e]) => `  ${f}: ${e.message}`)
  return [error.message, ...fields].join('\n')
}

/** Faults of the file rather than of the input: exit code 3, so a scheduler can tell them apart. */
const FILE_FAULTS = new Set(['FILE_IN_USE', 'READ_ONLY', 'DISK_FULL', 'FILE_DAMAGED', 'IO_ERROR'])

/** A failure as the command line reports it: expected ones in words with their exit code. */
export function cliFailure(error: unknown): unknown {
  const expected = expectedFailure(error)
  if (!expected || expected.code === 'INTERNAL') return error
  const text =
    expected.code === 'FILE_IN_USE'
      ? `${expected.message} To wait for it instead, add --wait SECONDS.`
      : describeAppError(expected)
  return new CliError(text, FILE_FAULTS.has(expected.code) ? 3 : 2)
}

/** How long a command waits for another Facturo to let go of the file (--wait SECONDS). */
let lockWaitMs = 0
export function setLockWait(seconds: number): void {
  lockWaitMs = seconds * 1000
}

/** Opens the company file named by --file, runs fn, and closes it (WAL folded back) whatever happens. */
export async function withBooks<T>(
  file: string,
  fn: (store: CompanyStore) => Promise<T> | T
): Promise<T> {
  let store: CompanyStore
  try {
    store = await openCompanyStore(resolve(file), { create: false, program: 'cli', lockWaitMs })
    if (!store.readOnly) closeInterruptedRuns(store.books)
  } catch (error) {
    throw cliFailure(error)
  }
  try {
    return await fn(store)
  } catch (error) {
    throw cliFailure(error)
  } finally {
    await store.close()
  }
}

/** An invoice named on the command line by its number or its id. */
export function invoiceId(books: Books, command: string, ref: string): number {
  const row = books.first(
    books.q
      .selectFrom('invoices')
      .select('id')
      .where((eb) => eb.or([eb('number', '=', ref), eb('id', '=', Number(ref) || -1)]))
  )
  if (!row) throw new CliError(`${command}: there is no invoice ${ref}`)
  return row.id
}
