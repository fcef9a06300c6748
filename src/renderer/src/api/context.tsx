import { createContext, useCallback, useContext, useEffect, useState } from 'react'
import type { Channel } from '@shared/channels'
import type { ChannelInput, ChannelOutput } from '@shared/contract'
import type { AppErrorInfo } from '@shared/result'
import type { Api } from './client'

const ApiContext = createContext<Api | null>(null)

export const ApiProvider = ApiContext.Provider

export function useApi(): Api {
  const api = useContext(ApiContext)
  if (!api) throw new Error('useApi outside ApiProvider')
  return api
}

export type Loadable<T> =
  { status: 'loading' } | { status: 'error'; error: AppErrorInfo } | { status: 'ready'; value: T }

/** Loads one channel's result; `reload` asks again (after a save, say). `skip` asks nothing (yet). */
export function useChannel<C extends Channel>(
  channel: C,
  input: ChannelInput<C>,
  skip = false
): [Loadable<ChannelOutput<C>>, () => void] {
  const api = useApi()
  const [state, setState] = useState<Loadable<ChannelOutput<C>>>({ status: 'loading' })
  const [generation, setGeneration] = useState(0)
  const key = JSON.stringify(input)
  useEffect(() => {
    if (skip) return
    let live = true
    void api.invoke(channel, JSON.parse(key) as ChannelInput<C>).then((result) => {
      if (!live) return
      setState(
        result.ok
          ? { status: 'ready', value: result.value }
          : { status: 'error', error: result.error }
      )
    })
    return () => {
      live = false
    }
  }, [api, channel, key, generation, skip])
  const reload = useCallback(() => setGeneration((g) => g + 1), [])
  return [state, reload]
}
