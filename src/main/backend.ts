import { mkdirSync } from 'node:fs'
import { AppStateStore } from './app-state'
import { createHandlers, type Platform } from './handlers'
import type { HandlerTable } from './ipc/registry'
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
}

/** Everything below the transports: state, company file, handlers. Runs under Electron or plain Node. */
export async function startBackend(options: BackendOptions): Promise<Backend> {
  mkdirSync(options.dataDir, { recursive: true })
  const appState = new AppStateStore(options.dataDir)
  const workspace = new Workspace({
    dataDir: options.dataDir,
    appState
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
