import { chmodSync, mkdirSync } from 'node:fs'
import { AppStateStore } from './app-state'
import { createHandlers, type Platform } from './handlers'
import type { HandlerTable } from './ipc/registry'
import type { LockProgram } from './store/file-lock'
import { Workspace } from './workspace'

export interface Backend {
  handlers: HandlerTable
  workspace: Workspace
  appState: AppStateStore
  /** Closes the company file cleanly (WAL checkpointed). */
  shutdown(): Promise<void>
}

export interface BackendOptions {
  dataDir: string
  app: { name: string; version: string }
  platform: Platform
  /** Who holds the company files it opens: the desktop app or browser mode. */
  program?: LockProgram
}

/** Everything below the transports: state, company file, handlers. Runs under Electron or plain Node. */
export async function startBackend(options: BackendOptions): Promise<Backend> {
  // owner-only: the folder holds the company files and the list of them (also tightened when an
  // earlier version made it readable by everyone)
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 })
  if (process.platform !== 'win32') chmodSync(options.dataDir, 0o700)
  const appState = new AppStateStore(options.dataDir)
  const workspace = new Workspace({
    dataDir: options.dataDir,
    appState,
    program: options.program
  })
  await workspace.resumeLastFile()
  const handlers = createHandlers({
    app: options.app,
    workspace,
    appState,
    platform: options.platform
  })
  return { handlers, workspace, appState, shutdown: () => workspace.close() }
}
