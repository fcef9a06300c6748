import { spawn, spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  truncateSync,
  writeFileSync
} from 'node:fs'
import { join, resolve } from 'node:path'
import Sqlite from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import type { Channel } from '@shared/channels'
import type { ChannelInput } from '@shared/contract'
import type { Result } from '@shared/result'
import type { Backend } from '../backend'
import { dispatch } from '../ipc/dispatch'
import { tempDir, testBackend } from '../test-support'
import { lockPathOf } from './file-lock'

/** Paths, permissions, two writers, read-only files and folders, a full disk, a damaged file. */

const ROOT = resolve(import.meta.dirname, '../../..')
const CLI = join(ROOT, 'out/main/cli.js')
const NEW_COMPANY = {
  legalName: 'Biuro Nowak',
  country: 'PL',
  defaultCurrency: 'PLN',
  defaultLanguage: 'pl'
} as const

const backends: Backend[] = []
afterEach(async () => {
  for (const b of backends.splice(0)) await b.shutdown()
})

async function backend(dataDir = tempDir()) {
  const b = await testBackend(dataDir)
  backends.push(b)
  const call = <C extends Channel>(channel: C, input: ChannelInput<C>) =>
    dispatch(b.handlers, channel, input)
  return { backend: b, call, dataDir }
}

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`)
  return result.value
}

function errorOf(result: Result<unknown>) {
  if (result.ok) throw new Error('expected a refusal')
  return result.error
}

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex')
const mode = (path: string) => statSync(path).mode & 0o777

function foreignDatabase(path: string): void {
  const db = new Sqlite(path)
  db.exec("CREATE TABLE moz_places (url TEXT); INSERT INTO moz_places VALUES ('https://x')")
  db.close()
}

function cli(args: string[], options: { uid?: number; gid?: number } = {}) {
  return spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', ...options })
}

describe('company file paths are checked in main', () => {
  it('refuses a NUL byte, which would have cut the path to another program’s database', async () => {
    const { call } = await backend()
    const dir = tempDir()
    const places = join(dir, 'places.sqlite')
    foreignDatabase(places)
    const before = sha(places)
    const error = errorOf(
      await call('files/create', { ...NEW_COMPANY, path: `${places}\u0000.facturo` })
    )
    expect(error.code).toBe('VALIDATION')
    expect(error.fieldErrors?.path?.code).toBe('control_characters')
    expect(sha(places)).toBe(before)
    expect(readdirSync(dir)).toEqual(['places.sqlite'])
  })

  it('refuses relative paths, to create and to open', async () => {
    const { call } = await backend()
    for (const result of [
      await call('files/create', { ...NEW_COMPANY, path: 'Acme.facturo' }),
      await call('files/open', { path: '../Acme.facturo' })
    ])
      expect(errorOf(result).fieldErrors?.path?.code).toBe('absolute_path')
  })

  it('never writes through a link named like a company file, dangling or not', async () => {
    const { call } = await backend()
    const dir = tempDir()
    const target = join(dir, 'elsewhere.txt')
    symlinkSync(target, join(dir, 'x.facturo'))
    expect(
      errorOf(await call('files/create', { ...NEW_COMPANY, path: join(dir, 'x.facturo') })).code
    ).toBe('CONFLICT')
    expect(existsSync(target)).toBe(false)
  })

  it('creates in the real folder a linked one points to, owner-only', async () => {
    const { call, dataDir } = await backend()
    const real = tempDir()
    const link = join(tempDir(), 'books')
    symlinkSync(real, link)
    const opened = value(
      await call('files/create', { ...NEW_COMPANY, path: join(link, 'A.facturo') })
    )
    expect(opened.path).toBe(join(real, 'A.facturo'))
    expect(mode(opened.path)).toBe(0o600)
    expect(mode(dataDir)).toBe(0o700)
    expect(mode(join(dataDir, 'settings.json'))).toBe(0o600)
  })

  it('says a folder is a folder, and a foreign database is not a company file, untouched', async () => {
    const { call } = await backend()
    const dir = tempDir()
    const folder = join(dir, 'Folder.facturo')
    mkdirSync(folder)
    const opened = errorOf(await call('files/open', { path: folder }))
    expect([opened.code, opened.problem?.key]).toEqual(['VALIDATION', 'is_folder'])
    const places = join(dir, 'places.sqlite')
    foreignDatabase(places)
    const before = sha(places)
    expect(errorOf(await call('files/open', { path: places })).code).toBe('NOT_A_COMPANY_FILE')
    expect(sha(places)).toBe(before)
    expect(readdirSync(dir).sort()).toEqual(['Folder.facturo', 'places.sqlite'])
  })

  it('makes new files in the data folder owner-only', async () => {
    const { call, dataDir } = await backend()
    const opened = value(await call('files/create', NEW_COMPANY))
    expect(mode(opened.path)).toBe(0o600)
    expect(mode(join(dataDir, 'Companies'))).toBe(0o700)
  })
})

describe('one writer per company file', () => {
  it('tells a second opener who holds the file, and lets it open it read-only', async () => {
    const first = await backend()
    const file = value(await first.call('files/create', NEW_COMPANY)).path
    value(
      await first.call('customers/create', {
        name: 'Ana',
        country: 'PL',
        language: 'pl',
        currency: 'PLN'
      })
    )
    const second = await backend()
    const refused = errorOf(await second.call('files/open', { path: file }))
    expect(refused.code).toBe('FILE_IN_USE')
    expect(refused.problem?.params).toMatchObject({ pid: process.pid, program: 'app' })
    const readOnly = value(await second.call('files/open', { path: file, readOnly: true }))
    expect(readOnly.readOnly).toBe('chosen')
    expect(value(await second.call('customers/list', {})).total).toBe(1)
    const write = errorOf(
      await second.call('customers/create', {
        name: 'Bo',
        country: 'PL',
        language: 'pl',
        currency: 'PLN'
      })
    )
    expect(write.code).toBe('READ_ONLY')
    // the holder goes on writing, and lets go when it closes
    value(
      await first.call('customers/create', {
        name: 'Cy',
        country: 'PL',
        language: 'pl',
        currency: 'PLN'
      })
    )
    value(await first.call('files/close', {}))
    expect(existsSync(lockPathOf(file))).toBe(false)
    expect(value(await second.call('files/open', { path: file })).readOnly).toBeNull()
  })

  it('the command line says the app holds the file, waits with --wait, and takes over after a crash', async () => {
    const dir = tempDir()
    const file = join(dir, 'books.facturo')
    expect(cli(['init', '--file', file, '--name', 'Biuro', '--country', 'PL']).status).toBe(0)
    // browser mode holds the file, as the app would
    const data = tempDir()
    writeFileSync(join(data, 'settings.json'), JSON.stringify({ version: 1, lastFile: file }))
    const web = spawn(
      process.execPath,
      [join(ROOT, 'out/main/web.js'), '--port', '0', '--data', data],
      {
        stdio: ['ignore', 'pipe', 'ignore']
      }
    )
    await new Promise<void>((ready) => web.stdout.once('data', () => ready()))
    try {
      const refused = cli(['run', '--as-of', '2026-01-31', '--file', file])
      expect(refused.status).toBe(3)
      expect(refused.stderr).toMatch(/is open in Facturo in browser mode \(process \d+/)
      expect(refused.stderr).toMatch(/--wait SECONDS/)
      const started = Date.now()
      const waited = cli(['run', '--as-of', '2026-01-31', '--file', file, '--wait', '1'])
      expect(waited.status).toBe(3)
      expect(Date.now() - started).toBeGreaterThanOrEqual(900)
    } finally {
      web.kill('SIGKILL')
      await new Promise((done) => web.once('exit', done))
    }
    // the killed holder left its lock: a process that is gone holds nothing
    expect(existsSync(lockPathOf(file))).toBe(true)
    const after = cli(['run', '--as-of', '2026-01-31', '--file', file])
    expect(after.stderr).toBe('')
    expect(after.status).toBe(0)
    expect(existsSync(lockPathOf(file))).toBe(false)
  })
})

const asRoot = typeof process.getuid === 'function' && process.getuid() === 0

describe('files that cannot be written open read-only', () => {
  it.runIf(asRoot)(
    'a read-only file and a read-only folder: browse yes, change no, no stray files',
    async () => {
      const dir = tempDir()
      chmodSync(dir, 0o755)
      const file = join(dir, 'books.facturo')
      expect(cli(['init', '--file', file, '--name', 'Biuro', '--country', 'PL']).status).toBe(0)
      chmodSync(file, 0o644)
      const nobody = { uid: 65534, gid: 65534 }
      const listed = cli(['invoices', 'list', '--file', file], nobody)
      expect(listed.stderr).toBe('')
      expect(listed.status).toBe(0)
      const run = cli(['run', '--as-of', '2026-01-31', '--file', file], nobody)
      expect(run.status).toBe(3)
      expect(run.stderr).toMatch(/read-only/)
      // a writable file in a folder nobody may write to: read-only too (no -wal, -shm or lock)
      chmodSync(file, 0o666)
      expect(cli(['run', '--as-of', '2026-01-31', '--file', file], nobody).status).toBe(3)
      expect(readdirSync(dir)).toEqual(['books.facturo'])
    }
  )
})

function mountSmallDisk(dir: string): boolean {
  if (!asRoot) return false
  return spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=3m', 'tmpfs', dir]).status === 0
}

describe('a full disk', () => {
  it('says the disk is full, keeps what was saved, and closes the file cleanly', async (ctx) => {
    const disk = tempDir()
    if (!mountSmallDisk(disk)) {
      console.log('skipped: a small file system cannot be mounted here (needs root and mount)')
      ctx.skip()
    }
    const { call } = await backend()
    try {
      const file = value(
        await call('files/create', { ...NEW_COMPANY, path: join(disk, 'b.facturo') })
      ).path
      const ana = value(
        await call('customers/create', {
          name: 'Ana',
          country: 'PL',
          language: 'pl',
          currency: 'PLN'
        })
      )
      // fill the disk
      try {
        writeFileSync(join(disk, 'filler'), Buffer.alloc(8 * 1024 * 1024))
      } catch {
        // as full as it gets
      }
      let refused: Result<unknown> | null = null
      for (let i = 0; i < 200 && !refused; i++) {
        const result = await call('customers/create', {
          name: `Customer ${i}`,
          country: 'PL',
          language: 'pl',
          currency: 'PLN',
          notes: 'n'.repeat(2000)
        })
        if (!result.ok) refused = result
      }
      expect(refused && errorOf(refused).code).toBe('DISK_FULL')
      expect(value(await call('customers/get', { customerId: ana.id })).name).toBe('Ana')
      value(await call('files/close', {}))
      rmSync(join(disk, 'filler'), { force: true })
      value(await call('files/open', { path: file }))
      expect(value(await call('customers/get', { customerId: ana.id })).name).toBe('Ana')
      value(await call('files/close', {}))
    } finally {
      await call('files/close', {})
      spawnSync('umount', [disk])
    }
  })
})

describe('a damaged file', () => {
  it('is said to be damaged, not an internal error', async () => {
    const { call } = await backend()
    const file = value(await call('files/create', NEW_COMPANY)).path
    for (let i = 0; i < 300; i++)
      value(
        await call('customers/create', {
          name: `Customer ${i}`,
          country: 'PL',
          language: 'pl',
          currency: 'PLN',
          notes: 'n'.repeat(1000)
        })
      )
    value(await call('files/close', {}))
    truncateSync(file, Math.floor(statSync(file).size / 2))
    const opened = await call('files/open', { path: file })
    const list = opened.ok ? await call('customers/list', { limit: 1000 }) : opened
    expect(errorOf(list).code).toBe('FILE_DAMAGED')
  })
})
