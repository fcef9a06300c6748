import { join } from 'node:path'

export const APP_FOLDER_NAME = 'Facturo'
export const COMPANIES_FOLDER = 'Companies'

/** The OS user-data folder, as Electron's app.getPath('userData') gives it for an app named Facturo. */
export function defaultUserDataDir(
  platform: NodeJS.Platform,
  env: NodeJS.ProcessEnv,
  home: string
): string {
  if (platform === 'win32')
    return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_FOLDER_NAME)
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_FOLDER_NAME)
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), APP_FOLDER_NAME)
}

/** Reads `--data DIR` or `--data=DIR` from the arguments. */
export function dataArg(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    if (arg === '--data') return argv[i + 1]
    if (arg.startsWith('--data=')) return arg.slice('--data='.length)
  }
  return undefined
}

/** The data folder: `--data DIR`, else FACTURO_DATA, else the OS user-data folder. */
export function resolveDataDir(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  fallback: string
): string {
  const fromArg = dataArg(argv)
  if (fromArg) return fromArg
  if (env.FACTURO_DATA) return env.FACTURO_DATA
  return fallback
}
