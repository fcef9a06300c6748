import { createHash } from 'node:crypto'
import {
  copyFileSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import Sqlite from 'better-sqlite3'
import fc from 'fast-check'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { CHANNELS, READ_CHANNELS, type Channel } from '@shared/channels'
import { contract } from '@shared/contract'
import { ERROR_CODES } from '@shared/result'
import type { Backend } from '../backend'
import { log } from '../log'
import { snapshotFile, tempDir, testBackend } from '../test-support'
import { dispatch } from './dispatch'
import {
  buildFixture,
  FIXTURE_CODES,
  fixtureIds,
  PATH_CHANNELS,
  validInputs,
  type BookChannel,
  type Fixture,
  type PathChannel
} from './sweep-fixture'

/**
 * Issue 9: a hostile-input sweep of the whole contract. For every channel, one valid input (the
 * table in sweep-fixture.ts) and fast-check variants of it: wrong types, missing and extra
 * fields, huge strings, control characters, names of Object members as values and keys,
 * impossible dates, absurd numbers, unknown ids and, for files/*, hostile paths. Every call must
 * resolve to a well-formed Result that is not INTERNAL, and a refused call must change nothing:
 * the company file's content (a SHA-256 of snapshotFile before and after each call), settings,
 * and what lies on disk (nothing outside the data folder, nothing new beside the company file).
 * Accepted calls of READ_CHANNELS, previews (confirm: false) and dry runs must not change the
 * company file either.
 *
 * Each channel has its own copy of the same company file, so a failure is reproducible alone.
 * SWEEP_CALLS sets the total number of calls (default 3,500); the seed is fixed (20261202) unless
 * SWEEP_SEED gives another, to replay a run, or is `random`, to explore new inputs;
 * SWEEP_ALL=1 lists every failing call instead of the first; SWEEP_TRACE=1 names each call.
 */

const TOTAL_CALLS = Number(process.env.SWEEP_CALLS ?? 3500)
/** Channels that take a path get three shares of the calls (their paths are the hostile part). */
const TAKES_PATH: readonly Channel[] = [
  'files/open',
  'files/create',
  'backups/check',
  'backups/restore',
  'backups/setFolder',
  'export/books'
]
const SHARES = (channel: Channel) => (TAKES_PATH.includes(channel) ? 3 : 1)
const runsOf = (channel: Channel) =>
  Math.max(
    1,
    Math.round((TOTAL_CALLS * SHARES(channel)) / CHANNELS.reduce((n, c) => n + SHARES(c), 0))
  )
const RUNS_PER_CHANNEL = runsOf('app/info')
/** A fixed seed by default, so a run of the suite is repeatable; SWEEP_SEED=random explores. */
const SEED =
  process.env.SWEEP_SEED === 'random' ? undefined : Number(process.env.SWEEP_SEED ?? 20261202)
const TIMEOUT = 120_000 + RUNS_PER_CHANNEL * 3 * 200

const BOOK_CHANNELS = CHANNELS.filter(
  (c): c is BookChannel => !(PATH_CHANNELS as readonly string[]).includes(c)
)

// ---------------------------------------------------------------------------------------------
// Hostile values

const MEMBER_NAMES = [
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'prototype',
  'isPrototypeOf',
  '__defineGetter__'
]
const BAD_DATES = [
  '2026-02-30',
  '9999-12-31',
  '0000-00-00',
  '2026-13-01',
  '2025-02-29',
  '1969-12-31',
  '2200-01-01',
  '2026-1-5',
  '20260105',
  '2026-02-30T10:00:00',
  '2026-01-05T24:00:00',
  '2026-01-05T10:60:00',
  '2026-01-05T10:00:60',
  '2026-01-05T10:00:00Z',
  '2026-01-05T10:00:00+02:00',
  '2026-01-05T10:00:00.1234567',
  '+002026-01-05',
  '2026-01-05 ',
  'today'
]
/** Real dates at the edges of what the books hold. */
const EDGE_DATES = ['1970-01-01', '2199-12-31', '2024-02-29', '2026-12-31T23:59:59.999999']
const HUGE_STRINGS = [
  'a'.repeat(100_000),
  '9'.repeat(100_000),
  ' '.repeat(100_000),
  `1.${'0'.repeat(99_990)}1`,
  'ł'.repeat(50_000),
  '\u0000'.repeat(1_000)
]
const ODD_STRINGS = [
  '',
  ' ',
  '  padded  ',
  '\u0000',
  'a\u0000b',
  '\u0001',
  'a\nb',
  '\r\n',
  '\t',
  '\u007f',
  '\u0085',
  '\u2028',
  '\ufeffBOM',
  '\ud800',
  '🙂',
  'NaN',
  'Infinity',
  '-1',
  '0.5',
  '1e308',
  '-0',
  '0x10',
  '1_000',
  '１２３',
  '9'.repeat(40),
  "'; DROP TABLE customers; --",
  '%s%n%d',
  '{{x}}',
  '${x}',
  '<b>x</b>',
  '../../x',
  'C:\\x',
  // three letters that are no currency (or not in its case)
  'XXX',
  'ZZZ',
  'pln'
]
const ODD_NUMBERS = [
  1e308,
  -1e308,
  -1,
  0,
  -0,
  0.5,
  -0.5,
  NaN,
  Infinity,
  -Infinity,
  Number.MAX_SAFE_INTEGER + 2,
  Number.MAX_SAFE_INTEGER,
  Number.MIN_SAFE_INTEGER,
  2 ** 31 - 1,
  2 ** 31,
  2 ** 32,
  2 ** 63,
  999_999,
  1e13,
  1e13 + 1,
  -1e13,
  5e-324,
  1e-7,
  366,
  3651,
  1001
]

const deep = (depth: number, leaf: unknown, wrap: (inner: unknown) => unknown): unknown => {
  let node = leaf
  for (let i = 0; i < depth; i++) node = wrap(node)
  return node
}
/** An object whose own keys are the names of Object members (as JSON.parse would make it). */
function memberKeyed(): Record<string, unknown> {
  const object: Record<string, unknown> = {}
  for (const [i, name] of MEMBER_NAMES.entries()) defineOwn(object, name, i % 2 ? 'x' : i)
  return object
}

const hostileText = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...ODD_STRINGS) },
  { weight: 2, arbitrary: fc.constantFrom(...MEMBER_NAMES) },
  { weight: 2, arbitrary: fc.constantFrom(...BAD_DATES, ...EDGE_DATES) },
  { weight: 1, arbitrary: fc.constantFrom(...HUGE_STRINGS) },
  { weight: 1, arbitrary: fc.constantFrom(...FIXTURE_CODES) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) }
)

function hostileNumber(ids: number[]): fc.Arbitrary<number> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...ODD_NUMBERS) },
    { weight: 2, arbitrary: fc.constantFrom(...ids) },
    { weight: 1, arbitrary: fc.double() },
    { weight: 1, arbitrary: fc.integer() }
  )
}

function hostileValue(ids: number[]): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 3, arbitrary: hostileText },
    { weight: 3, arbitrary: hostileNumber(ids) },
    {
      weight: 3,
      arbitrary: fc.constantFrom<unknown>(
        null,
        undefined,
        true,
        false,
        [],
        {},
        [null],
        [[]],
        ['x'],
        10n,
        -1n,
        new Date(0),
        new Date(NaN),
        new Map([['a', 1]]),
        new Set(['a']),
        new Uint8Array([0, 1]),
        /x/
      )
    },
    { weight: 1, arbitrary: fc.constant(null).map(memberKeyed) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        deep(1000, 1, (inner) => ({ a: inner })),
        deep(1000, 1, (inner) => [inner])
      )
    },
    {
      weight: 1,
      arbitrary: fc.anything({
        maxDepth: 2,
        withBigInt: true,
        withDate: true,
        withMap: true,
        withSet: true,
        withTypedArray: true,
        withBoxedValues: true
      })
    },
    // Electron IPC keeps holes: an array of 100,000 slots holding one element
    {
      weight: 1,
      arbitrary: fc.constant(null).map(() => Object.assign(new Array(100_000), { 3: 'x' }))
    }
  )
}

const hostileKey = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...MEMBER_NAMES) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('', ' ', 'a\u0000b', 'x'.repeat(300), '0', 'id', 'confirm', 'path')
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 8 }) }
)

// ---------------------------------------------------------------------------------------------
// Mutations of a valid input: data, so fast-check can shrink them

type Mutation =
  | { kind: 'whole'; value: unknown }
  | { kind: 'replace'; at: number; value: unknown }
  | {
      kind: 'leaf'
      at: number
      how: 'replace' | 'append' | 'prepend'
      text: string
      date: string
      number: number
      other: unknown
    }
  | { kind: 'delete'; at: number }
  | { kind: 'extraKey'; at: number; key: string; value: unknown; copySibling: boolean }
  | { kind: 'bloat'; at: number; times: number }
  | { kind: 'path'; key: string; path: string }

type Path = (string | number)[]
interface Node {
  path: Path
  value: unknown
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype
const isContainer = (v: unknown): v is Record<string, unknown> | unknown[] =>
  Array.isArray(v) || isPlainObject(v)

function defineOwn(object: object, key: string | number, value: unknown): void {
  Object.defineProperty(object, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true
  })
}

/**
 * A deep copy of plain objects and arrays that keeps own keys such as "__proto__", and keeps a
 * value shared where it was shared (as a structured clone does), so a copy costs what it holds.
 */
function clone(v: unknown, copies = new Map<object, unknown>()): unknown {
  if (!Array.isArray(v) && !isPlainObject(v)) return v
  const known = copies.get(v)
  if (known !== undefined) return known
  // an array by own keys, so a sparse array's holes are not walked one by one
  const out: object = Array.isArray(v) ? new Array<unknown>(v.length) : {}
  copies.set(v, out)
  for (const key of Object.keys(v))
    defineOwn(out, key, clone((v as Record<string, unknown>)[key], copies))
  return out
}

/** The nodes of an input, root first, down to a few levels (a deep hostile value is one node). */
function nodesOf(root: unknown): Node[] {
  const out: Node[] = []
  const walk = (value: unknown, path: Path) => {
    if (out.length >= 300) return
    out.push({ path, value })
    if (!isContainer(value) || path.length >= 6) return
    const keys = Array.isArray(value) ? value.slice(0, 20).map((_, i) => i) : Object.keys(value)
    for (const key of keys) walk((value as Record<string | number, unknown>)[key], [...path, key])
  }
  walk(root, [])
  return out
}

function setAt(root: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value
  const parent = path.slice(0, -1).reduce<unknown>((node, key) => (node as never)[key], root)
  defineOwn(parent as object, path.at(-1)!, value)
  return root
}

function deleteAt(root: unknown, path: Path): unknown {
  if (path.length === 0) return undefined
  const parent = path.slice(0, -1).reduce<unknown>((node, key) => (node as never)[key], root)
  const key = path.at(-1)!
  if (Array.isArray(parent) && parent.length < 1000) parent.splice(Number(key), 1)
  else delete (parent as Record<string, unknown>)[key]
  return root
}

const pick = <T>(list: T[], at: number): T | undefined =>
  list.length === 0 ? undefined : list[at % list.length]

const looksLikeDate = (v: unknown): boolean => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v)

function leafValue(m: Extract<Mutation, { kind: 'leaf' }>, old: unknown): unknown {
  if (typeof old === 'number') return m.number
  if (typeof old !== 'string') return clone(m.other)
  const text = looksLikeDate(old) && m.how === 'replace' ? m.date : m.text
  return m.how === 'append' ? old + text : m.how === 'prepend' ? text + old : text
}

function mutate(root: unknown, m: Mutation): unknown {
  const nodes = nodesOf(root)
  const inner = nodes.slice(1)
  switch (m.kind) {
    // hostile values are copied in, so no later mutation reaches the shared pools
    case 'whole':
      return clone(m.value)
    case 'path':
      return isPlainObject(root) ? setAt(root, [m.key], m.path) : root
    case 'replace': {
      const node = pick(inner, m.at)
      return node ? setAt(root, node.path, clone(m.value)) : clone(m.value)
    }
    case 'leaf': {
      const node = pick(
        inner.filter((n) => !isContainer(n.value)),
        m.at
      )
      return node ? setAt(root, node.path, leafValue(m, node.value)) : root
    }
    case 'delete': {
      const node = pick(inner, m.at)
      return node ? deleteAt(root, node.path) : undefined
    }
    case 'extraKey': {
      const node = pick(
        nodes.filter((n) => isPlainObject(n.value)),
        m.at
      )
      if (!node) return root
      const object = node.value as Record<string, unknown>
      const sibling = Object.keys(object)[0]
      const value = clone(m.copySibling && sibling !== undefined ? object[sibling] : m.value)
      defineOwn(object, m.key, value)
      return root
    }
    case 'bloat': {
      const node = pick(
        nodes.filter((n) => Array.isArray(n.value)),
        m.at
      )
      if (!node) return root
      // one element many times over (shared, as a structured clone keeps it: cheap to send)
      const first = (node.value as unknown[])[0] ?? null
      return setAt(root, node.path, new Array<unknown>(m.times).fill(first))
    }
  }
}

function mutationArb(ids: number[], paths: string[], pathKey: string): fc.Arbitrary<Mutation> {
  const value = hostileValue(ids)
  const at = fc.nat({ max: 1000 })
  const kinds: fc.Arbitrary<Mutation>[] = [
    fc.record({ kind: fc.constant('whole' as const), value }),
    fc.record({ kind: fc.constant('replace' as const), at, value }),
    fc.record({
      kind: fc.constant('leaf' as const),
      at,
      how: fc.constantFrom('replace' as const, 'append' as const, 'prepend' as const),
      text: hostileText,
      date: fc.constantFrom(...BAD_DATES, ...EDGE_DATES),
      number: hostileNumber(ids),
      other: fc.oneof(fc.boolean(), value)
    }),
    fc.record({ kind: fc.constant('delete' as const), at }),
    fc.record({
      kind: fc.constant('extraKey' as const),
      at,
      key: hostileKey,
      value,
      copySibling: fc.boolean()
    }),
    fc.record({ kind: fc.constant('bloat' as const), at, times: fc.constantFrom(2, 50, 10_000) })
  ]
  const weighted = kinds.map((arbitrary, i) => ({ arbitrary, weight: i === 2 ? 4 : 2 }))
  if (paths.length > 0)
    weighted.push({
      arbitrary: fc.record({
        kind: fc.constant('path' as const),
        key: fc.constant(pathKey),
        path: fc.constantFrom(...paths)
      }),
      weight: 6
    })
  return fc.oneof(...weighted)
}

/**
 * Calls made first on every channel (they count in its runs): each field in turn given what
 * code most often trips on, an object whose toString and valueOf are not functions, three
 * letters that are no code, an id that does not exist.
 */
function leafExamples(valid: unknown): [unknown][] {
  const leaves = nodesOf(valid).filter((n) => n.path.length > 0 && !isContainer(n.value))
  const substitutes = (v: unknown): unknown[] =>
    typeof v === 'string' ? [memberKeyed(), 'XXX'] : typeof v === 'number' ? [999_999] : ['true']
  const rounds = leaves.map((leaf) => substitutes(leaf.value).map((sub) => ({ leaf, sub })))
  const out: [unknown][] = []
  for (let i = 0; rounds.some((r) => i < r.length); i++)
    for (const round of rounds)
      if (i < round.length) out.push([setAt(clone(valid), round[i]!.leaf.path, round[i]!.sub)])
  return out
}

/** A channel's inputs: mutations of its valid one, and for usage/import hostile files too. */
function arbitraryFor(channel: BookChannel, valid: unknown): fc.Arbitrary<unknown> {
  const mutated = inputArb(valid, fixtureIds(template.fixture))
  return channel === 'usage/import'
    ? fc.oneof(mutated, csvImportArb(template.fixture.dates.today))
    : mutated
}

/** The valid input itself now and then, else one to three mutations of it. */
function inputArb(
  valid: unknown,
  ids: number[],
  paths: string[] = [],
  pathKey = 'path'
): fc.Arbitrary<unknown> {
  return fc
    .oneof(
      { weight: 1, arbitrary: fc.constant([] as Mutation[]) },
      {
        weight: 6,
        arbitrary: fc.array(mutationArb(ids, paths, pathKey), { minLength: 1, maxLength: 3 })
      }
    )
    .map((mutations) => mutations.reduce<unknown>((input, m) => mutate(input, m), clone(valid)))
}

/**
 * usage/import carries a file: hostile CSV inside valid base64 (odd cells, quoting, delimiters,
 * line ends, columns named like Object members, encodings that are not UTF-8).
 */
function csvImportArb(today: string): fc.Arbitrary<unknown> {
  const columns = {
    usage: ['customer', 'metric', 'event_id', 'timestamp', 'quantity', 'amount', 'subscription'],
    customers: ['name', 'country', 'code', 'tax_id', 'emails', 'segment', 'tags', 'currency']
  }
  const cell = fc.oneof(
    {
      weight: 3,
      arbitrary: fc.constantFrom('C1', 'C2', 'C3', 'X9', 'calls', 'volume', 'PL', 'PLN')
    },
    { weight: 2, arbitrary: fc.constantFrom(today, `${today}T10:00:00`, ...BAD_DATES) },
    {
      weight: 2,
      arbitrary: fc.constantFrom('1', '0', '-1', '1e308', 'NaN', '0.0000001', '9'.repeat(40), '1,5')
    },
    { weight: 2, arbitrary: fc.constantFrom(...MEMBER_NAMES) },
    { weight: 2, arbitrary: fc.constantFrom(...ODD_STRINGS) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) }
  )
  return fc
    .record({
      kind: fc.constantFrom('usage' as const, 'customers' as const),
      extraColumns: fc.subarray([...MEMBER_NAMES.slice(0, 3), 'amount', ''], { maxLength: 2 }),
      rows: fc.array(fc.array(cell, { maxLength: 9 }), { maxLength: 6 }),
      delimiter: fc.constantFrom(',', ';', '\t'),
      newline: fc.constantFrom('\n', '\r\n', '\r'),
      quote: fc.constantFrom('none', 'all', 'unbalanced'),
      encoding: fc.constantFrom('utf8', 'bom', 'utf16le', 'latin1'),
      dryRun: fc.boolean()
    })
    .map((c) => {
      const header = [...columns[c.kind], ...c.extraColumns]
      const quoted = (v: string) =>
        c.quote === 'all' ? `"${v.replace(/"/g, '""')}"` : c.quote === 'unbalanced' ? `"${v}` : v
      const text = [header, ...c.rows]
        .map((row) => row.map(quoted).join(c.delimiter))
        .join(c.newline)
      const bytes =
        c.encoding === 'bom'
          ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])
          : Buffer.from(text, c.encoding)
      return { kind: c.kind, dataBase64: bytes.toString('base64'), dryRun: c.dryRun }
    })
}

// ---------------------------------------------------------------------------------------------
// What every answer must be

/** Readable in a failure message: long strings and arrays cut, deep values elided. */
function abbreviate(v: unknown, depth = 0): unknown {
  if (typeof v === 'string') return v.length > 80 ? `${v.slice(0, 20)}…(${v.length} chars)` : v
  if (depth > 5 && isContainer(v)) return '…(deeper)'
  if (Array.isArray(v)) {
    const head = v.slice(0, 5).map((x) => abbreviate(x, depth + 1))
    return v.length > 5 ? [...head, `…(${v.length} items)`] : head
  }
  if (!isPlainObject(v)) return v
  const out = {}
  for (const key of Object.keys(v))
    defineOwn(out, String(abbreviate(key)), abbreviate(v[key], depth + 1))
  return out
}
const show = (v: unknown): string => fc.stringify(abbreviate(v))

function describeAnswer(answer: unknown): string {
  if (!isPlainObject(answer)) return `not a Result: ${show(answer)}`
  if (answer.ok === true) return 'ok'
  const error = answer.error as Record<string, unknown> | undefined
  const fields = error?.fieldErrors ? ` ${show(error.fieldErrors)}` : ''
  return `${String(error?.code)}: ${show(error?.message)}${fields}`.slice(0, 600)
}

/** What is wrong with an answer as a Result (empty when nothing is). */
function resultProblems(answer: unknown): string[] {
  if (!isPlainObject(answer)) return ['the answer is not an object']
  const problems: string[] = []
  try {
    structuredClone(answer)
  } catch (error) {
    problems.push(`the answer cannot be sent back over IPC (${String(error)})`)
  }
  if (typeof answer.ok !== 'boolean') return [...problems, 'ok is not a boolean']
  if (answer.ok) return 'value' in answer ? problems : [...problems, 'ok:true without a value']
  const error = answer.error
  if (!isPlainObject(error)) return [...problems, 'ok:false without an error object']
  if (!(ERROR_CODES as readonly unknown[]).includes(error.code))
    problems.push(`error.code ${show(error.code)} is not one of ERROR_CODES`)
  if (error.code === 'INTERNAL') problems.push('answered INTERNAL')
  if (typeof error.message !== 'string' || error.message.trim() === '')
    problems.push('error.message is not a non-empty string')
  if (error.fieldErrors !== undefined) {
    if (!isPlainObject(error.fieldErrors)) problems.push('fieldErrors is not an object')
    else
      for (const [key, field] of Object.entries(error.fieldErrors)) {
        if (
          !isPlainObject(field) ||
          typeof field.code !== 'string' ||
          typeof field.message !== 'string'
        )
          problems.push(`fieldErrors[${show(key)}] is not {code, message}`)
      }
  }
  return problems
}

/** The errors dispatch logged during a call: the cause behind an INTERNAL. */
const logged: string[] = []
beforeEach(() => {
  vi.spyOn(log, 'error').mockImplementation((message: string, error?: unknown) => {
    const where =
      error instanceof Error
        ? (error.stack ?? '')
            .split('\n')
            .filter((l) => l.includes('/src/'))
            .slice(0, 3)
            .map((l) => l.trim())
            .join(' | ')
        : ''
    const what = error instanceof Error ? `${error.name}: ${error.message}` : String(error)
    logged.push(`${message}: ${what.slice(0, 300)}${where ? ` [${where}]` : ''}`)
  })
})
afterEach(() => {
  vi.restoreAllMocks()
})

const sha256 = (text: string | Buffer) => createHash('sha256').update(text).digest('hex')
const fileHash = (path: string) => (existsSync(path) ? sha256(readFileSync(path)) : 'absent')

/** Every entry under a folder (links not followed), as relative paths; a few levels deep. */
function tree(root: string, depth = 6): string[] {
  const out: string[] = []
  const walk = (dir: string, prefix: string, level: number) => {
    for (const name of readdirSync(dir).sort()) {
      const rel = prefix ? `${prefix}/${name}` : name
      const stat = lstatSync(join(dir, name))
      out.push(stat.isDirectory() ? `${rel}/` : rel)
      if (stat.isDirectory() && level < depth) walk(join(dir, name), rel, level + 1)
    }
  }
  walk(root, '', 0)
  return out
}

/**
 * By default a property stops at its first failing call and fast-check shrinks it to a minimal
 * one. SWEEP_ALL=1 records every failing call instead (no shrinking) and fails at the end with
 * all of them, to see every defect a run finds at once.
 */
const SWEEP_ALL = Boolean(process.env.SWEEP_ALL)
const everyFailure: string[] = []
function found(message: string): void {
  if (!SWEEP_ALL) throw new Error(message)
  everyFailure.push(message)
}
const runOptions = (channel: Channel) => ({
  numRuns: runsOf(channel),
  seed: SEED,
  reporter: reporter(channel)
})

/** Reports a property's failure with our own message (the generated mutations are not shown). */
function reporter(channel: string) {
  return (out: fc.RunDetails<[unknown]>) => {
    if (!out.failed) return
    const cause =
      out.errorInstance instanceof Error ? out.errorInstance.message : String(out.errorInstance)
    throw new Error(
      `${cause}\n(${channel}: failed after ${out.numRuns} calls and ${out.numShrinks} shrinks; replay with SWEEP_SEED=${out.seed})`
    )
  }
}

/** Calls that took more than a second (printed at the end, never asserted: timing is for benchmarks). */
const slow: string[] = []
let calls = 0
afterAll(() => {
  console.info(`sweep: ${calls} hostile and valid calls`)
  if (slow.length > 0) console.warn(`slow calls:\n${slow.join('\n')}`)
})

async function call(backend: Backend, channel: string, input: unknown) {
  logged.length = 0
  calls++
  // SWEEP_TRACE=1 names each call before it is made: the one a hang is stuck in is the last
  if (process.env.SWEEP_TRACE) process.stderr.write(`sweep: ${channel} ${show(input)}\n`)
  const started = performance.now()
  let answer: unknown
  try {
    // what Electron IPC delivers: a structured clone of what the renderer sent
    answer = await dispatch(backend.handlers, channel, structuredClone(input))
  } catch (error) {
    return { answer: undefined, threw: error }
  }
  const ms = performance.now() - started
  if (ms > 1000)
    slow.push(`${channel} took ${Math.round(ms)} ms: ${show(input)} → ${describeAnswer(answer)}`)
  return { answer }
}

function failure(channel: string, input: unknown, answer: unknown, problems: string[]): string {
  return [
    `${channel} ${show(input)}`,
    `  answered: ${describeAnswer(answer)}`,
    ...problems.map((p) => `  - ${p}`),
    ...logged.map((l) => `  logged: ${l}`)
  ].join('\n')
}

// ---------------------------------------------------------------------------------------------
// The company file every channel gets a copy of

let template: { dir: string; file: string; fixture: Pick<Fixture, 'ids' | 'dates'> }

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'facturo-sweep-'))
  const fixture = await buildFixture(join(dir, 'data'))
  const file = fixture.path
  await fixture.backend.shutdown()
  template = { dir, file, fixture: { ids: fixture.ids, dates: fixture.dates } }
}, 60_000)

afterAll(() => {
  if (template) rmSync(template.dir, { recursive: true, force: true })
})

interface Sandbox {
  root: string
  data: string
  outside: string
  file: string
  settings: string
  backend: Backend
}

/** root/data (the data folder, with the company file in Companies) and root/outside (empty). */
async function sandbox(extra: string[] = []): Promise<Sandbox> {
  const root = tempDir()
  const data = join(root, 'data')
  const outside = join(root, 'outside')
  for (const dir of [join(data, 'Companies'), outside, ...extra.map((d) => join(root, d))])
    mkdirSync(dir, { recursive: true })
  const file = join(data, 'Companies', 'Sweep.facturo')
  copyFileSync(template.file, file)
  const backend = await testBackend(data)
  const opened = await dispatch(backend.handlers, 'files/open', { path: file })
  expect(opened.ok, describeAnswer(opened)).toBe(true)
  return { root, data, outside, file, settings: join(data, 'settings.json'), backend }
}

const openPath = (box: Sandbox): string | null => {
  try {
    return box.backend.workspace.requireStore().path
  } catch {
    return null
  }
}

/**
 * Why an accepted call must still leave the company file as it was, or null: a read channel
 * (READ_CHANNELS), or a preview (confirm: false) or dry run (dryRun: true), which never write.
 */
function readsOnly(channel: Channel, input: unknown): string | null {
  if (READ_CHANNELS.has(channel)) return 'a read channel'
  if (isPlainObject(input) && input.confirm === false) return 'a preview (confirm: false)'
  if (isPlainObject(input) && input.dryRun === true) return 'a dry run (dryRun: true)'
  return null
}

/** After a sweep: the file is still sound and the backend still answers. */
async function stillHealthy(box: Sandbox): Promise<void> {
  const db = new Sqlite(box.file, { readonly: true, fileMustExist: true })
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
  } finally {
    db.close()
  }
  const company = await dispatch(box.backend.handlers, 'company/get', {})
  expect(company.ok, describeAnswer(company)).toBe(true)
  const ledger = await dispatch(box.backend.handlers, 'ledger/verify', {})
  expect(ledger.ok && ledger.value.ok, describeAnswer(ledger)).toBe(true)
}

// ---------------------------------------------------------------------------------------------

describe('every channel but files/*, against a company file with real books', () => {
  it('has a valid input for every channel in the table', () => {
    const table = validInputs(template.fixture)
    expect(Object.keys(table).sort()).toEqual([...BOOK_CHANNELS].sort())
    for (const channel of BOOK_CHANNELS) {
      const parsed = contract[channel].input.safeParse(table[channel])
      expect(parsed.success, `${channel}: ${parsed.error?.message}`).toBe(true)
    }
  })

  it.each(BOOK_CHANNELS)(
    '%s answers hostile input with a Result and a refusal changes nothing',
    async (channel) => {
      const box = await sandbox()
      const valid = validInputs(template.fixture)[channel]
      const companies = join(box.data, 'Companies')
      const ownName = basename(box.file)
      // beside the company file: its WAL, shared memory, lock and backups only
      const strayBeside = () =>
        readdirSync(companies).filter(
          (n) =>
            !/^(-wal|-shm|-journal|\.lock)?$/.test(n.slice(ownName.length)) && !/backup/i.test(n)
        )
      const examples: [unknown][] = [[valid], ...leafExamples(valid).slice(0, 10)]
      let state = { book: sha256(snapshotFile(box.file)), settings: fileHash(box.settings) }
      await fc.assert(
        fc.asyncProperty(arbitraryFor(channel, valid), async (input) => {
          const { answer, threw } = await call(box.backend, channel, input)
          const problems = threw ? [`threw ${String(threw)}`] : resultProblems(answer)
          const after = { book: sha256(snapshotFile(box.file)), settings: fileHash(box.settings) }
          const refused = isPlainObject(answer) && answer.ok === false
          if (refused && after.book !== state.book)
            problems.push('a refused call changed the company file')
          else if (after.book !== state.book && readsOnly(channel, input))
            problems.push(`${readsOnly(channel, input)} changed the company file`)
          if (refused && after.settings !== state.settings)
            problems.push('a refused call changed settings.json')
          state = after
          if (readdirSync(box.outside).length > 0)
            problems.push(`wrote outside the data folder: ${readdirSync(box.outside).join(', ')}`)
          const rootEntries = readdirSync(box.root).sort()
          if (rootEntries.join() !== 'data,outside')
            problems.push(`wrote beside the data folder: ${rootEntries.join(', ')}`)
          if (strayBeside().length > 0)
            problems.push(`new files beside the company file: ${strayBeside().join(', ')}`)
          if (openPath(box) !== box.file) problems.push('the company file is no longer open')
          if (problems.length > 0) found(failure(channel, input, answer, problems))
        }),
        { ...runOptions(channel), examples }
      )
      expect(everyFailure.splice(0), `${channel}: every failing call`).toEqual([])
      await stillHealthy(box)
      await box.backend.shutdown()
    },
    TIMEOUT
  )
})

// ---------------------------------------------------------------------------------------------
// Channels that take a path or change which file is open: each call is followed by reopening the
// company file, and every path stays inside the test's temp folder

/** settings.json without the times files were opened (reopening the company file moves them). */
function settingsState(path: string): string {
  if (!existsSync(path)) return 'absent'
  const text = readFileSync(path, 'utf8')
  try {
    return JSON.stringify(JSON.parse(text), (key, v: unknown) =>
      key === 'openedAt' ? undefined : v
    )
  } catch {
    return text
  }
}

/** What a refused call may still leave on disk: backups, and the company file's WAL and lock. */
const incidental = (entry: string) =>
  /(^|\/)Backups\//.test(entry) ||
  /\.facturo-backup/.test(entry) ||
  /(-wal|-shm|-journal|\.lock)$/.test(entry)

interface PathSandbox extends Sandbox {
  play: string
  jail: string
  second: string
  backup: string
  /** Files no call may touch: a foreign SQLite file, text, an empty and a corrupt file. */
  untouchable: string[]
  paths: Record<'open' | 'create' | 'check' | 'restore' | 'folder' | 'export', string[]>
}

/** A playground of hostile paths, all inside the test's temp folder. */
async function pathSandbox(): Promise<PathSandbox> {
  const box = await sandbox(['play', 'jail'])
  const play = join(box.root, 'play')
  const jail = join(box.root, 'jail')
  const second = join(play, 'Second.facturo')
  copyFileSync(template.file, second)
  const made = await dispatch(box.backend.handlers, 'backups/create', {})
  expect(made.ok, describeAnswer(made)).toBe(true)
  // rotation may remove the one made above; this copy stays
  const backup = join(play, 'good.facturo-backup')
  if (made.ok) copyFileSync(made.value.path, backup)
  const foreign = join(play, 'foreign.facturo')
  const foreignSqlite = join(play, 'foreign.sqlite')
  for (const path of [foreign, foreignSqlite]) {
    const db = new Sqlite(path)
    db.exec(
      "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('mine')"
    )
    db.close()
  }
  writeFileSync(join(play, 'notes.facturo'), 'not a database\n')
  writeFileSync(join(play, 'empty.facturo'), '')
  writeFileSync(
    join(play, 'corrupt.facturo'),
    Buffer.concat([Buffer.from('SQLite format 3\u0000'), Buffer.alloc(4080, 0xab)])
  )
  mkdirSync(join(play, 'folder.facturo'))
  // dangling links whose targets would be in the folder that must stay empty
  symlinkSync(join(box.outside, 'target.facturo'), join(play, 'x.facturo'))
  symlinkSync(join(box.outside, 'target.zip'), join(play, 'x.zip'))
  symlinkSync(join(box.outside, 'dir'), join(play, 'x-folder'))
  symlinkSync(box.file, join(play, 'link.facturo'))
  const untouchable = [
    'foreign.facturo',
    'foreign.sqlite',
    'notes.facturo',
    'empty.facturo',
    'corrupt.facturo'
  ].map((n) => join(play, n))
  const malformed = [
    `${play}/a\u0000.facturo`,
    `${foreignSqlite}\u0000.facturo`,
    `${box.file}\u0000`,
    'x.facturo',
    './x.facturo',
    '../x.facturo',
    'data/Companies/Sweep.facturo',
    'C:\\x.facturo',
    'C:/x.facturo',
    '\\\\server\\share\\x.facturo',
    '~/x.facturo',
    `${play}/tab\t.facturo`,
    `${play}/line\n.facturo`,
    `${play}/del\u007f.facturo`,
    `${play}/${'a'.repeat(300)}.facturo`,
    `${play}/${`${'b'.repeat(200)}/`.repeat(19)}deep.facturo`,
    `${box.file}/`,
    `${box.file}/child.facturo`,
    `${play}/.facturo`
  ]
  const existing = [
    join(play, 'x.facturo'),
    `${join(play, 'x.facturo')} `,
    join(play, 'link.facturo'),
    join(play, 'folder.facturo'),
    ...untouchable
  ]
  const toOpen = [
    ...malformed,
    ...existing,
    second,
    ` ${second} `,
    `${play}//Second.facturo`,
    `${play}/./Second.facturo`,
    `${box.data}/Companies/../Companies/Sweep.facturo`,
    `${play}/../outside/missing.facturo`,
    play,
    box.settings,
    `${box.file}.lock`,
    backup
  ]
  const paths = {
    open: toOpen,
    check: [...toOpen, box.file],
    restore: [...toOpen, box.file],
    create: [
      ...malformed,
      ...existing,
      second,
      `${play}/sub/../dotdot.facturo`,
      `${play}/new/nested/made.facturo`,
      `${play}/ünïcödé.facturo`,
      `${play}/CON.facturo`
    ],
    folder: [
      ...malformed.map((p) => p.replace(/\.facturo$/, '')),
      `${play}/chosen`,
      `${play}/new/nested`,
      join(play, 'x-folder'),
      join(play, 'folder.facturo'),
      box.file,
      play
    ],
    export: [
      ...malformed.map((p) => p.replace(/\.facturo$/, '.zip')),
      `${play}/books.zip\u0000.txt`,
      join(play, 'x.zip'),
      join(play, 'folder.facturo'),
      `${play}/new/dir/books.zip`,
      `${play}/${'a'.repeat(300)}.zip`,
      box.file,
      second,
      box.settings
    ]
  }
  return { ...box, play, jail, second, backup, untouchable, paths }
}

function pathCase(
  channel: PathChannel,
  box: PathSandbox
): { valid: unknown; paths: string[]; key?: string } {
  const company = {
    legalName: 'Druga Firma',
    country: 'PL',
    defaultCurrency: 'PLN',
    defaultLanguage: 'pl'
  }
  switch (channel) {
    case 'files/open':
      return { valid: { path: box.second }, paths: box.paths.open }
    case 'files/create':
      return {
        valid: { ...company, path: join(box.play, 'created.facturo') },
        paths: box.paths.create
      }
    case 'files/browse':
      return { valid: { mode: 'create', suggestedName: 'Nowa firma' }, paths: [] }
    case 'backups/check':
      return { valid: { path: box.backup }, paths: box.paths.check }
    case 'backups/restore':
      return { valid: { path: box.backup }, paths: box.paths.restore }
    case 'backups/setFolder':
      return { valid: { folder: join(box.play, 'chosen') }, paths: box.paths.folder, key: 'folder' }
    case 'export/books':
      return { valid: { path: join(box.play, 'books.zip') }, paths: box.paths.export }
    default:
      return { valid: {}, paths: [] }
  }
}

describe('channels that take a path or change the open file, with hostile paths', () => {
  let cwd = process.cwd()
  beforeEach(() => {
    cwd = process.cwd()
  })
  afterEach(() => {
    process.chdir(cwd)
  })

  it.each(PATH_CHANNELS)(
    '%s answers hostile input with a Result and a refusal changes nothing',
    async (channel) => {
      const box = await pathSandbox()
      // a relative path resolves in an empty folder of the test, never in the repository
      process.chdir(box.jail)
      const { valid, paths, key } = pathCase(channel, box)
      expect(contract[channel].input.safeParse(valid).success, `${channel} valid input`).toBe(true)
      const untouched = box.untouchable.map(fileHash)
      const stateOf = () => ({
        book: sha256(snapshotFile(box.file)),
        second: fileHash(box.second),
        settings: settingsState(box.settings),
        tree: tree(box.root).filter((e) => !incidental(e))
      })
      // every hostile path once, then the random variants
      const examples = paths.map((path): [unknown] => [
        mutate(clone(valid), { kind: 'path', key: key ?? 'path', path })
      ])
      let state = stateOf()
      await fc.assert(
        fc.asyncProperty(
          inputArb(valid, fixtureIds(template.fixture), paths, key),
          async (input) => {
            const { answer, threw } = await call(box.backend, channel, input)
            const problems = threw ? [`threw ${String(threw)}`] : resultProblems(answer)
            const refused = isPlainObject(answer) && answer.ok === false
            const after = stateOf()
            const read = READ_CHANNELS.has(channel)
            if (refused || read) {
              const what = refused ? 'a refused call' : 'a call that only reads'
              if (after.book !== state.book) problems.push(`${what} changed the company file`)
              if (after.settings !== state.settings) problems.push(`${what} changed settings.json`)
              if (openPath(box) !== box.file)
                problems.push(
                  `${what} left ${show(openPath(box))} open instead of the company file`
                )
            }
            if (read && after.second !== state.second)
              problems.push('a call that only reads changed another company file')
            if (refused && after.tree.join('\n') !== state.tree.join('\n')) {
              const added = after.tree.filter((e) => !state.tree.includes(e))
              const removed = state.tree.filter((e) => !after.tree.includes(e))
              problems.push(
                `a refused call changed the disk: added ${show(added)}, removed ${show(removed)}`
              )
            }
            if (readdirSync(box.outside).length > 0)
              problems.push(`wrote outside the data folder: ${readdirSync(box.outside).join(', ')}`)
            if (readdirSync(box.jail).length > 0)
              problems.push(`wrote in the working folder: ${readdirSync(box.jail).join(', ')}`)
            box.untouchable.forEach((path, i) => {
              if (fileHash(path) !== untouched[i])
                problems.push(`changed ${basename(path)}, not a company file`)
            })
            for (const name of readdirSync(box.play))
              if (/^(foreign|notes|empty|corrupt)\..*(-wal|-shm|-journal)$/.test(name))
                problems.push(`left ${name} beside a file that is not a company file`)
            // the next call starts from the company file again, with nothing in the watched folders
            if (openPath(box) !== box.file) await box.backend.workspace.open(box.file)
            for (const stray of readdirSync(box.outside))
              rmSync(join(box.outside, stray), { recursive: true })
            for (const stray of readdirSync(box.jail))
              rmSync(join(box.jail, stray), { recursive: true })
            state = stateOf()
            if (problems.length > 0) found(failure(channel, input, answer, problems))
          }
        ),
        { ...runOptions(channel), examples }
      )
      expect(everyFailure.splice(0), `${channel}: every failing call`).toEqual([])
      await stillHealthy(box)
      await box.backend.shutdown()
    },
    TIMEOUT
  )
})
