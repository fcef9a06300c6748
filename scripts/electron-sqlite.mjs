// The desktop app runs better-sqlite3 inside Electron, whose Node ABI differs from the system
// Node that runs the tests and browser mode. So the Electron build of the binding lives apart, in
// .cache/electron-sqlite/<electron version>/, and main loads it through FACTURO_SQLITE_BINDING;
// node_modules keeps the plain-Node build. (Packaged apps get theirs from electron-builder.)
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from './build.mjs'

export function electronSqliteBinding() {
  const electron = JSON.parse(
    readFileSync(join(ROOT, 'node_modules', 'electron', 'package.json'), 'utf8')
  )
  const dir = join(ROOT, '.cache', 'electron-sqlite', electron.version, 'better-sqlite3')
  const binding = join(dir, 'build', 'Release', 'better_sqlite3.node')
  if (existsSync(binding)) return binding
  process.stderr.write(`Preparing SQLite for Electron ${electron.version} (once)…\n`)
  cpSync(join(ROOT, 'node_modules', 'better-sqlite3'), dir, {
    recursive: true,
    filter: (src) => !src.includes(`${join('better-sqlite3', 'build')}`)
  })
  const env = {
    ...process.env,
    npm_config_runtime: 'electron',
    npm_config_target: electron.version,
    npm_config_disturl: 'https://electronjs.org/headers',
    npm_config_build_from_source: process.env.npm_config_build_from_source ?? ''
  }
  const result = spawnSync('npm', ['run', 'install'], {
    cwd: dir,
    env,
    stdio: ['ignore', 2, 2],
    shell: process.platform === 'win32'
  })
  if (result.status !== 0 || !existsSync(binding)) {
    throw new Error('SQLite could not be built for Electron (see above).')
  }
  return binding
}
