import { closeSync, lstatSync, openSync, realpathSync, statSync } from 'node:fs'
import { basename, dirname, isAbsolute, join, normalize } from 'node:path'
import { COMPANY_FILE_EXTENSION } from '@shared/files'
import { hasControlCharacters } from '@shared/text'
import { AppError, problem } from '../errors'

/**
 * Paths of company files as main trusts them: checked here whoever sent them (a dialog, a typed
 * path, the command line). SQLite and the OS read a path as C text, so a NUL byte would cut it
 * short ("places.sqlite\0.facturo" is "places.sqlite" to them); a relative path would depend on
 * the working folder; a symbolic link would send a write elsewhere.
 */

/** Owner-only permissions for everything Facturo writes: company files, backups, settings. */
export const PRIVATE_FILE_MODE = 0o600
export const PRIVATE_FOLDER_MODE = 0o700

function pathError(key: string, message: string): AppError {
  return new AppError('VALIDATION', message, { path: { code: key, message } })
}

/** Longest name of one file or folder on the file systems Facturo meets (bytes, NTFS/ext4/APFS). */
const MAX_NAME_BYTES = 255

/**
 * Any path main is given (a company file, a backup, an export, a folder): no control characters,
 * absolute on this computer's system (C:\x.zip is not absolute on Linux), no name too long.
 */
export function checkedPath(path: string): string {
  if (hasControlCharacters(path))
    throw pathError('control_characters', 'A path cannot contain control characters.')
  if (!isAbsolute(path)) throw pathError('absolute_path', `"${path}" is not a full path.`)
  if (path.split(/[\\/]/).some((name) => Buffer.byteLength(name) > MAX_NAME_BYTES))
    throw pathError('name_too_long', `A name in "${path}" is longer than ${MAX_NAME_BYTES} bytes.`)
  return normalize(path)
}

/** The real path of an existing folder, for a new file to go in (links resolved). */
export function existingFolder(folder: string): string {
  let real: string
  try {
    real = realpathSync(folder)
  } catch {
    throw problem('NOT_FOUND', 'no_such_folder', `There is no folder ${folder}.`, { path: folder })
  }
  if (!statSync(real).isDirectory())
    throw problem('VALIDATION', 'not_a_folder', `${folder} is not a folder.`, { path: folder })
  return real
}

/**
 * Where a new company file goes: an absolute path ending in .facturo whose folder exists and is
 * named by its real path (links resolved), and where nothing exists yet, not even a link. The
 * file itself is then created with `createExclusively`.
 */
export function pathForNewCompanyFile(path: string): string {
  checkedPath(path)
  if (!path.endsWith(COMPANY_FILE_EXTENSION) || basename(path) === COMPANY_FILE_EXTENSION)
    throw pathError('file_name', `A company file name ends in ${COMPANY_FILE_EXTENSION}.`)
  const target = join(existingFolder(dirname(normalize(path))), basename(path))
  if (exists(target)) throw new AppError('CONFLICT', `A file already exists at ${target}.`)
  return target
}

/**
 * Creates an empty file at `path`, owner-only, failing if anything is there (a file, a folder or
 * a link, dangling or not: O_EXCL does not follow links). SQLite then fills it; the files it
 * makes beside it (-wal, -shm) take the same permissions.
 */
export function createExclusively(path: string): void {
  try {
    closeSync(openSync(path, 'wx', PRIVATE_FILE_MODE))
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST')
      throw new AppError('CONFLICT', `A file already exists at ${path}.`)
    throw error
  }
}

/** An existing company file to open: its real path (links resolved), refused if it is not a file. */
export function pathOfExistingCompanyFile(path: string): string {
  checkedPath(path)
  let real: string
  try {
    real = realpathSync(path)
  } catch {
    throw problem('NOT_FOUND', 'no_such_file', `There is no file at ${path}.`, { path })
  }
  if (!statSync(real).isFile()) {
    throw problem('VALIDATION', 'is_folder', `${path} is a folder, not a company file.`, { path })
  }
  return real
}

/** Anything at the path, a dangling link included. */
function exists(path: string): boolean {
  try {
    lstatSync(path)
    return true
  } catch {
    return false
  }
}
