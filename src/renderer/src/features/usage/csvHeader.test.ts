import { describe, expect, it } from 'vitest'
import { guessMapping, readHeader, renameHeader, toBase64 } from './csvHeader'

const bytes = (text: string) => new TextEncoder().encode(text)
const text = (b: Uint8Array) => new TextDecoder().decode(b)

describe('the import wizard header', () => {
  it('reads the column names, BOM and quotes aside', () => {
    expect(
      readHeader(bytes('\ufeffKlient,"Event ID",When,calls\r\nC1,e1,2026-01-01,5\r\n'))
    ).toEqual(['Klient', 'Event ID', 'When', 'calls'])
    expect(readHeader(bytes(''))).toBeNull()
    // a header that is not UTF-8 (Latin-1 "Métrica") is not guessed at
    expect(readHeader(new Uint8Array([0x4d, 0xe9, 0x74, 0x0a]))).toBeNull()
  })

  it('guesses the usual names and leaves the rest to the user', () => {
    expect(guessMapping('usage', ['Klient', 'metric', 'ID', 'Date', 'calls'])).toEqual({
      customer: 'Klient',
      metric: 'metric',
      event_id: 'ID',
      timestamp: 'Date'
    })
    expect(guessMapping('usage', ['who', 'what'])).toEqual({})
  })

  it('renames only the header, byte for byte the same rows after it', () => {
    const file = bytes(
      'Klient,m,ID,When,calls\r\nC1,api,e1,2026-01-01,5\r\nC2,api,e2,2026-01-02,"7"\r\n'
    )
    const renamed = renameHeader(file, {
      customer: 'Klient',
      metric: 'm',
      event_id: 'ID',
      timestamp: 'When'
    })
    expect(text(renamed)).toBe(
      'customer,metric,event_id,timestamp,calls\r\nC1,api,e1,2026-01-01,5\r\nC2,api,e2,2026-01-02,"7"\r\n'
    )
    // rows in another encoding pass through untouched for main to judge
    const latin1 = new Uint8Array([...bytes('customer,metric\n'), 0x4d, 0xe9, 0x0a])
    expect([...renameHeader(latin1, {}).subarray(-3)]).toEqual([0x4d, 0xe9, 0x0a])
    expect(atob(toBase64(bytes('a,b\n')))).toBe('a,b\n')
  })
})
