// npm start: the desktop app. Where the Electron runtime is missing, browser mode instead.
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { ensureBuilt, ROOT } from './build.mjs'
import { ensureSupportedNode } from './node-runtime.mjs'

await ensureSupportedNode()

if (!existsSync(join(ROOT, 'node_modules'))) {
  console.error('Facturo is not set up yet: run `npm run setup` first.')
  process.exit(1)
}

function electronBinary() {
  try {
    const path = createRequire(import.meta.url)('electron')
    return typeof path === 'string' && existsSync(path) ? path : null
  } catch {
    return null
  }
}

const electron = electronBinary()
if (!electron) {
  console.error(
    'The Electron runtime is not installed on this machine, so Facturo starts in browser mode.'
  )
  const { startWeb } = await import('./web.mjs')
  await startWeb()
} else {
  ensureBuilt()
  const child = spawn(electron, [ROOT, ...process.argv.slice(2)], { stdio: 'inherit' })
  child.on('exit', (code) => process.exit(code ?? 0))
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
}
