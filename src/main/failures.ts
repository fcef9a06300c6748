import { BillingError } from './billing/errors'
import { AppError, problem } from './errors'

/**
 * What the world can do to a call, said as an AppError: a full disk, a read-only or damaged
 * file, another program writing, a folder where a file was expected, and the engine refusing
 * input. Both transports and the command line use it, so the same fault gets the same code and
 * the same advice everywhere. Anything not recognised stays a bug (INTERNAL).
 */
export function expectedFailure(error: unknown): AppError | null {
  if (error instanceof AppError) return error
  if (error instanceof BillingError) return fromBillingError(error)
  const code = (error as { code?: unknown } | null)?.code
  if (typeof code !== 'string') return null
  if (code.startsWith('SQLITE_')) return fromSqlite(code)
  return fromSystem(code, error as NodeJS.ErrnoException)
}

function fromBillingError(error: BillingError): AppError {
  switch (error.code) {
    case 'INVALID_INPUT':
    case 'UNKNOWN_MODEL':
      return new AppError('VALIDATION', error.message)
    case 'CURRENCY_MISMATCH':
      return new AppError('CONFLICT', error.message)
    case 'INVARIANT':
      return new AppError('INTERNAL', `The billing engine refused its own result: ${error.message}`)
  }
}

/** SQLite's primary result codes (an extended code such as SQLITE_IOERR_WRITE starts with one). */
function fromSqlite(code: string): AppError | null {
  const primary = /^SQLITE_[A-Z]+/.exec(code)![0]
  switch (primary) {
    case 'SQLITE_FULL':
      return diskFull()
    case 'SQLITE_READONLY':
      return readOnly()
    case 'SQLITE_CORRUPT':
    case 'SQLITE_NOTADB':
      return damaged()
    case 'SQLITE_BUSY':
    case 'SQLITE_LOCKED':
      return problem(
        'FILE_IN_USE',
        'database_locked',
        'Another program is writing to the company file right now, so nothing was saved. Try again in a moment; if it keeps happening, close the other program.'
      )
    case 'SQLITE_IOERR':
    case 'SQLITE_CANTOPEN':
    case 'SQLITE_PERM':
      return ioError()
    case 'SQLITE_CONSTRAINT':
      if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY')
        return problem(
          'NOT_FOUND',
          'refers_to_missing',
          'It refers to a record that does not exist (it may have been deleted); nothing was saved.'
        )
      return null
    default:
      return null
  }
}

function fromSystem(code: string, error: NodeJS.ErrnoException): AppError | null {
  const path = error.path ?? 'the file'
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return diskFull()
    case 'EROFS':
    case 'EACCES':
    case 'EPERM':
      return problem(
        'READ_ONLY',
        'no_permission',
        `Facturo may not write to ${path}: choose a folder you can write to, or ask for write access.`,
        { path }
      )
    case 'EISDIR':
      return problem('VALIDATION', 'is_folder', `${path} is a folder, not a company file.`, {
        path
      })
    case 'ENOTDIR':
    case 'ENOENT':
      return problem('NOT_FOUND', 'no_such_file', `There is no file or folder at ${path}.`, {
        path
      })
    case 'ENAMETOOLONG':
    case 'ELOOP':
      return problem('VALIDATION', 'bad_path', `${path} is not a usable path.`, { path })
    case 'EIO':
    case 'EBUSY':
    case 'ETIMEDOUT':
    case 'ESTALE':
      return ioError()
    default:
      return null
  }
}

const diskFull = () =>
  problem(
    'DISK_FULL',
    'disk_full',
    'The disk holding the company file is full, so nothing was saved. Free some space and try again.'
  )

const readOnly = () =>
  problem(
    'READ_ONLY',
    'read_only',
    'The company file is open read-only, so nothing was changed. You can still browse, print and export; to change it, copy it to a folder you can write to.'
  )

const damaged = () =>
  problem(
    'FILE_DAMAGED',
    'damaged',
    'The company file is damaged. Restore the latest backup (Settings › Backups), or check it with `npm run -s cli -- check --file …`.'
  )

const ioError = () =>
  problem(
    'IO_ERROR',
    'io_error',
    'The disk or network share failed while reading or writing the company file, so nothing was saved. Check the disk or the connection and try again.'
  )
