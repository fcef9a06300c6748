import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { COMPANY_FILE_EXTENSION } from '@shared/files'

/** Options of Facturo's own that take the next argument as their value (`--data DIR`). */
const OPTIONS_WITH_VALUE = new Set(['--data'])

/** True for a path the OS may hand over as a company file: it ends in .facturo (any case). */
export function isCompanyFilePath(path: string): boolean {
  return (
    path.length > COMPANY_FILE_EXTENSION.length &&
    path.toLowerCase().endsWith(COMPANY_FILE_EXTENSION) &&
    !/[/\\]$/.test(path.slice(0, -COMPANY_FILE_EXTENSION.length))
  )
}

/**
 * The company file a command line names, as an absolute path, or null. This is how Windows and
 * Linux open a double-clicked .facturo file: the first launch gets it in process.argv, a launch
 * while Facturo runs hands its argv to the running instance (`second-instance`). The executable
 * (and, when run as `electron .`, the app path) is skipped, so are flags (`--data DIR` with its
 * value, Electron and Chromium switches such as `--allow-file-access-from-files` or `-psn_0_42`);
 * of the rest, the first argument ending in .facturo is the file, resolved against `cwd`. A Linux
 * desktop entry passes files as %U, which a file manager may fill with a file:// URL: that is
 * read as the path it names.
 */
export function companyFileFromArgv(
  argv: readonly string[],
  cwd: string,
  defaultApp: boolean
): string | null {
  const args = argv.slice(defaultApp ? 2 : 1)
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!
    if (OPTIONS_WITH_VALUE.has(arg)) {
      i++
      continue
    }
    const path = arg.startsWith('-') ? null : localPath(arg)
    if (path !== null && isCompanyFilePath(path)) return resolve(cwd, path)
  }
  return null
}

/**
 * The argument as a path: itself, or the path a file:// URL names; null for any other URL (a
 * scheme of two letters or more, so a Windows drive such as C: is still a path).
 */
function localPath(arg: string): string | null {
  if (!/^[a-z][a-z0-9+.-]+:/i.test(arg)) return arg
  if (!/^file:/i.test(arg)) return null
  try {
    return fileURLToPath(arg)
  } catch {
    return null
  }
}
