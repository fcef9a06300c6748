import {
  closeSync,
  linkSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
  writeSync
} from 'node:fs'
import { hostname, userInfo } from 'node:os'
import { problem } from '../errors'
import { PRIVATE_FILE_MODE } from './company-path'

/**
 * One process at a time writes a company file. Its holder keeps "<file>.lock" beside it, made
 * exclusively (O_EXCL) and holding who it is; a second opener reads it and is told who has the
 * file. A holder that ended without removing it (a crash, a kill) is recognised on this
 * computer by its process id no longer running, and its lock is taken over. Locks from another
 * computer (a network share) cannot be checked and are respected.
 */

export type LockProgram = 'app' | 'browser' | 'cli'

export interface LockHolder {
  program: LockProgram
  pid: number
  host: string
  user: string
  since: string
}

export const lockPathOf = (companyFile: string): string => `${companyFile}.lock`

const held = new Set<string>()
let exitHookInstalled = false

function readHolder(lockPath: string): LockHolder | null {
  try {
    const holder = JSON.parse(readFileSync(lockPath, 'utf8')) as Partial<LockHolder>
    return typeof holder.pid === 'number' && typeof holder.host === 'string'
      ? (holder as LockHolder)
      : null
  } catch {
    return null
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * A lock left by a process of this computer that is no longer running, or one that nobody could
 * read for a few seconds (its holder died between making it and writing to it).
 */
function isStale(lockPath: string, holder: LockHolder | null): boolean {
  if (!holder) {
    try {
      return Date.now() - statSync(lockPath).mtimeMs > 5000
    } catch {
      return true
    }
  }
  if (holder.host !== hostname()) return false
  return holder.pid === process.pid ? !held.has(lockPath) : !isRunning(holder.pid)
}

/**
 * Makes the lock with its content already in it: the holder is written to a file of its own
 * and linked into place, which fails if a lock is there. A holder killed half-way leaves at
 * most its own temporary file, never an empty lock that would look like someone else's. Where
 * the file system has no hard links (FAT drives), the lock is made with O_EXCL and written.
 */
function tryCreate(lockPath: string, me: LockHolder): boolean {
  const temporary = `${lockPath}.${process.pid}.${Math.random().toString(36).slice(2)}`
  try {
    writeFileSync(temporary, JSON.stringify(me), { mode: PRIVATE_FILE_MODE, flag: 'wx' })
  } catch {
    return tryCreateExclusively(lockPath, me)
  }
  try {
    linkSync(temporary, lockPath)
    return true
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'EEXIST') return false
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'ENOSYS' || code === 'EXDEV')
      return tryCreateExclusively(lockPath, me)
    throw error
  } finally {
    rmSync(temporary, { force: true })
  }
}

function tryCreateExclusively(lockPath: string, me: LockHolder): boolean {
  let fd: number
  try {
    fd = openSync(lockPath, 'wx', PRIVATE_FILE_MODE)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw error
  }
  try {
    writeSync(fd, JSON.stringify(me))
  } finally {
    closeSync(fd)
  }
  return true
}

const PROGRAM_NAMES: Record<LockProgram, string> = {
  app: 'the Facturo app',
  browser: 'Facturo in browser mode',
  cli: 'the Facturo command line'
}

const unknownHolder = (): LockHolder => ({
  program: 'app',
  pid: 0,
  host: '?',
  user: '',
  since: '?'
})

export function fileInUse(companyFile: string, holder: LockHolder) {
  const who = `${PROGRAM_NAMES[holder.program] ?? 'Facturo'} (process ${holder.pid} of ${holder.user || 'a user'} on ${holder.host}, since ${holder.since})`
  return problem(
    'FILE_IN_USE',
    'file_in_use',
    `${companyFile} is open in ${who}. Close it there, or open it read-only to browse, print and export.`,
    {
      path: companyFile,
      program: holder.program,
      pid: holder.pid,
      host: holder.host,
      user: holder.user,
      since: holder.since
    }
  )
}

export interface FileLock {
  readonly path: string
  release(): void
}

/**
 * Takes the lock of a company file, or throws FILE_IN_USE naming its holder. With `waitMs`, a
 * held lock is asked again every 200 ms until then (the command line waits for the app).
 */
export async function lockCompanyFile(
  companyFile: string,
  program: LockProgram,
  waitMs = 0
): Promise<FileLock> {
  const lockPath = lockPathOf(companyFile)
  const me: LockHolder = {
    program,
    pid: process.pid,
    host: hostname(),
    user: userInfo().username,
    since: new Date().toISOString()
  }
  const deadline = Date.now() + waitMs
  for (;;) {
    if (tryCreate(lockPath, me)) break
    const holder = readHolder(lockPath)
    if (isStale(lockPath, holder)) {
      rmSync(lockPath, { force: true })
      continue
    }
    if (Date.now() >= deadline) throw fileInUse(companyFile, holder ?? unknownHolder())
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  held.add(lockPath)
  installExitHook()
  return {
    path: lockPath,
    release: () => release(lockPath)
  }
}

function release(lockPath: string): void {
  if (!held.delete(lockPath)) return
  const holder = readHolder(lockPath)
  if (holder && holder.pid === process.pid && holder.host === hostname()) {
    try {
      unlinkSync(lockPath)
    } catch {
      // already gone: nothing to release
    }
  }
}

/** Locks still held when the process exits (an error, process.exit) are removed on the way out. */
function installExitHook(): void {
  if (exitHookInstalled) return
  exitHookInstalled = true
  process.on('exit', () => {
    for (const lockPath of [...held]) release(lockPath)
  })
}

/** Who holds a company file now, if anyone (a stale lock is nobody). */
export function lockHolder(companyFile: string): LockHolder | null {
  const lockPath = lockPathOf(companyFile)
  const holder = readHolder(lockPath)
  return holder && !isStale(lockPath, holder) ? holder : null
}
