import { describe, expect, it } from 'vitest'
import { takeTokenFromUrl } from './client'

function fakeWindow(hash: string) {
  const items = new Map<string, string>()
  const location = { hash, pathname: '/', search: '' }
  const storage = {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v)
  }
  const history = {
    replaceState: (_state: unknown, _title: string, url: string) => {
      location.hash = url.slice(url.indexOf('#'))
    }
  }
  return {
    location: location as Location,
    storage: storage as Storage,
    history: history as History
  }
}

describe('the browser-mode token', () => {
  it('is taken from the fragment, kept for the tab and removed from the address bar', () => {
    const w = fakeWindow('#token=abc_DEF-123')
    expect(takeTokenFromUrl(w.location, w.storage, w.history)).toBe('abc_DEF-123')
    expect(w.location.hash).toBe('#/')
    // a reload: the fragment is gone, the tab still has it
    expect(takeTokenFromUrl(w.location, w.storage, w.history)).toBe('abc_DEF-123')
  })

  it('is absent when the page was opened without it', () => {
    const w = fakeWindow('#/settings')
    expect(takeTokenFromUrl(w.location, w.storage, w.history)).toBeNull()
    expect(w.location.hash).toBe('#/settings')
  })
})
