// npm run setup: installs dependencies, fetches the Electron runtime where it can, and builds.
// Uses only Node built-ins (build.mjs too): it runs before node_modules exists.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { ensureSupportedNode } from './node-runtime.mjs'

await ensureSupportedNode()

const ROOT = resolve(import.meta.dirname, '..')
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'

function run(command, args, env = process.env) {
  const result = spawnSync(command, args, {
    cwd: ROOT,
    stdio: 'inherit',
    env,
    shell: process.platform === 'win32'
  })
  if (result.status !== 0) {
    console.error(`\`${command} ${args.join(' ')}\` failed; see above.`)
    process.exit(result.status ?? 1)
  }
}

// The Electron binary is fetched separately below, so an unreachable download host cannot break the install.
const env = { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' }
// Debian's nodejs ships its headers: compile native modules against them instead of downloading
// them (the runtime from node-runtime.mjs sets npm_config_nodedir to its own headers).
if (
  !env.npm_config_nodedir &&
  process.execPath === '/usr/bin/node' &&
  existsSync('/usr/include/node/node.h')
)
  env.npm_config_nodedir = '/usr'
run(npm, [existsSync(join(ROOT, 'package-lock.json')) ? 'ci' : 'install'], env)

const electron = spawnSync(
  process.execPath,
  [join(ROOT, 'node_modules', 'electron', 'install.js')],
  {
    cwd: ROOT,
    stdio: 'pipe',
    env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '' }
  }
)
console.log(
  electron.status === 0
    ? 'Electron runtime installed: `npm start` opens the desktop app.'
    : 'The Electron runtime could not be downloaded here: `npm start` will open Facturo in browser mode.'
)

const { ensureBuilt } = await import('./build.mjs')
ensureBuilt()
console.log('Facturo is set up. Start it with `npm start`.')
