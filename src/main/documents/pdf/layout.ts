import type { DocumentModel } from '@shared/documents/invoice-model'

/**
 * Places a document model on A4 pages: pure, with text measured by the function given (the
 * embedded font's metrics), so the layout is tested without writing a PDF. Long text wraps
 * inside its column; the table header repeats on every page, and a page that breaks the lines
 * ends with the subtotal so far, which the next page starts from.
 */

export const PAGE = { width: 595.28, height: 841.89, margin: 48 } as const

export type Tone = 'ink' | 'muted' | 'rule' | 'watermark'

export type DrawOp =
  | {
      kind: 'text'
      x: number
      y: number
      text: string
      size: number
      bold?: boolean
      tone?: Tone
      align?: 'left' | 'right'
      /** Degrees, counter-clockwise (the draft watermark). */
      rotate?: number
    }
  | { kind: 'rule'; x1: number; y1: number; x2: number; y2: number; tone?: Tone }
  /** A QR code of `payload`, `size` points square, its bottom-left corner at x, y. */
  | { kind: 'qr'; x: number; y: number; size: number; payload: string }
  /** The logo, its bottom-left corner at x, y, scaled to width × height. */
  | { kind: 'image'; x: number; y: number; width: number; height: number }

export type Measure = (text: string, size: number, bold?: boolean) => number

/** Splits text into lines no wider than `width`: at spaces, and inside a word too long for one line. */
export function wrap(text: string, width: number, size: number, measure: Measure, bold = false) {
  const lines: string[] = []
  for (const paragraph of text.split('\n')) {
    let line = ''
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word
      if (measure(candidate, size, bold) <= width) {
        line = candidate
        continue
      }
      if (line) lines.push(line)
      // a word wider than the column is cut where it no longer fits
      let rest = word
      while (measure(rest, size, bold) > width) {
        let cut = rest.length - 1
        while (cut > 1 && measure(rest.slice(0, cut), size, bold) > width) cut--
        lines.push(rest.slice(0, cut))
        rest = rest.slice(cut)
      }
      line = rest
    }
    lines.push(line)
  }
  return lines
}

const SIZE = { title: 17, body: 9, small: 7.6, label: 7.2 }
/** A payment QR code: 84 pt (about 30 mm), which phones read from paper at arm's length. */
const QR_SIZE = 84
/** The tax authority's code (KSeF KOD I): 90 pt, about 32 mm, in a column right of the parties. */
const TAX_QR_SIZE = 90
const LEADING = 1.32
const lineHeight = (size: number) => size * LEADING

/** Columns of the lines table, from the left margin. */
const COLUMNS = (() => {
  const left = PAGE.margin
  const right = PAGE.width - PAGE.margin
  return {
    description: left,
    descriptionWidth: 300,
    quantity: left + 370,
    tax: left + 425,
    amount: right
  }
})()

/** The logo's box on the first page: at most this high and wide, its proportions kept. */
export const LOGO_BOX = { width: 160, height: 44 } as const

/** `logo`: the logo's size in pixels, when the document has one (it heads the first page). */
export function layoutDocument(
  model: DocumentModel,
  measure: Measure,
  logo?: { width: number; height: number }
): DrawOp[][] {
  const pages: DrawOp[][] = []
  let ops: DrawOp[] = []
  const bottom = PAGE.margin + 28 // room for the footer
  let y = 0
  const text = (op: Omit<Extract<DrawOp, { kind: 'text' }>, 'kind'>) =>
    ops.push({ kind: 'text', ...op })
  const rule = (yy: number, tone: Tone = 'rule') =>
    ops.push({ kind: 'rule', x1: PAGE.margin, y1: yy, x2: PAGE.width - PAGE.margin, y2: yy, tone })
  const newPage = () => {
    ops = []
    pages.push(ops)
    y = PAGE.height - PAGE.margin
  }

  // first page: the tax authority's code when its rules put it at the head, then the logo,
  // title, facts, parties, notes
  newPage()
  const taxCode = model.taxCode
  let top = PAGE.height - PAGE.margin
  if (taxCode?.placement === 'top') {
    const centre = PAGE.width / 2
    const captionY = top - SIZE.body
    text({
      x: centre + measure(taxCode.caption, SIZE.body) / 2,
      y: captionY,
      text: taxCode.caption,
      size: SIZE.body,
      align: 'right'
    })
    // at least 2 mm of white around the code (the AEAT asks it): 8 pt
    const codeBottom = captionY - 9 - TAX_QR_SIZE
    ops.push({
      kind: 'qr',
      x: centre - TAX_QR_SIZE / 2,
      y: codeBottom,
      size: TAX_QR_SIZE,
      payload: taxCode.payload
    })
    const labelY = codeBottom - 8 - SIZE.body
    text({
      x: centre + measure(taxCode.label, SIZE.body, true) / 2,
      y: labelY,
      text: taxCode.label,
      size: SIZE.body,
      bold: true,
      align: 'right'
    })
    top = labelY - 18
    y = top
  }
  if (logo && logo.width > 0 && logo.height > 0) {
    const scale = Math.min(LOGO_BOX.width / logo.width, LOGO_BOX.height / logo.height)
    const height = logo.height * scale
    ops.push({ kind: 'image', x: PAGE.margin, y: y - height, width: logo.width * scale, height })
    y -= height + 10
  }
  const right = PAGE.width - PAGE.margin
  // the facts' labels stand clear of their widest value, and the title clear of the labels
  const valueWidth = Math.max(0, ...model.facts.map((f) => measure(f.value, SIZE.body)))
  const labelX = right - Math.max(150, valueWidth + 12)
  const labelWidth = Math.max(0, ...model.facts.map((f) => measure(f.label, SIZE.label)))
  const titleWidth = Math.min(300, labelX - labelWidth - PAGE.margin - 16)
  const titleLines = wrap(model.title, titleWidth, SIZE.title, measure, true)
  for (const l of titleLines) {
    y -= lineHeight(SIZE.title)
    text({ x: PAGE.margin, y, text: l, size: SIZE.title, bold: true })
  }
  let factsY = top
  for (const f of model.facts) {
    factsY -= lineHeight(SIZE.body)
    text({
      x: labelX,
      y: factsY,
      text: f.label,
      size: SIZE.label,
      tone: 'muted',
      align: 'right'
    })
    text({ x: right, y: factsY, text: f.value, size: SIZE.body, align: 'right' })
  }
  y = Math.min(y, factsY) - 26
  // the tax code's column: the code, its caption above and its label (a KSeF number) below
  const besideParties = taxCode?.placement === 'parties' ? taxCode : null
  const taxColumn = besideParties
    ? Math.max(
        TAX_QR_SIZE,
        measure(besideParties.label, SIZE.small),
        measure(besideParties.caption, SIZE.label)
      )
    : 0
  const partyWidth = (PAGE.width - 2 * PAGE.margin - 24 - (besideParties ? taxColumn + 16 : 0)) / 2
  let partiesBottom = y
  if (besideParties) {
    const taxCode = besideParties
    const centre = right - taxColumn / 2
    text({
      x: centre + measure(taxCode.caption, SIZE.label) / 2,
      y,
      text: taxCode.caption,
      size: SIZE.label,
      tone: 'muted',
      align: 'right'
    })
    const codeBottom = y - 8 - TAX_QR_SIZE
    ops.push({
      kind: 'qr',
      x: centre - TAX_QR_SIZE / 2,
      y: codeBottom,
      size: TAX_QR_SIZE,
      payload: taxCode.payload
    })
    const labelY = codeBottom - 6 - lineHeight(SIZE.small)
    text({
      x: centre + measure(taxCode.label, SIZE.small) / 2,
      y: labelY,
      text: taxCode.label,
      size: SIZE.small,
      bold: false,
      align: 'right'
    })
    partiesBottom = labelY - 4
  }
  model.parties.forEach((party, i) => {
    const x = PAGE.margin + i * (partyWidth + 24)
    let py = y
    text({ x, y: py, text: party.label.toUpperCase(), size: SIZE.label, tone: 'muted' })
    py -= lineHeight(SIZE.body) + 2
    for (const l of wrap(party.bold, partyWidth, SIZE.body + 0.6, measure, true)) {
      text({ x, y: py, text: l, size: SIZE.body + 0.6, bold: true })
      py -= lineHeight(SIZE.body + 0.6)
    }
    for (const l of party.lines.flatMap((l) => wrap(l, partyWidth, SIZE.body, measure))) {
      text({ x, y: py, text: l, size: SIZE.body })
      py -= lineHeight(SIZE.body)
    }
    partiesBottom = Math.min(partiesBottom, py)
  })
  y = partiesBottom - 10
  for (const note of model.notes.flatMap((n) => wrap(n, right - PAGE.margin, SIZE.body, measure))) {
    text({ x: PAGE.margin, y, text: note, size: SIZE.body })
    y -= lineHeight(SIZE.body)
  }
  y -= 8

  const tableHeader = () => {
    const c = model.columns
    y -= lineHeight(SIZE.label)
    text({
      x: COLUMNS.description,
      y,
      text: c.description.toUpperCase(),
      size: SIZE.label,
      tone: 'muted',
      bold: true
    })
    text({
      x: COLUMNS.quantity,
      y,
      text: c.quantity.toUpperCase(),
      size: SIZE.label,
      tone: 'muted',
      bold: true,
      align: 'right'
    })
    text({
      x: COLUMNS.tax,
      y,
      text: c.tax.toUpperCase(),
      size: SIZE.label,
      tone: 'muted',
      bold: true,
      align: 'right'
    })
    text({
      x: COLUMNS.amount,
      y,
      text: c.amount.toUpperCase(),
      size: SIZE.label,
      tone: 'muted',
      bold: true,
      align: 'right'
    })
    y -= 5
    rule(y)
    y -= 4
  }
  const carried = (sum: number) => {
    y -= lineHeight(SIZE.body)
    text({ x: COLUMNS.description, y, text: model.carriedLabel, size: SIZE.body, bold: true })
    text({
      x: COLUMNS.amount,
      y,
      text: model.money(sum),
      size: SIZE.body,
      bold: true,
      align: 'right'
    })
    y -= 5
    rule(y)
    y -= 2
  }

  tableHeader()
  let sum = 0
  model.lines.forEach((line, i) => {
    const title = wrap(line.title, COLUMNS.descriptionWidth, SIZE.body, measure, true)
    const details = line.details.flatMap((d) =>
      wrap(d, COLUMNS.descriptionWidth, SIZE.small, measure)
    )
    const height =
      title.length * lineHeight(SIZE.body) + details.length * lineHeight(SIZE.small) + 8
    // the row does not fit above the carried-forward line: close this page, open the next
    if (y - height < bottom + lineHeight(SIZE.body) + 8) {
      carried(sum)
      newPage()
      tableHeader()
      carried(sum)
    }
    y -= 4
    let ly = y
    title.forEach((l, k) => {
      ly -= lineHeight(SIZE.body)
      text({ x: COLUMNS.description, y: ly, text: l, size: SIZE.body, bold: true })
      if (k === 0) {
        text({ x: COLUMNS.quantity, y: ly, text: line.quantity, size: SIZE.body, align: 'right' })
        text({ x: COLUMNS.tax, y: ly, text: line.tax, size: SIZE.body, align: 'right' })
        text({ x: COLUMNS.amount, y: ly, text: line.amount, size: SIZE.body, align: 'right' })
      }
    })
    for (const d of details) {
      ly -= lineHeight(SIZE.small)
      text({ x: COLUMNS.description, y: ly, text: d, size: SIZE.small, tone: 'muted' })
    }
    y = ly - 4
    rule(y, 'rule')
    sum += model.lineAmounts[i] ?? 0
  })

  // totals, payment (with its QR code) and legal notes: a new page when they do not fit
  type TailRow = {
    label?: string
    value?: string
    grand?: boolean
    line?: string
    payment?: boolean
  }
  const code = model.paymentCode
  const paymentWidth = right - PAGE.margin - (code ? QR_SIZE + 16 : 0)
  const lines = (texts: string[], width: number, payment: boolean): TailRow[] =>
    texts.length
      ? [
          { line: '' },
          ...texts.flatMap((text) =>
            wrap(text, width, SIZE.body, measure).map((line) => ({ line, payment }))
          )
        ]
      : []
  const tail: TailRow[] = [
    ...model.totals,
    ...lines(model.payment, paymentWidth, true),
    ...lines(model.legalNotes, right - PAGE.margin, false)
  ]
  const codeHeight = code ? QR_SIZE + 2 * lineHeight(SIZE.label) + 6 : 0
  const tailHeight = tail.length * lineHeight(SIZE.body + 1) + 16 + codeHeight
  if (y - tailHeight < bottom) {
    newPage()
  }
  y -= 10
  let paymentTop: number | null = null
  tail.forEach((row, i) => {
    const size = row.grand ? SIZE.body + 1.5 : SIZE.body
    if (row.payment && paymentTop === null) paymentTop = y - 2
    y -= lineHeight(size)
    if (row.line !== undefined) {
      text({ x: PAGE.margin, y, text: row.line, size })
    } else {
      text({ x: right - 110, y, text: row.label!, size, bold: row.grand, align: 'right' })
      text({ x: right, y, text: row.value!, size, bold: row.grand, align: 'right' })
    }
    const lastPaymentRow = row.payment && !tail[i + 1]?.payment
    if (lastPaymentRow && code && paymentTop !== null) {
      const bottomOfCode = paymentTop - QR_SIZE
      ops.push({
        kind: 'qr',
        x: right - QR_SIZE,
        y: bottomOfCode,
        size: QR_SIZE,
        payload: code.payload
      })
      const captionLines = wrap(code.caption, QR_SIZE + 16, SIZE.label, measure).slice(0, 2)
      captionLines.forEach((caption, k) =>
        text({
          x: right,
          y: bottomOfCode - 4 - (k + 1) * lineHeight(SIZE.label),
          text: caption,
          size: SIZE.label,
          tone: 'muted',
          align: 'right'
        })
      )
      y = Math.min(y, bottomOfCode - 4 - captionLines.length * lineHeight(SIZE.label))
    }
  })

  // on every page: the footer, the page number, the draft watermark
  pages.forEach((page, i) => {
    page.push({
      kind: 'rule',
      x1: PAGE.margin,
      y1: PAGE.margin + 14,
      x2: right,
      y2: PAGE.margin + 14,
      tone: 'rule'
    })
    page.push({
      kind: 'text',
      x: PAGE.margin,
      y: PAGE.margin,
      text: model.footer,
      size: SIZE.label,
      tone: 'muted'
    })
    page.push({
      kind: 'text',
      x: right,
      y: PAGE.margin,
      text: model.pageLabel(i + 1, pages.length),
      size: SIZE.label,
      tone: 'muted',
      align: 'right'
    })
    if (model.watermark) {
      // centred on the page along a 35° diagonal
      const angle = (35 * Math.PI) / 180
      const half = measure(model.watermark, 96, true) / 2
      page.unshift({
        kind: 'text',
        x: PAGE.width / 2 - half * Math.cos(angle) + 24 * Math.sin(angle),
        y: PAGE.height / 2 - half * Math.sin(angle) - 24 * Math.cos(angle),
        text: model.watermark,
        size: 96,
        bold: true,
        tone: 'watermark',
        rotate: 35
      })
    }
  })
  return pages
}
