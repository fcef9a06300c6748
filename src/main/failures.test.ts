import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { catalogs } from '@shared/i18n'
import { BillingError } from './billing/errors'
import { expectedFailure } from './failures'

const fault = (code: string, path?: string) => Object.assign(new Error(code), { code, path })

describe('expected failures get their own code and advice', () => {
  it.each([
    ['SQLITE_FULL', 'DISK_FULL', 'disk_full'],
    ['SQLITE_IOERR_WRITE', 'IO_ERROR', 'io_error'],
    ['SQLITE_READONLY', 'READ_ONLY', 'read_only'],
    ['SQLITE_READONLY_DBMOVED', 'READ_ONLY', 'read_only'],
    ['SQLITE_CORRUPT', 'FILE_DAMAGED', 'damaged'],
    ['SQLITE_NOTADB', 'FILE_DAMAGED', 'damaged'],
    ['SQLITE_BUSY', 'FILE_IN_USE', 'database_locked'],
    ['SQLITE_BUSY_SNAPSHOT', 'FILE_IN_USE', 'database_locked'],
    ['SQLITE_CONSTRAINT_FOREIGNKEY', 'NOT_FOUND', 'refers_to_missing'],
    ['ENOSPC', 'DISK_FULL', 'disk_full'],
    ['EROFS', 'READ_ONLY', 'no_permission'],
    ['EACCES', 'READ_ONLY', 'no_permission'],
    ['EISDIR', 'VALIDATION', 'is_folder'],
    ['ENOENT', 'NOT_FOUND', 'no_such_file']
  ])('%s → %s (%s)', (thrown, code, key) => {
    const error = expectedFailure(fault(thrown, '/books/a.facturo'))
    expect(error?.code).toBe(code)
    expect(error?.problem?.key).toBe(key)
  })

  it('turns the engine’s refusals into what they are', () => {
    expect(expectedFailure(new BillingError('INVALID_INPUT', 'too large'))?.code).toBe('VALIDATION')
    expect(expectedFailure(new BillingError('CURRENCY_MISMATCH', 'EUR/PLN'))?.code).toBe('CONFLICT')
    expect(expectedFailure(new BillingError('INVARIANT', 'lines do not sum'))?.code).toBe(
      'INTERNAL'
    )
  })

  it('leaves what it does not know for the log (a bug)', () => {
    expect(expectedFailure(new TypeError('x is undefined'))).toBeNull()
    expect(expectedFailure(fault('SQLITE_CONSTRAINT_UNIQUE'))).toBeNull()
    expect(expectedFailure(fault('SQLITE_ERROR'))).toBeNull()
  })
})

/** Every key main passes to problem('CODE', 'key', …) in its sources. */
function problemKeysInMain(): Set<string> {
  const keys = new Set<string>()
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) walk(path)
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) {
        const text = readFileSync(path, 'utf8')
        for (const m of text.matchAll(/problem\(\s*'[A-Z_]+',\s*'([a-z_]+)'/g)) keys.add(m[1]!)
      }
    }
  }
  walk(import.meta.dirname)
  return keys
}

describe('the catalogs', () => {
  it('say every problem main reports by key, in every language', () => {
    const keys = problemKeysInMain()
    expect(keys.size).toBeGreaterThan(5)
    for (const [language, catalog] of Object.entries(catalogs)) {
      const problems = (catalog as { problems?: Record<string, string> }).problems ?? {}
      for (const key of keys) expect(Object.hasOwn(problems, key), `${language}: ${key}`).toBe(true)
    }
  })
})
