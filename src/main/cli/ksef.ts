import { basename, resolve } from 'node:path'
import { exchangeRateInput, KSEF_STATES, type KsefQueueRow, type KsefState } from '@shared/ksef'
import { formatMoney, minorUnits } from '@shared/money'
import { writeFileAtomic } from '../app-state'
import { ksefExport, ksefQueue, recordKsefNumber, setKsefStart } from '../books/ksef'
import { importUpo } from '../books/ksef-upo'
import { setExchangeRate } from '../books/exchange-rates'
import { dateOption, parseOptions, splitOperands } from './args'
import { invoiceId, withBooks } from './books-file'
import { CliError } from './errors'
import { importReport, readInputFiles } from './xml-import'

/**
 * `ksef …`: the KSeF queue of a Polish seller's issued documents from the command line, for a
 * bookkeeper's script: what is to send and by when, the ZIP of FA(3) files, and the KSeF numbers
 * recorded back (typed, or from UPO receipts).
 */

export const KSEF_USAGE = `npm run cli -- ksef queue [--state ${KSEF_STATES.join('|')}] [--json] --file books.facturo
  npm run cli -- ksef export --out batch.zip [--again] --file books.facturo
  npm run cli -- ksef record NUMBER|ID --ksef-number N --file books.facturo
  npm run cli -- ksef import-upo FILE.xml... [--json] --file books.facturo
  npm run cli -- ksef rate CURRENCY YYYY-MM-DD RATE --file books.facturo
  npm run cli -- ksef start YYYY-MM-DD --file books.facturo`

const money = (row: KsefQueueRow) =>
  formatMoney(
    minorUnits(row.kind === 'credit_note' ? -row.total : row.total),
    row.currency,
    'en-GB'
  )

function queueText(rows: KsefQueueRow[], counts: Record<KsefState, number>, late: number) {
  const lines = rows.map((r) => {
    const state =
      r.state === 'accepted'
        ? `accepted ${r.ksefNumber}`
        : r.state === 'rejected'
          ? `rejected: ${r.reason}`
          : r.state === 'sent'
            ? `sent ${r.sentAt?.slice(0, 10)}`
            : 'to send'
    const deadline = r.state === 'accepted' ? '' : ` send by ${r.deadline}${r.late ? ' LATE' : ''}`
    const waits = r.waitsFor ? ` (waits for the KSeF number of ${r.waitsFor})` : ''
    return `${r.number.padEnd(20)} ${r.issueDate} ${money(r).padStart(14)}  ${state}${deadline}${waits}`
  })
  const summary = KSEF_STATES.map((s) => `${s.replace('_', ' ')} ${counts[s]}`).join(', ')
  return `${lines.join('\n')}${lines.length ? '\n' : ''}KSeF queue: ${summary}; past the deadline ${late}.\n`
}

async function queue(argv: readonly string[]): Promise<string> {
  const o = parseOptions('ksef queue', argv, {
    file: { value: true, required: true },
    state: { value: true },
    json: { value: false }
  })
  const state = o.state?.[0]
  if (state !== undefined && !(KSEF_STATES as readonly string[]).includes(state))
    throw new CliError(
      `ksef queue: --state must be one of ${KSEF_STATES.join(', ')}, not "${state}"`
    )
  return withBooks(o.file![0]!, ({ books }) => {
    const q = ksefQueue(books, { state: state as KsefState | undefined, limit: 10_000 })
    return o.json ? `${JSON.stringify(q, null, 2)}\n` : queueText(q.rows, q.counts, q.late)
  })
}

async function exportZip(argv: readonly string[]): Promise<string> {
  const o = parseOptions('ksef export', argv, {
    file: { value: true, required: true },
    out: { value: true, required: true },
    again: { value: false }
  })
  const out = resolve(o.out![0]!)
  return withBooks(o.file![0]!, ({ books, readOnly }) => {
    if (readOnly)
      throw new CliError(
        'ksef export: the file is open read-only, and the export marks invoices sent'
      )
    // the ZIP is written before the invoices are marked sent: a failed write marks none
    const { bytes, files, skipped } = ksefExport(books, basename(out), {
      includeSent: Boolean(o.again),
      deliver: (zip) => writeFileAtomic(out, zip)
    })
    const notSent = skipped.map((s) => `  not exported: ${s.number}: ${s.reason}\n`).join('')
    return bytes
      ? `Wrote ${files.length} FA(3) file(s) to ${out}; they are marked sent:\n${files.map((f) => `  ${f}\n`).join('')}${notSent}`
      : `Nothing to send; no file written.\n${notSent}`
  })
}

async function record(argv: readonly string[]): Promise<string> {
  const [[ref], opts] = splitOperands(argv)
  if (!ref) throw new CliError('ksef record: name the invoice (its number or id)')
  const o = parseOptions('ksef record', opts, {
    file: { value: true, required: true },
    'ksef-number': { value: true, required: true }
  })
  return withBooks(o.file![0]!, ({ books }) => {
    const row = recordKsefNumber(books, invoiceId(books, 'ksef record', ref), o['ksef-number']![0]!)
    return `${row.number}: accepted by KSeF as ${row.ksefNumber}.\n`
  })
}

async function importReceipts(argv: readonly string[]): Promise<string> {
  const [paths, opts] = splitOperands(argv)
  if (!paths.length) throw new CliError('ksef import-upo: name one or more UPO files')
  const o = parseOptions('ksef import-upo', opts, {
    file: { value: true, required: true },
    json: { value: false }
  })
  const files = readInputFiles('ksef import-upo', paths)
  return withBooks(o.file![0]!, ({ books }) =>
    importReport(importUpo(books, files), Boolean(o.json), {
      recorded: (r) => `recorded ${r.number}: ${r.ksefNumber} (${r.file})`,
      known: (r) => `already recorded ${r.number}: ${r.ksefNumber} (${r.file})`,
      unmatched: (r) => `NOT MATCHED ${r.file}: ${r.number} ${r.ksefNumber}: ${r.reason}`,
      title: 'UPO import'
    })
  )
}

async function start(argv: readonly string[]): Promise<string> {
  const [[day], opts] = splitOperands(argv)
  const o = parseOptions('ksef start', opts, { file: { value: true, required: true } })
  const checked = dateOption('ksef start', 'day', day ?? '')
  return withBooks(o.file![0]!, ({ books }) => {
    setKsefStart(books, checked)
    return `The KSeF queue holds what was issued from ${checked} on.\n`
  })
}

async function rate(argv: readonly string[]): Promise<string> {
  const [[currency, day, value], opts] = splitOperands(argv)
  const o = parseOptions('ksef rate', opts, { file: { value: true, required: true } })
  const input = exchangeRateInput.safeParse({ currency, day, rate: value })
  if (!input.success)
    throw new CliError(
      `ksef rate: ${input.error.issues.map((i) => `${i.path.join('.') || 'input'} ${i.message}`).join('; ')} (usage: ksef rate CURRENCY YYYY-MM-DD RATE)`
    )
  return withBooks(o.file![0]!, ({ books }) => {
    const r = setExchangeRate(books, input.data.currency, input.data.day, input.data.rate)
    return `NBP rate of ${r.currency} on ${r.day}: ${r.rate} PLN.\n`
  })
}

export async function runKsef(argv: readonly string[]): Promise<string> {
  const [sub, ...rest] = argv
  switch (sub) {
    case 'queue':
      return queue(rest)
    case 'export':
      return exportZip(rest)
    case 'record':
      return record(rest)
    case 'import-upo':
      return importReceipts(rest)
    case 'rate':
      return rate(rest)
    case 'start':
      return start(rest)
    default:
      throw new CliError(`ksef: unknown command "${sub ?? ''}"\n\n  ${KSEF_USAGE}`)
  }
}
