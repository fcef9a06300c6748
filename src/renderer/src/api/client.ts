import type { Channel } from '@shared/channels'
import type { ChannelInput, ChannelOutput, FacturoBridge } from '@shared/contract'
import { fail, type Result } from '@shared/result'

export interface Api {
  /** 'ipc' in the desktop app, 'http' in browser mode. */
  readonly transport: 'ipc' | 'http'
  invoke<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<Result<ChannelOutput<C>>>
}

const TOKEN_KEY = 'facturo.token'

/**
 * Browser mode hands the launch token to the page in the URL fragment (#token=…), which never
 * reaches a server log. It is kept for this tab only and removed from the address bar.
 */
export function takeTokenFromUrl(
  location: Location,
  storage: Storage,
  history: History
): string | null {
  const match = /(?:^#|&)token=([\w-]+)/.exec(location.hash)
  if (match) {
    storage.setItem(TOKEN_KEY, match[1]!)
    history.replaceState(null, '', `${location.pathname}${location.search}#/`)
  }
  return storage.getItem(TOKEN_KEY)
}

function ipcApi(bridge: FacturoBridge): Api {
  return {
    transport: 'ipc',
    invoke: (channel, input) => bridge[channel](input as never) as never
  }
}

function httpApi(token: string | null): Api {
  return {
    transport: 'http',
    async invoke(channel, input) {
      try {
        const response = await fetch(`/api/${channel}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-facturo-token': token ?? '' },
          body: JSON.stringify(input ?? {})
        })
        return (await response.json()) as Result<never>
      } catch {
        return fail('INTERNAL', 'Facturo is not answering. Is `npm run web` still running?')
      }
    }
  }
}

export function createApi(): Api {
  if (window.facturo) return ipcApi(window.facturo)
  return httpApi(takeTokenFromUrl(window.location, window.sessionStorage, window.history))
}
