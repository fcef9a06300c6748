// A supported Node.js for Facturo's tooling. Node 20 reached its end of life in April 2026 and
// Electron's packages want Node >= 22.12. Where the Node on PATH is older, the npm registry's
// `node-<platform>-<arch>` package (the official Node binary with its headers) is unpacked once
// into .cache/node/ and every script re-runs itself with it, so `npm run setup`, `npm start` and
// `npm test` work on a machine whose system Node is too old, with no other download.
// Node built-ins only: this runs before node_modules exists.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs'
import { delimiter, dirname, join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

const ROOT = resolve(import.meta.dirname, '..')
const CACHE = join(ROOT, '.cache', 'node')
/** The LTS line installed when the system Node is too old. */
export const NODE_LINE = '24'
/** The oldest Node the tooling supports (Electron >= 43's packages: >= 22.12). */
export const MINIMUM = [22, 12]

export function isSupported(version = process.versions.node) {
  const [major, minor] = version.split('.').map(Number)
  return major > MINIMUM[0] || (major === MINIMUM[0] && minor >= MINIMUM[1])
}

function packageName() {
  const platform = process.platform === 'win32' ? 'win' : process.platform
  return `node-${platform}-${process.arch}`
}

function binaryIn(folder) {
  return process.platform === 'win32'
    ? join(folder, 'bin', 'node.exe')
    : join(folder, 'bin', 'node')
}

/** The unpacked runtime already in the cache, if any (the newest of the line). */
function cachedRuntime() {
  if (!existsSync(CACHE)) return null
  const versions = readdirSync(CACHE)
    .filter((name) => name.startsWith(`${NODE_LINE}.`) && existsSync(binaryIn(join(CACHE, name))))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
  const newest = versions.at(-1)
  return newest ? join(CACHE, newest) : null
}

function run(command, args, options) {
  const result = spawnSync(command, args, {
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
    shell: process.platform === 'win32',
    ...options
  })
  if (result.status !== 0) throw new Error(`\`${command} ${args.join(' ')}\` failed`)
  return result.stdout
}

/** Fetches `node-<platform>-<arch>@NODE_LINE` with npm and unpacks it into .cache/node/<version>. */
function installRuntime() {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
  const spec = `${packageName()}@${NODE_LINE}`
  process.stderr.write(
    `Node ${process.versions.node} is too old for Facturo (it needs ${MINIMUM.join('.')} or newer): ` +
      `installing ${spec} from the npm registry into .cache/node/…\n`
  )
  const staging = join(CACHE, `.download-${process.pid}`)
  rmSync(staging, { recursive: true, force: true })
  mkdirSync(staging, { recursive: true })
  try {
    const packed = JSON.parse(run(npm, ['pack', spec, '--json', '--silent'], { cwd: staging }))
    const { filename, version } = packed[0]
    run('tar', ['-xzf', filename], { cwd: staging })
    const target = join(CACHE, version)
    rmSync(target, { recursive: true, force: true })
    renameSync(join(staging, 'package'), target)
    return target
  } finally {
    rmSync(staging, { recursive: true, force: true })
  }
}

/** The folder of a supported runtime: the cached one, installed when missing. */
export function supportedRuntime() {
  return cachedRuntime() ?? installRuntime()
}

/** Environment for a child running on `runtime`: it comes first on PATH, and native modules build against its headers. */
export function runtimeEnv(runtime, env = process.env) {
  const pathKey = Object.keys(env).find((key) => key.toUpperCase() === 'PATH') ?? 'PATH'
  return {
    ...env,
    [pathKey]: [dirname(binaryIn(runtime)), env[pathKey]].filter(Boolean).join(delimiter),
    npm_config_nodedir: runtime
  }
}

/**
 * Awaited first by every script: on a supported Node, returns; otherwise re-runs the same script
 * with the cached runtime (installing it once), passes SIGINT/SIGTERM on, exits with its status
 * and never returns.
 */
export async function ensureSupportedNode() {
  if (isSupported()) return
  let runtime
  try {
    runtime = supportedRuntime()
  } catch (error) {
    process.stderr.write(
      `${error.message}: install Node.js ${NODE_LINE} LTS (https://nodejs.org) and run this again.\n`
    )
    process.exit(1)
  }
  const child = spawn(binaryIn(runtime), process.argv.slice(1), {
    stdio: 'inherit',
    env: runtimeEnv(runtime)
  })
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
  await new Promise(() => {})
}

// `node scripts/node-runtime.mjs` prints the bin folder of a supported Node (for .ci/run's PATH).
if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(isSupported() ? dirname(process.execPath) : dirname(binaryIn(supportedRuntime())))
}
