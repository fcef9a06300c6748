// npm run bench:<name>: builds if needed, then runs out/main/bench-<name>.js under plain Node.
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { ensureBuilt, ROOT } from './build.mjs'
import { ensureSupportedNode } from './node-runtime.mjs'

await ensureSupportedNode()

const name = process.argv[2]
ensureBuilt()
await import(pathToFileURL(join(ROOT, 'out', 'main', `bench-${name}.js`)).href)
