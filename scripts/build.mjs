// Builds out/ with electron-vite when a source file is newer than the last build.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

export const ROOT = resolve(import.meta.dirname, '..')
const STAMP = join(ROOT, 'out', '.build-stamp')
const INPUTS = ['src', 'package.json', 'electron.vite.config.ts', 'tsconfig.json']

function newest(path) {
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  return readdirSync(path).reduce(
    (max, name) => Math.max(max, newest(join(path, name))),
    stat.mtimeMs
  )
}

export function isBuildStale() {
  if (!existsSync(STAMP)) return true
  const built = statSync(STAMP).mtimeMs
  return INPUTS.some((input) => existsSync(join(ROOT, input)) && newest(join(ROOT, input)) > built)
}

/** Builds if needed; build output goes to stderr so stdout stays free for the app's one line. */
export function ensureBuilt() {
  if (!isBuildStale()) return
  process.stderr.write('Building Facturo…\n')
  const result = spawnSync(
    process.execPath,
    [
      join(ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'),
      'build',
      '--logLevel',
      'warn'
    ],
    {
      cwd: ROOT,
      stdio: ['ignore', 2, 2],
      env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' }
    }
  )
  if (result.status !== 0) {
    process.stderr.write('The build failed (see above).\n')
    process.exit(result.status ?? 1)
  }
  writeFileSync(STAMP, new Date().toISOString())
}

// `node scripts/build.mjs` builds when stale (the end-to-end tests' global setup uses this).
if (import.meta.url === pathToFileURL(process.argv[1]).href) ensureBuilt()
