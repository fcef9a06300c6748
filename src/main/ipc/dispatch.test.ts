import { describe, expect, it, vi } from 'vitest'
import { AppError } from '../errors'
import { log } from '../log'
import { createHandlers } from '../handlers'
import { tempDir, testBackend } from '../test-support'
import { dispatch } from './dispatch'
import { HandlerRegistry, type HandlerTable } from './registry'

describe('the handler registry', () => {
  it('throws when a channel is registered twice', () => {
    const registry = new HandlerRegistry().register('app/info', () => ({
      name: 'x',
      version: '1',
      schemaVersion: 1,
      dataDir: '/',
      nativeDialogs: false
    }))
    expect(() =>
      registry.register('app/info', () => ({
        name: 'y',
        version: '1',
        schemaVersion: 1,
        dataDir: '/',
        nativeDialogs: false
      }))
    ).toThrow(/app\/info is registered twice/)
  })

  it('throws when a channel of the contract has no handler', () => {
    expect(() => new HandlerRegistry().table()).toThrow(
      /No handler for app\/info, app\/print, settings\/get/
    )
  })

  it('serves every channel of the contract from the app table', async () => {
    const backend = await testBackend(tempDir())
    expect(() =>
      createHandlers({
        app: { name: 'Facturo', version: '1' },
        workspace: backend.workspace,
        appState: backend.appState,
        platform: { nativeDialogs: false }
      })
    ).not.toThrow()
    await backend.shutdown()
  })
})

describe('dispatch', () => {
  const table = (handler: () => unknown) => ({ 'app/info': handler }) as unknown as HandlerTable

  it('answers an unknown channel with NOT_FOUND', async () => {
    expect(
      await dispatch(
        table(() => null),
        'invoices/burn',
        {}
      )
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })

  it("passes a handler's AppError through with its code", async () => {
    const result = await dispatch(
      table(() => {
        throw new AppError('CONFLICT', 'Taken')
      }),
      'app/info',
      {}
    )
    expect(result).toEqual({ ok: false, error: { code: 'CONFLICT', message: 'Taken' } })
  })

  it('turns anything else thrown into INTERNAL without leaking its details', async () => {
    const spy = vi.spyOn(log, 'error').mockImplementation(() => undefined)
    const result = await dispatch(
      table(() => {
        throw new Error('secret path /home/x')
      }),
      'app/info',
      {}
    )
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    expect(JSON.stringify(result)).not.toContain('secret')
    expect(spy).toHaveBeenCalledOnce()
    spy.mockRestore()
  })

  it('does not run the handler when the input is invalid', async () => {
    const handler = vi.fn(() => null)
    await dispatch(table(handler), 'app/info', { nope: 1 })
    expect(handler).not.toHaveBeenCalled()
  })
})
