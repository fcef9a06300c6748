import { useCallback, useEffect, useRef, useState } from 'react'
import type { AppErrorInfo, Result } from '@shared/result'

const PAGE = 100

export interface PagedRows<T> {
  status: 'loading' | 'ready' | 'error'
  error: AppErrorInfo | null
  total: number
  rowAt(index: number): T | undefined
  onRange(start: number, end: number): void
  /** Forget what is loaded and ask again (after a change). */
  reload(): void
}

/**
 * Rows of a long list, fetched a page at a time as they scroll into view. A new `key` (another
 * search or filter) starts over; answers to an older key are dropped when they arrive late.
 */
export function usePagedRows<T>(
  key: string,
  fetchPage: (offset: number, limit: number) => Promise<Result<{ rows: T[]; total: number }>>
): PagedRows<T> {
  const [state, setState] = useState<{
    key: string
    status: PagedRows<T>['status']
    error: AppErrorInfo | null
    total: number
    pages: Map<number, T[]>
  }>({ key: '', status: 'loading', error: null, total: 0, pages: new Map() })
  const requested = useRef(new Set<number>())
  const generation = useRef(0)
  const fetchRef = useRef(fetchPage)
  useEffect(() => {
    fetchRef.current = fetchPage
  }, [fetchPage])

  const load = useCallback((page: number, gen: number, forKey: string, fresh = false) => {
    requested.current.add(page)
    void fetchRef.current(page * PAGE, PAGE).then((result) => {
      if (gen !== generation.current) return
      setState((s) => {
        if (!result.ok) return { ...s, key: forKey, status: 'error', error: result.error }
        const pages = new Map(s.key === forKey && !fresh ? s.pages : [])
        pages.set(page, result.value.rows)
        return { key: forKey, status: 'ready', error: null, total: result.value.total, pages }
      })
    })
  }, [])

  const [tick, setTick] = useState(0)
  useEffect(() => {
    const gen = ++generation.current
    requested.current = new Set()
    load(0, gen, key, true)
  }, [key, tick, load])

  const onRange = useCallback(
    (start: number, end: number) => {
      for (
        let page = Math.floor(start / PAGE);
        page <= Math.floor(Math.max(end - 1, 0) / PAGE);
        page++
      )
        if (!requested.current.has(page)) load(page, generation.current, key)
    },
    [key, load]
  )
  // until the new search answers, the old rows stay on screen (no flash of empty rows)
  const pages = state.pages
  const rowAt = useCallback(
    (index: number) => pages.get(Math.floor(index / PAGE))?.[index % PAGE],
    [pages]
  )
  const reload = useCallback(() => setTick((n) => n + 1), [])
  return {
    status: state.key === key ? state.status : 'loading',
    error: state.error,
    total: state.total,
    rowAt,
    onRange,
    reload
  }
}
