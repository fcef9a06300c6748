/** The columns each import needs, in the order the wizard asks for them. */
export const REQUIRED_COLUMNS = {
  usage: ['customer', 'metric', 'event_id', 'timestamp'],
  customers: ['name', 'country']
} as const

export type ImportKind = keyof typeof REQUIRED_COLUMNS

/** Other names a column is often given, to guess the mapping (compared lowercased, without spaces). */
const SYNONYMS: Record<string, string[]> = {
  customer: [
    'customer',
    'customer_code',
    'customerid',
    'customer_id',
    'client',
    'cliente',
    'klient'
  ],
  metric: ['metric', 'meter', 'metrica', 'métrica', 'miara'],
  event_id: ['event_id', 'eventid', 'id', 'event', 'evento'],
  timestamp: ['timestamp', 'time', 'date', 'datetime', 'data', 'fecha'],
  name: ['name', 'nome', 'nombre', 'nazwa'],
  country: ['country', 'pais', 'país', 'kraj']
}

const BOM = [0xef, 0xbb, 0xbf]

/** Where the header line ends (the index of its newline), or the file's length. */
function headerEnd(bytes: Uint8Array): number {
  const at = bytes.indexOf(0x0a)
  return at < 0 ? bytes.length : at
}

const splitHeader = (line: string): string[] =>
  line
    .replace(/\r$/, '')
    .split(',')
    .map((cell) =>
      cell
        .trim()
        .replace(/^"(.*)"$/, '$1')
        .trim()
    )

/** The file's column names, read from its first line (UTF-8; null when that line is not UTF-8 text). */
export function readHeader(bytes: Uint8Array): string[] | null {
  const start = BOM.every((b, i) => bytes[i] === b) ? 3 : 0
  try {
    const line = new TextDecoder('utf-8', { fatal: true }).decode(
      bytes.subarray(start, headerEnd(bytes))
    )
    return line.trim() === '' ? null : splitHeader(line)
  } catch {
    return null
  }
}

/** Guesses which of the file's columns is each required one. */
export function guessMapping(kind: ImportKind, header: string[]): Record<string, string> {
  const norm = (s: string) => s.toLowerCase().replace(/\s+/g, '')
  const mapping: Record<string, string> = {}
  for (const field of REQUIRED_COLUMNS[kind]) {
    const match = header.find((h) => (SYNONYMS[field] ?? [field]).includes(norm(h)))
    if (match) mapping[field] = match
  }
  return mapping
}

/**
 * The same file with its header renamed as mapped (file column → required name); every other
 * byte stays as it was, so main still checks the file's own encoding and rows.
 */
export function renameHeader(bytes: Uint8Array, mapping: Record<string, string>): Uint8Array {
  const header = readHeader(bytes)
  if (!header) return bytes
  const renamed = header.map(
    (h) => Object.entries(mapping).find(([, from]) => from === h)?.[0] ?? h
  )
  const end = headerEnd(bytes)
  const crlf = end > 0 && bytes[end - 1] === 0x0d
  const line = new TextEncoder().encode(renamed.join(',') + (crlf ? '\r' : ''))
  const out = new Uint8Array(line.length + bytes.length - end)
  out.set(line, 0)
  out.set(bytes.subarray(end), line.length)
  return out
}

/** Bytes as base64, in chunks (a large file would overflow the argument list in one go). */
export function toBase64(bytes: Uint8Array): string {
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary)
}
