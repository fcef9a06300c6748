// npm run web -- --port PORT --data DIR: browser mode (127.0.0.1 only, per-launch token).
import { pathToFileURL } from 'node:url'
import { join } from 'node:path'
import { ensureBuilt, ROOT } from './build.mjs'
import { ensureSupportedNode } from './node-runtime.mjs'

await ensureSupportedNode()

export async function startWeb() {
  ensureBuilt()
  await import(pathToFileURL(join(ROOT, 'out', 'main', 'web.js')).href)
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) await startWeb()
