import { ipcMain, type IpcMainInvokeEvent } from 'electron'
import { CHANNELS } from '@shared/channels'
import { fail } from '@shared/result'
import { log } from '../log'
import { isTrustedSender } from '../security'
import { dispatch } from './dispatch'
import type { HandlerTable } from './registry'

function senderFrame(event: IpcMainInvokeEvent): { url: string; isTopFrame: boolean } | null {
  const frame = event.senderFrame
  if (!frame) return null
  return { url: frame.url, isTopFrame: frame.parent === null }
}

/** Serves the handler table over Electron IPC, one ipcMain.handle per channel, senders checked. */
export function registerIpcHandlers(handlers: HandlerTable, appUrl: () => string): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event, input: unknown) => {
      if (!isTrustedSender(senderFrame(event), appUrl())) {
        log.error(`Refused ${channel} from ${event.senderFrame?.url ?? 'an unknown frame'}`)
        return fail('UNAUTHORIZED', 'Calls are accepted only from Facturo’s own page.')
      }
      return dispatch(handlers, channel, input)
    })
  }
}
