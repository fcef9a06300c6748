import { useCallback, useEffect, useRef, useState } from 'react'
import type { RunSummary, RunUnderWay } from '@shared/books/results'
import type { AppErrorInfo } from '@shared/result'
import { useApi } from '../../api/context'

export type RunState =
  | { kind: 'idle' }
  | { kind: 'running'; dryRun: boolean; progress: RunUnderWay | null }
  | { kind: 'done'; summary: RunSummary }
  | { kind: 'failed'; error: AppErrorInfo }

/** Starts a billing run (or its preview) and follows its progress until it answers. */
export function useBillingRun(): {
  state: RunState
  start(asOf: string, dryRun: boolean): void
  reset(): void
} {
  const api = useApi()
  const [state, setState] = useState<RunState>({ kind: 'idle' })
  const live = useRef(true)
  useEffect(
    () => () => {
      live.current = false
    },
    []
  )
  const start = useCallback(
    (asOf: string, dryRun: boolean) => {
      setState({ kind: 'running', dryRun, progress: null })
      let finished = false
      const poll = async () => {
        while (!finished && live.current) {
          await new Promise((resolve) => setTimeout(resolve, 200))
          const progress = await api.invoke('billing/progress', {})
          if (!finished && live.current && progress.ok && progress.value)
            setState({ kind: 'running', dryRun, progress: progress.value })
        }
      }
      void poll()
      void api.invoke('billing/run', { asOf, dryRun }).then((result) => {
        finished = true
        if (!live.current) return
        setState(
          result.ok
            ? { kind: 'done', summary: result.value }
            : { kind: 'failed', error: result.error }
        )
      })
    },
    [api]
  )
  const reset = useCallback(() => setState({ kind: 'idle' }), [])
  return { state, start, reset }
}
