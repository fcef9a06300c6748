import { z } from 'zod'

/**
 * Brazil's national NFS-e: what a Brazilian company tells Facturo so its invoices become DPS
 * files for the official emitter (Settings on the Compliance screen, `nfse settings`), and the
 * NFS-e the tax system returned, read back onto the invoices.
 */

/** A text field matched against a pattern, refused with a code the UI translates. */
const matching = (pattern: RegExp, message: string, params: { code: string; count?: number }) =>
  z
    .string()
    .trim()
    .refine((v) => pattern.test(v), { message, params })

const digits = (count: number, what: string) =>
  matching(new RegExp(`^\\d{${count}}$`), `must be ${what} of ${count} digits`, {
    code: 'digits',
    count
  })

export const nfseSettingsSchema = z.strictObject({
  /** IBGE code of the municipality the company is registered in (cLocEmi, where it provides). */
  municipality: digits(7, 'an IBGE municipality code (e.g. 3550308 for São Paulo)'),
  /** Inscrição municipal (IM), when the municipality gave one. */
  municipalRegistration: matching(
    /^[A-Za-z0-9./-]{0,15}$/,
    'must be the inscrição municipal as the city hall gave it (at most 15 letters, digits, . / -)',
    { code: 'municipal_registration' }
  ).default(''),
  /** Simples Nacional: 1 not an optant, 2 MEI, 3 ME/EPP. */
  simplesNacional: z.enum(['1', '2', '3']).default('1'),
  /** For an ME/EPP (3): how its taxes are assessed (regApTribSN 1–3); '' when not given. */
  simplesRegime: z.enum(['', '1', '2', '3']).default(''),
  /** Regime especial de tributação (regEspTrib): 0 none … 9 others. */
  specialRegime: z.enum(['0', '1', '2', '3', '4', '5', '6', '9']).default('0'),
  /** The DPS series (1–5 digits); the DPS number comes from the invoice number's digits. */
  series: matching(/^\d{1,5}$/, 'must be 1 to 5 digits, like 1 or 900', {
    code: 'digits_up_to',
    count: 5
  }).default('1'),
  /** Código de tributação nacional (cTribNac, LC 116/2003 item, subitem and desdobro). */
  serviceCode: digits(6, 'a código de tributação nacional (e.g. 010101)'),
  /** Código NBS of the service, optional. */
  nbsCode: matching(/^(\d{9})?$/, 'must be a 9-digit NBS code (e.g. 115022000), or empty', {
    code: 'digits_or_empty',
    count: 9
  }).default(''),
  /** ISS rate in percent with two decimals (pAliq), only where the municipality is not in the national system. */
  issRate: matching(/^(\d(\.\d{2})?)?$/, 'must be a rate like 2.00 or 5.00 (percent), or empty', {
    code: 'percent_rate'
  }).default(''),
  /** tpAmb: DPS for production (1) or for the test environment, produção restrita (2). */
  environment: z.enum(['production', 'test']).default('production'),
  /** IBS/CBS: código indicador da operação (cIndOp). */
  operationCode: digits(6, 'a código indicador da operação (e.g. 100301)').default('100301'),
  /** IBS/CBS: código de situação tributária (CST). */
  ibsCbsCst: digits(3, 'a CST of IBS/CBS (e.g. 000)').default('000'),
  /** IBS/CBS: código de classificação tributária (cClassTrib). */
  ibsCbsClass: digits(6, 'a cClassTrib of IBS/CBS (e.g. 000001)').default('000001')
})
export type NfseSettings = z.output<typeof nfseSettingsSchema>

export const nfseSettingsInput = z.strictObject({ settings: nfseSettingsSchema })

/** An issued invoice of a Brazilian seller, and where it stands with the NFS-e. */
export interface NfseRow {
  invoiceId: number
  number: string
  customerName: string
  issueDate: string
  currency: string
  /** Minor units. */
  total: number
  /** The DPS Id once a DPS was exported ("DPS" and 42 digits). */
  dpsId: string | null
  nfseNumber: string | null
  /** The NFS-e's chave de acesso (50 digits), what the public consultation takes. */
  accessKey: string | null
  processedAt: string | null
}

export interface NfseList {
  /** The company is in Brazil, or has issued invoices as a Brazilian seller. */
  applies: boolean
  /** Whether the company has told Facturo what a DPS needs. */
  configured: boolean
  settings: NfseSettings | null
  /** Issued invoices still without an NFS-e, oldest first. */
  pending: NfseRow[]
  /** Invoices with an NFS-e, newest first (at most `limit`). */
  recorded: NfseRow[]
}

export const nfseListInput = z.strictObject({
  limit: z.number().int().min(1).max(10_000).default(500)
})

export const nfseImportInput = z.strictObject({
  files: z
    .array(
      z.strictObject({ name: z.string().min(1).max(260), text: z.string().min(1).max(5_000_000) })
    )
    .min(1)
    .max(1000)
})

/** What an import of returned NFS-e files did, file by file. */
export interface NfseImportResult {
  recorded: { file: string; number: string; nfseNumber: string }[]
  /** Already recorded with the same NFS-e: nothing to do. */
  known: { file: string; number: string; nfseNumber: string }[]
  /** Matched no invoice of this file, or contradicts what is recorded: nothing was changed. */
  unmatched: { file: string; nfseNumber: string; reason: string }[]
}
