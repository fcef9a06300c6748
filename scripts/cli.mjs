// npm run cli -- <command> ...: the Facturo command line (see src/main/cli).
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { ensureBuilt, ROOT } from './build.mjs'
import { ensureSupportedNode } from './node-runtime.mjs'

await ensureSupportedNode()

ensureBuilt()
process.argv[1] = join(ROOT, 'out', 'main', 'cli.js')
await import(pathToFileURL(process.argv[1]).href)
