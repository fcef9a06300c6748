import { join } from 'node:path'
import type { BackupFile, BackupList } from '@shared/backups'
import type { AppStateStore } from '../app-state'
import { log } from '../log'
import type { CompanyStore } from '../store/db'
import { backupFolderFor, backUp, listBackups } from './backups'

const DAY_MS = 24 * 60 * 60 * 1000

/**
 * The automatic backups of the open company file: when it is opened, when it is closed, and once
 * a day while it stays open, into the backups folder (Settings › Backups; by default "Backups"
 * in the data folder). A backup that fails is logged and said in Settings, never in the way of
 * the work.
 */
export class BackupService {
  private timer: NodeJS.Timeout | null = null
  /** Why the latest automatic backup failed, if it did. */
  problem: string | null = null

  constructor(
    private readonly dataDir: string,
    private readonly appState: AppStateStore,
    private readonly now: () => Date = () => new Date()
  ) {}

  /** The backups folder in force: the one chosen in settings, or the data folder's. */
  root(): string {
    return this.appState.get().backupFolder ?? join(this.dataDir, 'Backups')
  }

  list(companyFile: string): BackupList {
    const folder = backupFolderFor(this.root(), companyFile)
    return { folder, chosenFolder: this.appState.get().backupFolder, backups: listBackups(folder) }
  }

  /** Backs up now, for the user (a failure is theirs to see). */
  async backUpNow(store: CompanyStore): Promise<BackupFile> {
    const made = await backUp(store.sqlite, store.path, this.root(), this.now())
    this.problem = null
    return made
  }

  /** An automatic backup: failures are remembered and logged, not thrown. */
  async automatic(store: CompanyStore, moment: 'open' | 'close' | 'daily'): Promise<void> {
    if (store.readOnly) return
    try {
      await this.backUpNow(store)
    } catch (error) {
      this.problem = error instanceof Error ? error.message : String(error)
      log.error(`The ${moment} backup of ${store.path} failed`, error)
    }
  }

  /** Once an hour, a backup if the newest is a day old. */
  startDaily(store: CompanyStore): void {
    this.stopDaily()
    this.timer = setInterval(
      () => {
        const newest = this.list(store.path).backups[0]
        if (!newest || this.now().getTime() - new Date(newest.takenAt).getTime() >= DAY_MS)
          void this.automatic(store, 'daily')
      },
      60 * 60 * 1000
    )
    this.timer.unref()
  }

  stopDaily(): void {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
  }
}
