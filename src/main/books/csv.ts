/** A CSV file read strictly: RFC 4180 quoting, UTF-8 only, every problem with its line. */

export interface CsvRecord {
  /** Line of the file where the record starts (1 = the header). */
  line: number
  cells: string[]
}

export interface CsvTable {
  header: string[]
  delimiter: string
  records: CsvRecord[]
}

export class CsvError extends Error {
  constructor(
    readonly line: number,
    readonly column: number | null,
    message: string,
    /** What the UI translates (importProblem.<code>), with the values it needs. */
    readonly code: string,
    readonly params: Record<string, string | number> = {}
  ) {
    super(message)
    this.name = 'CsvError'
  }
}

/** Index of the first byte that is not valid UTF-8, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0
  while (i < bytes.length) {
    const b = bytes[i]!
    const length =
      b < 0x80
        ? 1
        : b >= 0xc2 && b <= 0xdf
          ? 2
          : b >= 0xe0 && b <= 0xef
            ? 3
            : b >= 0xf0 && b <= 0xf4
              ? 4
              : 0
    if (length === 0 || i + length > bytes.length) return i
    for (let k = 1; k < length; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i
    if (
      length === 3 &&
      ((b === 0xe0 && bytes[i + 1]! < 0xa0) || (b === 0xed && bytes[i + 1]! > 0x9f))
    )
      return i
    if (
      length === 4 &&
      ((b === 0xf0 && bytes[i + 1]! < 0x90) || (b === 0xf4 && bytes[i + 1]! > 0x8f))
    )
      return i
    i += length
  }
  return -1
}

function decode(bytes: Uint8Array): string {
  const bad = firstInvalidUtf8(bytes)
  if (bad >= 0) {
    let line = 1
    for (let i = 0; i < bad; i++) if (bytes[i] === 0x0a) line++
    throw new CsvError(
      line,
      null,
      `the file is not UTF-8 (byte ${bad + 1} on line ${line}); save it as "CSV UTF-8"`,
      'not_utf8',
      { byte: bad + 1, line }
    )
  }
  const text = new TextDecoder('utf-8').decode(bytes)
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}

function detectDelimiter(text: string): string {
  const end = text.search(/\r?\n/)
  const first = end < 0 ? text : text.slice(0, end)
  const count = (d: string) => first.split(d).length - 1
  return [',', ';', '\t'].reduce((best, d) => (count(d) > count(best) ? d : best), ',')
}

const QUOTE = 34
const CR = 13
const LF = 10

/** Parses CSV text into records (blank lines skipped). Rows with the wrong number of cells are the caller's to report. */
export function parseCsv(bytes: Uint8Array): CsvTable {
  const text = decode(bytes)
  if (text.trim() === '') throw new CsvError(1, null, 'the file is empty', 'empty_file')
  const delimiter = detectDelimiter(text)
  const sep = delimiter.charCodeAt(0)
  const rows: CsvRecord[] = []
  let line = 1
  let cells: string[] = []
  let cell = ''
  let recordLine = 1
  let i = 0
  const n = text.length
  const endRecord = () => {
    cells.push(cell)
    if (!(cells.length === 1 && cells[0] === '')) rows.push({ line: recordLine, cells })
    cells = []
    cell = ''
  }
  while (i < n) {
    const c = text.charCodeAt(i)
    if (c === QUOTE && cell === '') {
      const startLine = line
      i++
      let closed = false
      let start = i
      while (i < n) {
        const q = text.charCodeAt(i)
        if (q === QUOTE) {
          cell += text.slice(start, i)
          if (text.charCodeAt(i + 1) === QUOTE) {
            cell += '"'
            i += 2
            start = i
            continue
          }
          i++
          closed = true
          break
        }
        if (q === LF) line++
        i++
      }
      if (!closed)
        throw new CsvError(
          startLine,
          cells.length + 1,
          `a quoted value that starts on line ${startLine} is never closed`,
          'quote_not_closed',
          { line: startLine }
        )
      const next = text.charCodeAt(i)
      if (i < n && next !== sep && next !== LF && next !== CR) {
        throw new CsvError(
          line,
          cells.length + 1,
          `unexpected text after a closing quote in column ${cells.length + 1}`,
          'text_after_quote',
          { column: cells.length + 1 }
        )
      }
      continue
    }
    if (c === sep) {
      cells.push(cell)
      cell = ''
      i++
      continue
    }
    if (c === CR || c === LF) {
      endRecord()
      i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1
      line++
      recordLine = line
      continue
    }
    if (c === QUOTE)
      throw new CsvError(
        line,
        cells.length + 1,
        `a quote inside an unquoted value in column ${cells.length + 1}; wrap the value in quotes and double the quote`,
        'quote_in_value',
        { column: cells.length + 1 }
      )
    const start = i
    while (i < n) {
      const d = text.charCodeAt(i)
      if (d === sep || d === CR || d === LF || d === QUOTE) break
      i++
    }
    cell += text.slice(start, i)
  }
  if (cell !== '' || cells.length > 0) endRecord()
  const [head, ...records] = rows
  if (!head) throw new CsvError(1, null, 'the file is empty', 'empty_file')
  return { header: head.cells.map((h) => h.trim().toLowerCase()), delimiter, records }
}
