import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { printFileName, printPdf, type PrintWindow } from './print'

const PDF = new TextEncoder().encode('%PDF-1.7\n% a test document\n')

/** A window that records what it was asked to do and answers the print dialog as told. */
function fakeWindow(answer: { success: boolean; failureReason: string }) {
  const seen = {
    titles: [] as string[],
    loaded: [] as Uint8Array[],
    urls: [] as string[],
    closed: 0
  }
  const open = (title: string): PrintWindow => {
    seen.titles.push(title)
    return {
      load: async (url) => {
        seen.urls.push(url)
        seen.loaded.push(readFileSync(fileURLToPath(url)))
      },
      print: async () => answer,
      close: () => void (seen.closed += 1)
    }
  }
  return { seen, open }
}

const parent = () => mkdtempSync(join(tmpdir(), 'facturo-print-test-'))

describe('printing a PDF on the desktop', () => {
  it('shows the very bytes in a window, prints them, then closes the window and deletes the file', async () => {
    const dir = parent()
    const fake = fakeWindow({ success: true, failureReason: '' })
    const outcome = await printPdf({ dir, openWindow: fake.open }, 'FV 2026-0001.pdf', PDF)
    expect(outcome).toBe('printed')
    expect(fake.seen.titles).toEqual(['FV 2026-0001.pdf'])
    expect(fake.seen.urls[0]).toMatch(/^file:\/\/.*FV%202026-0001\.pdf$/)
    expect(Buffer.from(fake.seen.loaded[0]!).equals(Buffer.from(PDF))).toBe(true)
    expect(fake.seen.closed).toBe(1)
    expect(readdirSync(dir)).toEqual([])
  })

  it('reports a cancelled dialog as cancelled, not as a failure', async () => {
    const dir = parent()
    const fake = fakeWindow({ success: false, failureReason: 'cancelled' })
    await expect(printPdf({ dir, openWindow: fake.open }, 'a.pdf', PDF)).resolves.toBe('cancelled')
    expect(fake.seen.closed).toBe(1)
    expect(readdirSync(dir)).toEqual([])
  })

  it('throws with the reason when the printer fails, and still cleans up', async () => {
    const dir = parent()
    const fake = fakeWindow({ success: false, failureReason: 'failed' })
    await expect(printPdf({ dir, openWindow: fake.open }, 'a.pdf', PDF)).rejects.toThrow(
      'The document could not be printed: failed'
    )
    expect(fake.seen.closed).toBe(1)
    expect(readdirSync(dir)).toEqual([])
  })

  it('cleans up when the document does not load', async () => {
    const dir = parent()
    let closed = 0
    const open = (): PrintWindow => ({
      load: () => Promise.reject(new Error('ERR_FAILED')),
      print: () => Promise.reject(new Error('never reached')),
      close: () => void (closed += 1)
    })
    await expect(printPdf({ dir, openWindow: open }, 'a.pdf', PDF)).rejects.toThrow('ERR_FAILED')
    expect(closed).toBe(1)
    expect(readdirSync(dir)).toEqual([])
  })

  it('gives two prints of one document a file each', async () => {
    const dir = parent()
    const urls: string[] = []
    let release!: () => void
    const held = new Promise<void>((resolve) => (release = resolve))
    const open = (): PrintWindow => ({
      load: async (url) => void urls.push(url),
      print: async () => {
        await held
        return { success: true, failureReason: '' }
      },
      close: () => {}
    })
    const both = Promise.all([
      printPdf({ dir, openWindow: open }, 'a.pdf', PDF),
      printPdf({ dir, openWindow: open }, 'a.pdf', PDF)
    ])
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(urls).toHaveLength(2)
    expect(urls[0]).not.toBe(urls[1])
    release()
    expect(await both).toEqual(['printed', 'printed'])
  })
})

describe('the printed file name', () => {
  it.each([
    ['FV 2026-0001.pdf', 'FV 2026-0001.pdf'],
    ['../../etc/passwd', '_.._etc_passwd.pdf'],
    ['a\\b:c.pdf', 'a_b_c.pdf'],
    ['Run 12', 'Run 12.pdf'],
    ['', 'document.pdf']
  ])('%j is written as %j', (name, expected) => {
    expect(printFileName(name)).toBe(expected)
  })
})
