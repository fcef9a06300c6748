import { readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../test-support'
import { lockCompanyFile, lockHolder, lockPathOf } from './file-lock'

describe('the lock of a company file', () => {
  it('is in place with its holder in it, and nothing else is left beside it', async () => {
    const dir = tempDir()
    const file = join(dir, 'books.facturo')
    writeFileSync(file, '')
    const lock = await lockCompanyFile(file, 'cli')
    expect(readdirSync(dir).sort()).toEqual(['books.facturo', 'books.facturo.lock'])
    const holder = JSON.parse(readFileSync(lockPathOf(file), 'utf8'))
    expect(holder).toMatchObject({ program: 'cli', pid: process.pid, host: hostname() })
    await expect(lockCompanyFile(file, 'app')).rejects.toMatchObject({ code: 'FILE_IN_USE' })
    lock.release()
    expect(readdirSync(dir)).toEqual(['books.facturo'])
  })

  it('left by a process that is gone is taken over', async () => {
    const dir = tempDir()
    const file = join(dir, 'books.facturo')
    writeFileSync(file, '')
    const gone = { program: 'app', pid: 2 ** 22 + 17, host: hostname(), user: 'x', since: 'then' }
    writeFileSync(lockPathOf(file), JSON.stringify(gone))
    expect(lockHolder(file)).toBeNull()
    const lock = await lockCompanyFile(file, 'browser')
    expect(JSON.parse(readFileSync(lockPathOf(file), 'utf8')).pid).toBe(process.pid)
    lock.release()
  })

  it('that cannot be read is respected while new and taken over once it is old', async () => {
    const dir = tempDir()
    const file = join(dir, 'books.facturo')
    writeFileSync(file, '')
    // what an older Facturo killed between making its lock and writing it left behind
    writeFileSync(lockPathOf(file), '')
    await expect(lockCompanyFile(file, 'cli')).rejects.toMatchObject({ code: 'FILE_IN_USE' })
    const old = new Date(Date.now() - 60_000)
    utimesSync(lockPathOf(file), old, old)
    const lock = await lockCompanyFile(file, 'cli')
    expect(JSON.parse(readFileSync(lockPathOf(file), 'utf8')).program).toBe('cli')
    lock.release()
  })

  it('held on another computer is respected, whatever its process id', async () => {
    const dir = tempDir()
    const file = join(dir, 'books.facturo')
    writeFileSync(file, '')
    const other = { program: 'app', pid: 1, host: `${hostname()}-other`, user: 'anna', since: 'x' }
    writeFileSync(lockPathOf(file), JSON.stringify(other))
    await expect(lockCompanyFile(file, 'cli')).rejects.toThrow(/process 1 of anna on .*-other/)
  })
})
