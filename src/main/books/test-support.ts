import { join } from 'node:path'
import { AppError } from '../errors'
import { openCompanyStore, type CompanyStore } from '../store/db'
import { insertCompany } from '../store/repos/company'
import type { Books } from '../store/sync'
import { tempDir } from '../test-support'
import { seedNewCompany } from './seed'

/** A clock tests can set: the books' "now". */
export class TestClock {
  constructor(public date: string) {}
  now = (): Date => new Date(`${this.date}T12:00:00`)
}

/** A fresh Polish company file on disk, with its books and clock. */
export async function openTestBooks(
  date = '2026-01-01',
  country = 'PL',
  currency = 'PLN'
): Promise<{ store: CompanyStore; books: Books; clock: TestClock; path: string }> {
  const clock = new TestClock(date)
  const path = join(tempDir(), 'books.facturo')
  const store = await openCompanyStore(path, { create: true, now: clock.now })
  const books = store.books
  insertCompany(books, {
    legalName: 'Zakład Usług Księgowych Łódź',
    country,
    defaultCurrency: currency,
    defaultLanguage: 'pl'
  })
  books.run(
    books.q.updateTable('company').set({
      tax_id: '1234563218',
      address_line1: 'ul. Piotrkowska 104',
      postal_code: '90-926',
      city: 'Łódź'
    })
  )
  seedNewCompany(books, country, 'FV/{YYYY}/{seq:6}')
  return { store, books, clock, path }
}

/** The AppError a call throws (anything else, or no error, fails the test). */
export function appErrorOf(fn: () => unknown): AppError {
  try {
    fn()
  } catch (e) {
    if (e instanceof AppError) return e
    throw e
  }
  throw new Error('expected an AppError')
}
