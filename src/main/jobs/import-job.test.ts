import { describe, expect, it } from 'vitest'
import type { Channel } from '@shared/channels'
import type { ChannelInput } from '@shared/contract'
import type { Result } from '@shared/result'
import { dispatch } from '../ipc/dispatch'
import { tempDir, testBackend } from '../test-support'

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`)
  return result.value
}

async function company() {
  const backend = await testBackend(tempDir())
  const call = <C extends Channel>(channel: C, input: ChannelInput<C>) =>
    dispatch(backend.handlers, channel, input)
  value(
    await call('files/create', {
      legalName: 'Biuro',
      country: 'PL',
      defaultCurrency: 'PLN',
      defaultLanguage: 'pl'
    })
  )
  return { backend, call }
}

function customersCsv(rows: number): string {
  const lines = ['code,name,country,city,emails']
  for (let i = 0; i < rows; i++) lines.push(`K${i},Klient ${i} Łódź,PL,Łódź,k${i}@example.pl`)
  return `${lines.join('\n')}\n`
}

const ROWS = 8_000
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('a long import runs beside the other channels', () => {
  it('answers reads while it runs, refuses writes as BUSY, and shows its progress', async () => {
    const { backend, call } = await company()
    const importing = call('usage/import', {
      kind: 'customers',
      dataBase64: Buffer.from(customersCsv(ROWS)).toString('base64'),
      dryRun: false
    })
    let finished = false
    void importing.then(() => (finished = true))
    const seen: { done: number; total: number }[] = []
    let readsWhileRunning = 0
    let busy = 0
    while (!finished) {
      const progress = value(await call('imports/progress', {}))
      const list = await call('customers/list', { limit: 5 })
      const write = await call('customers/create', {
        name: 'Meanwhile',
        country: 'PL',
        language: 'pl',
        currency: 'PLN'
      })
      if (progress && !finished) {
        seen.push(progress)
        if (list.ok) readsWhileRunning++
        if (!write.ok && write.error.code === 'BUSY') busy++
      }
      await pause(20)
    }
    const report = value(await importing)
    expect(report.imported).toBe(ROWS)
    expect(readsWhileRunning).toBeGreaterThanOrEqual(3)
    expect(busy).toBeGreaterThanOrEqual(1)
    expect(seen.some((p) => p.done > 0 && p.done < p.total)).toBe(true)
    expect(value(await call('imports/progress', {}))).toBeNull()
    // after it, writes go through again
    expect(
      (
        await call('customers/create', {
          name: 'After',
          country: 'PL',
          language: 'pl',
          currency: 'PLN'
        })
      ).ok
    ).toBe(true)
    await backend.shutdown()
  })

  it('stops when asked, keeping nothing of it', async () => {
    const { backend, call } = await company()
    const importing = call('usage/import', {
      kind: 'customers',
      dataBase64: Buffer.from(customersCsv(ROWS)).toString('base64'),
      dryRun: false
    })
    while (!(value(await call('imports/progress', {}))?.done ?? 0)) await pause(5)
    expect(value(await call('imports/cancel', {})).stopping).toBe(true)
    const result = await importing
    expect(result.ok ? 'imported' : result.error.code).toBe('CANCELLED')
    expect(value(await call('customers/list', {})).total).toBe(0)
    await backend.shutdown()
  })
})
