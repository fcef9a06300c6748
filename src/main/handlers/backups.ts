import { mkdirSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { COMPANY_FILE_EXTENSION } from '@shared/files'
import { asidePath, checkCompanyFile, restoreBackup } from '../backups/backups'
import { exportBooks } from '../backups/export'
import { problem } from '../errors'
import { checkedPath, existingFolder, PRIVATE_FOLDER_MODE } from '../store/company-path'
import type { HandlerRegistry } from '../ipc/registry'
import type { HandlerContext } from './context'

/** Backups of the open company file, restoring one, checking files, exporting the books. */
export function registerBackupHandlers(registry: HandlerRegistry, ctx: HandlerContext): void {
  const { workspace, appState } = ctx
  const store = () => workspace.requireStore()
  registry
    .register('backups/list', () => workspace.backupService.list(store().path))
    .register('backups/create', () => workspace.backupService.backUpNow(store()))
    .register('backups/check', ({ path }) => checkCompanyFile(checkedPath(path)))
    .register('backups/setFolder', ({ folder }) => {
      appState.update({
        backupFolder: folder === null ? null : existingFolder(checkedPath(folder))
      })
      return workspace.backupService.list(store().path)
    })
    .register('backups/restore', async ({ path }) => {
      const current = store()
      if (current.readOnly)
        throw problem(
          'READ_ONLY',
          'read_only_no_restore',
          'A company file open read-only cannot be restored over.'
        )
      const original = current.path
      const aside = asidePath(original, new Date())
      const backup = checkedPath(path)
      await workspace.restore(original, aside, () => restoreBackup(backup, original))
      ctx.platform.filesChanged?.()
      return { restoredTo: original, keptAside: aside }
    })
    .register('export/books', ({ path }) => {
      const books = store().books
      const stem = basename(store().path, COMPANY_FILE_EXTENSION)
      if (path === undefined) {
        const folder = join(workspace.dataDir, 'Exports')
        mkdirSync(folder, { recursive: true, mode: PRIVATE_FOLDER_MODE })
        const dest = join(folder, `${stem} ${books.today()} ${Date.now()}.zip`)
        return { path: dest, bytes: exportBooks(books, dest) }
      }
      // a chosen file goes in a folder that exists, named by its real path
      const dest = join(existingFolder(dirname(checkedPath(path))), basename(path))
      return { path: dest, bytes: exportBooks(books, dest) }
    })
}
