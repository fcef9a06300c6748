import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { PDFDocument, rgb } from '@cantoo/pdf-lib'
import { beforeAll, describe, expect, it } from 'vitest'
import { epcPayload, pixPayload } from '@shared/documents/payment-codes'
import { qrMatrix, qrRects, qrSvgPath, type QrRect } from '@shared/documents/qr'

/**
 * QR codes as PDF rectangles: the geometry against the module matrix, then a real round trip —
 * a one-page PDF drawn with pdf-lib, rendered by poppler (pdftoppm) and read back by zbarimg.
 * The renders are kept in test-results/documents to look at.
 */

const has = (command: string, flag: string): boolean => {
  try {
    execFileSync(command, [flag], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}
const PDFTOPPM = has('pdftoppm', '-v')
const ZBARIMG = has('zbarimg', '--version')
const NO_TOOLS = !PDFTOPPM || !ZBARIMG
if (NO_TOOLS) {
  const missing = [!PDFTOPPM && 'pdftoppm (poppler-utils)', !ZBARIMG && 'zbarimg (zbar-tools)']
  console.warn(`QR decode tests skipped: ${missing.filter(Boolean).join(' and ')} not installed`)
}
const RENDERS = resolve(import.meta.dirname, '../../../../test-results/documents')

const EPC = epcPayload({
  bic: 'COBADEFFXXX',
  name: 'Müller & Söhne Büroservice GmbH',
  iban: 'DE89 3704 0044 0532 0130 00',
  amountMinor: 123450,
  remittance: 'Rechnung FAC-2026-0042 vom 15.01.2026, Kunde 10042 — vielen Dank'
})
const PIX = pixPayload({
  key: '+5561912345678',
  merchantName: 'Padaria São João Ltda',
  merchantCity: 'Brasília',
  amountMinor: 15990,
  txid: 'FAC-2026-0042'
})

/** The matrix the rectangles cover, read back from them: module (row, col) → dark. */
function coveredModules(rects: QrRect[], x: number, y: number, sizePt: number, size: number) {
  const m = sizePt / size
  const dark = new Set<string>()
  for (const rect of rects) {
    const row = Math.round((y + sizePt - rect.y) / m) - 1
    const col = Math.round((rect.x - x) / m)
    for (let c = 0; c < Math.round(rect.w / m); c++) dark.add(`${row},${col + c}`)
  }
  return dark
}

describe('qrRects', () => {
  it.each([
    ['EPC', EPC],
    ['Pix', PIX],
    ['short', 'FAC-1']
  ])('covers exactly the dark modules of the %s code, one rectangle per run', (_name, text) => {
    const [x, y, sizePt] = [100, 200, 120]
    const matrix = qrMatrix(text)
    const rects = qrRects(text, x, y, sizePt)
    const covered = coveredModules(rects, x, y, sizePt, matrix.size)
    let darkCount = 0
    for (let row = 0; row < matrix.size; row++) {
      for (let col = 0; col < matrix.size; col++) {
        if (matrix.isDark(row, col)) darkCount++
        expect(covered.has(`${row},${col}`), `module ${row},${col}`).toBe(matrix.isDark(row, col))
      }
    }
    expect(covered.size).toBe(darkCount)
    expect(rects.length).toBeLessThan(darkCount / 1.5)
    for (const r of rects) {
      expect(r.x).toBeGreaterThanOrEqual(x - 1e-9)
      expect(r.y).toBeGreaterThanOrEqual(y - 1e-9)
      expect(r.x + r.w).toBeLessThanOrEqual(x + sizePt + 1e-9)
      expect(r.y + r.h).toBeLessThanOrEqual(y + sizePt + 1e-9)
    }
  })

  it('starts with the top-left finder pattern: seven dark modules at the top of the box', () => {
    const size = qrMatrix(PIX).size
    const m = 120 / size
    expect(qrRects(PIX, 100, 200, 120)[0]).toEqual({ x: 100, y: 200 + 120 - m, w: 7 * m, h: m })
  })

  it('keeps the largest EPC payload within QR version 13 (69 modules), as the EPC requires', () => {
    const longest = epcPayload({
      bic: 'COBADEFFXXX',
      name: 'Łódź'.repeat(20),
      iban: 'MT84MALT011000012345MTLCAST001S',
      amountMinor: 99_999_999_999,
      remittance: '€'.repeat(140)
    })
    expect(new TextEncoder().encode(longest).length).toBeGreaterThan(325)
    expect(qrMatrix(longest).size).toBeLessThanOrEqual(17 + 4 * 13)
  })

  it('has no dark module outside the symbol', () => {
    const matrix = qrMatrix('FAC-1')
    for (const [row, col] of [
      [-1, 0],
      [0, -1],
      [matrix.size, 0],
      [0, matrix.size],
      [0.5, 0]
    ] as const) {
      expect(matrix.isDark(row, col)).toBe(false)
    }
  })
})

const PAGE = { width: 595.28, height: 841.89 }
const SIZE_PT = 170
const PLACES = { epc: { x: 70, y: 560, text: EPC }, pix: { x: 330, y: 560, text: PIX } }
const DPI = 150

/** The quiet zone around the code for `text`: four of its modules, in points. */
const quietZone = (text: string) => (4 * SIZE_PT) / qrMatrix(text).size

async function qrPagePdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create()
  const page = pdf.addPage([PAGE.width, PAGE.height])
  page.drawRectangle({
    x: 0,
    y: 0,
    width: PAGE.width,
    height: PAGE.height,
    color: rgb(0.9, 0.93, 1)
  })
  for (const { x, y, text } of Object.values(PLACES)) {
    const quiet = quietZone(text)
    const side = SIZE_PT + 2 * quiet
    page.drawRectangle({
      x: x - quiet,
      y: y - quiet,
      width: side,
      height: side,
      color: rgb(1, 1, 1)
    })
    for (const r of qrRects(text, x, y, SIZE_PT)) {
      page.drawRectangle({ x: r.x, y: r.y, width: r.w, height: r.h, color: rgb(0, 0, 0) })
    }
  }
  return pdf.save()
}

/** Renders the code at `place` with its quiet zone (pdftoppm crops in pixels from the top left). */
function renderCode(pdfFile: string, name: keyof typeof PLACES): string {
  const { x, y, text } = PLACES[name]
  const quiet = quietZone(text)
  const px = (pt: number) => String(Math.round((pt * DPI) / 72))
  const side = px(SIZE_PT + 2 * quiet)
  const top = PAGE.height - (y + SIZE_PT + quiet)
  const prefix = join(RENDERS, `qr-test-${name}`)
  const crop = ['-x', px(x - quiet), '-y', px(top), '-W', side, '-H', side]
  execFileSync('pdftoppm', ['-png', '-r', String(DPI), ...crop, '-singlefile', pdfFile, prefix])
  return `${prefix}.png`
}

/** What zbarimg reads, less the one line feed it ends its output with. */
const decoded = (png: string): string =>
  execFileSync('zbarimg', ['--raw', '-q', png], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'] // it complains on stderr when there is no D-Bus
  }).replace(/\n$/, '')

describe('qrSvgPath', () => {
  it("draws the same dark modules as the matrix, one subpath per run (the app shows the PDF's code)", () => {
    const matrix = qrMatrix(PIX)
    const { size, d } = qrSvgPath(PIX)
    expect(size).toBe(matrix.size)
    const dark = new Set<string>()
    for (const [, col, row, length] of d.matchAll(/M(\d+) (\d+)h(\d+)v1h-\3z/g)) {
      for (let k = 0; k < Number(length); k++) dark.add(`${row},${Number(col) + k}`)
    }
    for (let row = 0; row < size; row++) {
      for (let col = 0; col < size; col++) {
        expect(dark.has(`${row},${col}`), `module ${row},${col}`).toBe(matrix.isDark(row, col))
      }
    }
    expect(d.replace(/M\d+ \d+h\d+v1h-\d+z/g, '')).toBe('')
  })
})

describe('QR codes in a PDF, rendered and scanned', () => {
  const pdfFile = join(RENDERS, 'qr-test.pdf')

  beforeAll(async () => {
    mkdirSync(RENDERS, { recursive: true })
    writeFileSync(pdfFile, await qrPagePdf())
  })

  it.skipIf(NO_TOOLS)('the EPC QR code reads back as its payload, byte for byte', () => {
    expect(decoded(renderCode(pdfFile, 'epc'))).toBe(EPC)
  })

  it.skipIf(NO_TOOLS)('the Pix BR Code reads back as its payload, byte for byte', () => {
    expect(decoded(renderCode(pdfFile, 'pix'))).toBe(PIX)
  })
})
