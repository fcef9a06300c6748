import { nfseSettingsSchema, type NfseRow, type NfseSettings } from '@shared/nfse'
import { formatMoney, minorUnits } from '@shared/money'
import { importNfse, nfseList, nfseSettings, setNfseSettings } from '../books/nfse'
import { parseOptions, splitOperands } from './args'
import { withBooks } from './books-file'
import { CliError } from './errors'
import { importReport, readInputFiles } from './xml-import'

/**
 * `nfse …`: a Brazilian company's NFS-e from the command line: the settings its DPS files take
 * their codes from, the invoices still without an NFS-e, and the import of the NFS-e files the
 * tax system returned.
 */

/** Each setting's option, in the order `nfse settings` prints them. */
const SETTING_OPTIONS: Record<keyof NfseSettings, string> = {
  municipality: 'municipality',
  municipalRegistration: 'municipal-registration',
  simplesNacional: 'simples-nacional',
  simplesRegime: 'simples-regime',
  specialRegime: 'special-regime',
  series: 'series',
  serviceCode: 'service-code',
  nbsCode: 'nbs-code',
  issRate: 'iss-rate',
  environment: 'environment',
  operationCode: 'operation-code',
  ibsCbsCst: 'ibs-cbs-cst',
  ibsCbsClass: 'ibs-cbs-class'
}

export const NFSE_USAGE = `npm run cli -- nfse settings [--municipality IBGE --service-code CTRIBNAC ...] --file books.facturo
  npm run cli -- nfse pending [--json] --file books.facturo
  npm run cli -- nfse import FILE.xml... [--json] --file books.facturo`

const settingsText = (s: NfseSettings) =>
  (Object.entries(SETTING_OPTIONS) as [keyof NfseSettings, string][])
    .map(([key, option]) => `  --${option.padEnd(24)} ${s[key] || '(none)'}`)
    .join('\n')

async function settings(argv: readonly string[]): Promise<string> {
  const spec = Object.fromEntries(
    Object.values(SETTING_OPTIONS).map((option) => [option, { value: true }])
  )
  const o = parseOptions('nfse settings', argv, { file: { value: true, required: true }, ...spec })
  const given = Object.fromEntries(
    (Object.entries(SETTING_OPTIONS) as [keyof NfseSettings, string][])
      .filter(([, option]) => o[option] !== undefined)
      .map(([key, option]) => [key, o[option]![0]!])
  )
  return withBooks(o.file![0]!, ({ books }) => {
    const current = nfseSettings(books)
    if (Object.keys(given).length === 0)
      return current
        ? `NFS-e settings:\n${settingsText(current)}\n`
        : 'No NFS-e settings yet: give at least --municipality and --service-code.\n'
    const parsed = nfseSettingsSchema.safeParse({ ...current, ...given })
    if (!parsed.success)
      throw new CliError(
        `nfse settings: ${parsed.error.issues
          .map(
            (i) =>
              `--${SETTING_OPTIONS[i.path[0] as keyof NfseSettings] ?? i.path.join('.')} ${i.message}`
          )
          .join('; ')}`
      )
    return `NFS-e settings saved:\n${settingsText(setNfseSettings(books, parsed.data))}\n`
  })
}

const money = (row: NfseRow) => formatMoney(minorUnits(row.total), row.currency, 'en-GB')

async function pending(argv: readonly string[]): Promise<string> {
  const o = parseOptions('nfse pending', argv, {
    file: { value: true, required: true },
    json: { value: false }
  })
  return withBooks(o.file![0]!, ({ books }) => {
    const list = nfseList(books, 10_000)
    if (o.json) return `${JSON.stringify(list.pending, null, 2)}\n`
    const lines = list.pending.map(
      (r) =>
        `${r.number.padEnd(20)} ${r.issueDate} ${money(r).padStart(14)}  ${r.customerName}${r.dpsId ? `  DPS exported (${r.dpsId})` : '  no DPS yet'}`
    )
    return `${lines.join('\n')}${lines.length ? '\n' : ''}${list.pending.length} invoice(s) without an NFS-e.\n`
  })
}

async function importFiles(argv: readonly string[]): Promise<string> {
  const [paths, opts] = splitOperands(argv)
  if (!paths.length) throw new CliError('nfse import: name one or more NFS-e XML files')
  const o = parseOptions('nfse import', opts, {
    file: { value: true, required: true },
    json: { value: false }
  })
  const files = readInputFiles('nfse import', paths)
  return withBooks(o.file![0]!, ({ books }) =>
    importReport(importNfse(books, files), Boolean(o.json), {
      recorded: (r) => `recorded ${r.number}: NFS-e ${r.nfseNumber} (${r.file})`,
      known: (r) => `already recorded ${r.number}: NFS-e ${r.nfseNumber} (${r.file})`,
      unmatched: (r) => `NOT MATCHED ${r.file}: NFS-e ${r.nfseNumber}: ${r.reason}`,
      title: 'NFS-e import'
    })
  )
}

export async function runNfse(argv: readonly string[]): Promise<string> {
  const [sub, ...rest] = argv
  switch (sub) {
    case 'settings':
      return settings(rest)
    case 'pending':
      return pending(rest)
    case 'import':
      return importFiles(rest)
    default:
      throw new CliError(`nfse: unknown command "${sub ?? ''}"\n\n  ${NFSE_USAGE}`)
  }
}
