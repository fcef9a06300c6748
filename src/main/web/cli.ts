import { homedir } from 'node:os'
import { join } from 'node:path'
import { startBackend } from '../backend'
import { dispatch } from '../ipc/dispatch'
import { log } from '../log'
import { defaultUserDataDir, resolveDataDir } from '../paths'
import { startWebServer } from './server'
import { APP_NAME, APP_VERSION } from '../version'

function portArg(argv: readonly string[]): number {
  const i = argv.findIndex((a) => a === '--port' || a.startsWith('--port='))
  if (i < 0) return 4780
  const raw = argv[i]!.includes('=') ? argv[i]!.split('=')[1] : argv[i + 1]
  const port = Number(raw)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port needs a number from 0 to 65535, got "${raw}"`)
  }
  return port
}

/** `npm run web -- --port PORT --data DIR`: serves Facturo to a browser on this machine only. */
async function main(): Promise<void> {
  const argv = process.argv.slice(2)
  const dataDir = resolveDataDir(
    argv,
    process.env,
    defaultUserDataDir(process.platform, process.env, homedir())
  )
  const backend = await startBackend({
    dataDir,
    app: { name: APP_NAME, version: APP_VERSION },
    platform: { nativeDialogs: false },
    program: 'browser'
  })
  const web = await startWebServer({
    port: portArg(argv),
    rendererDir: join(import.meta.dirname, '..', 'renderer'),
    dispatch: (channel, input) => dispatch(backend.handlers, channel, input)
  })
  process.stdout.write(`Facturo is running at ${web.url}\n`)

  let stopping = false
  const stop = async (signal: string) => {
    if (stopping) return
    stopping = true
    log.info(`${signal} received: closing the company file`)
    await web.close()
    await backend.shutdown()
    process.exit(0)
  }
  process.on('SIGINT', () => void stop('SIGINT'))
  process.on('SIGTERM', () => void stop('SIGTERM'))
}

main().catch((error: unknown) => {
  log.error('Browser mode could not start', error)
  process.exit(1)
})
