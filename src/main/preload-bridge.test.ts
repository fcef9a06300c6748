import { beforeEach, describe, expect, it, vi } from 'vitest'
import { CHANNELS } from '@shared/channels'

// electron/electron docs/tutorial/security.md, item 20: the preload (src/preload/index.ts) exposes
// one function per channel of the contract, never ipcRenderer or an IPC event. Tested here, with
// electron replaced, because the preload has no test folder of its own.
const exposed = vi.hoisted(() => ({ key: '', api: undefined as unknown }))
const invoke = vi.hoisted(() => vi.fn((...args: unknown[]) => Promise.resolve({ args })))
vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, api: unknown) => {
      exposed.key = key
      exposed.api = api
    }
  },
  ipcRenderer: { invoke, on: vi.fn(), send: vi.fn() }
}))

describe('the preload bridge', () => {
  beforeEach(async () => {
    await import('../preload/index')
  })

  it('exposes window.facturo: one frozen function per channel, nothing else', () => {
    expect(exposed.key).toBe('facturo')
    const api = exposed.api as Record<string, unknown>
    expect(Object.keys(api).sort()).toEqual([...CHANNELS].sort())
    expect(Object.values(api).every((f) => typeof f === 'function')).toBe(true)
    expect(Object.isFrozen(api)).toBe(true)
  })

  it('passes only the channel and the input to ipcRenderer.invoke', async () => {
    const api = exposed.api as Record<string, (input: unknown) => Promise<unknown>>
    const channel = CHANNELS[0]
    await expect(api[channel]!({ a: 1 })).resolves.toEqual({ args: [channel, { a: 1 }] })
    expect(invoke).toHaveBeenCalledWith(channel, { a: 1 })
  })
})
