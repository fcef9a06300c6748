import QRCode from 'qrcode'

/**
 * QR codes for invoice documents, as squares to draw: the payment codes (EPC, Pix) come from
 * ./payment-codes as text; the PDF draws them with pdf-lib's drawRectangle, the app's invoice
 * view as one SVG path. Pure, so both draw the very same symbol.
 */

/** The modules of a QR symbol: `size` × `size`, row 0 at the top, col 0 at the left. */
export interface QrMatrix {
  size: number
  isDark: (row: number, col: number) => boolean
}

/** A dark square (or a run of them in one row) in PDF points: origin bottom-left, y up. */
export interface QrRect {
  x: number
  y: number
  w: number
  h: number
}

/**
 * The QR symbol for `text`: its UTF-8 bytes as one byte-mode segment, error correction level M
 * (as the EPC QR code requires). One segment rather than the package's mixed segments: a reader
 * that guesses the character set of each byte segment (zbar does) reads "Müller" as "M羹ller" from
 * a short segment, and rightly as UTF-8 from the whole text; 331 bytes still fit version 13.
 */
export function qrMatrix(text: string): QrMatrix {
  const data = new TextEncoder().encode(text)
  const { modules } = QRCode.create([{ data, mode: 'byte' }], { errorCorrectionLevel: 'M' })
  const size = modules.size
  const inside = (n: number) => Number.isInteger(n) && n >= 0 && n < size
  return {
    size,
    isDark: (row, col) => inside(row) && inside(col) && modules.get(row, col) !== 0
  }
}

/** The columns where each run of dark modules of `row` starts, with its length. */
function darkRuns(matrix: QrMatrix, row: number): { col: number; length: number }[] {
  const runs: { col: number; length: number }[] = []
  for (let col = 0; col < matrix.size; col++) {
    if (!matrix.isDark(row, col)) continue
    const last = runs.at(-1)
    if (last && last.col + last.length === col) last.length++
    else runs.push({ col, length: 1 })
  }
  return runs
}

/**
 * The dark squares of the QR code for `text`, the symbol `sizePt` points wide with its bottom-left
 * corner at (`x`, `y`); each horizontal run of dark modules is one rectangle. No quiet zone is
 * included: the caller leaves 4 modules (`sizePt / size * 4`) of white around it.
 */
export function qrRects(text: string, x: number, y: number, sizePt: number): QrRect[] {
  const matrix = qrMatrix(text)
  const modulePt = sizePt / matrix.size
  const rects: QrRect[] = []
  for (let row = 0; row < matrix.size; row++) {
    const top = y + sizePt - (row + 1) * modulePt
    for (const run of darkRuns(matrix, row)) {
      rects.push({ x: x + run.col * modulePt, y: top, w: run.length * modulePt, h: modulePt })
    }
  }
  return rects
}

/**
 * The same symbol as an SVG path in module units (`viewBox="0 0 size size"`): one `h` run per
 * horizontal run of dark modules, row 0 at the top as SVG counts.
 */
export function qrSvgPath(text: string): { size: number; d: string } {
  const matrix = qrMatrix(text)
  const d: string[] = []
  for (let row = 0; row < matrix.size; row++) {
    for (const run of darkRuns(matrix, row))
      d.push(`M${run.col} ${row}h${run.length}v1h-${run.length}z`)
  }
  return { size: matrix.size, d: d.join('') }
}
