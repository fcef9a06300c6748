import { ipcMain } from 'electron'
import { CHANNELS } from '@shared/channels'
import { fail } from '@shared/result'
import { log } from '../log'
import { isTrustedSender, senderOf } from '../security'
import { dispatch } from './dispatch'
import type { HandlerTable } from './registry'

/**
 * Serves the handler table over Electron IPC, one ipcMain.handle per channel, senders checked
 * (electron/electron docs/tutorial/security.md, item 17): a call is answered only from the top
 * frame of the app's own page, app://facturo/index.html (or the dev server's origin under
 * electron-vite dev); any other frame, file:// page or site gets UNAUTHORIZED and nothing runs.
 */
export function registerIpcHandlers(handlers: HandlerTable, appUrl: () => string): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event, input: unknown) => {
      const sender = senderOf(event.senderFrame)
      if (!isTrustedSender(sender, appUrl())) {
        log.error(`Refused ${channel} from ${sender?.url ?? 'an unknown frame'}`)
        return fail('UNAUTHORIZED', 'Calls are accepted only from Facturo’s own page.')
      }
      return dispatch(handlers, channel, input)
    })
  }
}
