import { afterEach, describe, expect, it } from 'vitest'
import type { Backend } from '../backend'
import { dispatch } from '../ipc/dispatch'
import { tempDir, testBackend } from '../test-support'
import type { Platform } from './context'

const PDF = Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')

const backends: Backend[] = []
afterEach(async () => {
  for (const b of backends.splice(0)) await b.shutdown()
})

async function start(platform: Platform) {
  const backend = await testBackend(tempDir(), platform)
  backends.push(backend)
  return (input: unknown) => dispatch(backend.handlers, 'app/print', input)
}

describe('app/print', () => {
  it('hands the desktop shell the decoded PDF and its name, and says what the dialog did', async () => {
    const printed: { fileName: string; bytes: Buffer }[] = []
    const print = await start({
      nativeDialogs: true,
      printPdf: async (fileName, bytes) => {
        printed.push({ fileName, bytes: Buffer.from(bytes) })
        return printed.length === 1 ? 'printed' : 'cancelled'
      }
    })
    const input = { fileName: 'FV 2026-0001.pdf', pdfBase64: PDF.toString('base64') }
    expect(await print(input)).toEqual({ ok: true, value: { outcome: 'printed' } })
    expect(await print(input)).toEqual({ ok: true, value: { outcome: 'cancelled' } })
    expect(printed.map((p) => p.fileName)).toEqual(['FV 2026-0001.pdf', 'FV 2026-0001.pdf'])
    expect(printed[0]!.bytes.equals(PDF)).toBe(true)
  })

  it('refuses bytes that are not a PDF, before the shell sees them', async () => {
    let calls = 0
    const print = await start({ nativeDialogs: true, printPdf: async () => (calls++, 'printed') })
    const answer = await print({
      fileName: 'a.pdf',
      pdfBase64: Buffer.from('<html>').toString('base64')
    })
    expect(answer).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', problem: { key: 'printNotPdf' } }
    })
    expect(calls).toBe(0)
  })

  it('says in browser mode that printing is the browser viewer there', async () => {
    const print = await start({ nativeDialogs: false })
    const answer = await print({ fileName: 'a.pdf', pdfBase64: PDF.toString('base64') })
    expect(answer).toMatchObject({
      ok: false,
      error: { code: 'UNSUPPORTED', problem: { key: 'printDesktopOnly' } }
    })
  })

  it('reports a printer failure with its reason, not as INTERNAL', async () => {
    const print = await start({
      nativeDialogs: true,
      printPdf: async () => {
        throw new Error('The document could not be printed: failed')
      }
    })
    const answer = await print({ fileName: 'a.pdf', pdfBase64: PDF.toString('base64') })
    expect(answer).toMatchObject({
      ok: false,
      error: {
        code: 'IO_ERROR',
        problem: {
          key: 'printFailed',
          params: { reason: 'The document could not be printed: failed' }
        }
      }
    })
  })
})
