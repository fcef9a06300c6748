import { describe, expect, it } from 'vitest'
import { LANGUAGES } from '../languages'
import { ERROR_CODES } from '../result'
import { FIELD_ERROR_CODES } from '../validation'
import { catalogs } from '.'

type Tree = { [key: string]: string | Tree }

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (typeof value === 'string') out.set(path, value)
    else for (const [k, v] of flatten(value, path)) out.set(k, v)
  }
  return out
}

const PLURAL = /_(zero|one|two|few|many|other)$/
const variables = (text: string) =>
  [...text.matchAll(/\{\{\s*(\w+)\s*(?:,[^}]*)?\}\}/g)].map((m) => m[1]).sort()

/** Keys without plural suffixes, and the plural bases, of a catalog. */
function shape(keys: Iterable<string>) {
  const plain = new Set<string>()
  const plurals = new Set<string>()
  for (const key of keys) {
    if (PLURAL.test(key)) plurals.add(key.replace(PLURAL, ''))
    else plain.add(key)
  }
  return { plain, plurals }
}

const en = flatten(catalogs.en as Tree)
const enShape = shape(en.keys())

describe.each(LANGUAGES.filter((l) => l !== 'en'))('the %s catalog', (language) => {
  const catalog = flatten(catalogs[language] as Tree)
  const own = shape(catalog.keys())

  it('has every key that en has, and no other', () => {
    expect([...enShape.plain].filter((k) => !own.plain.has(k))).toEqual([])
    expect([...own.plain].filter((k) => !enShape.plain.has(k))).toEqual([])
    expect([...enShape.plurals].filter((k) => !own.plurals.has(k))).toEqual([])
  })

  it("has every plural form the language's plural rules use", () => {
    const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories
    for (const base of enShape.plurals) {
      for (const category of categories) {
        expect(catalog.has(`${base}_${category}`), `${base}_${category}`).toBe(true)
      }
    }
  })

  it('uses the same {{variables}} as en in each text', () => {
    for (const [key, text] of catalog) {
      const reference = en.get(key) ?? en.get(key.replace(PLURAL, '_other'))
      expect(variables(text), key).toEqual(variables(reference ?? ''))
    }
  })

  it('translates (no text left identical to a long English one)', () => {
    const same = [...catalog].filter(
      ([key, text]) => text.length > 12 && en.get(key) === text && !/\{\{/.test(text)
    )
    expect(same.map(([key]) => key)).toEqual([])
  })
})

describe('the en catalog', () => {
  it('has a message for every field error code', () => {
    for (const code of FIELD_ERROR_CODES) expect(en.has(`validation.${code}`), code).toBe(true)
  })

  it('has a message for every error code', () => {
    for (const code of ERROR_CODES) expect(en.has(`errors.${code}`), code).toBe(true)
  })
})
