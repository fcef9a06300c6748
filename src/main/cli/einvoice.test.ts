import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from './index'
import { billedCliFile, failure } from './test-support'

/** `invoices export`: an issued invoice as UBL or CII, from the command line. */

async function billedFile() {
  const { dir, file, run } = await billedCliFile(
    'code,name,country,language,tax_id,address_line1,postal_code,city\nK1,Kowalski Ćwikła,PL,pl,5260250274,ul. Prosta 1,00-001,Warszawa\nK2,Nowak,PL,pl,,,,\n',
    ['K1', 'K2']
  )
  const [first, second] = run.customers.map((c) => String(c.invoices[0]!.invoiceId))
  await runCli(['invoices', 'issue', first!, '--file', file])
  return { dir, file, issued: first!, draft: second! }
}

describe('invoices export', () => {
  it('writes UBL and CII of an issued invoice, the same bytes every time', async () => {
    const { dir, file, issued } = await billedFile()
    const out = join(dir, 'out', 'invoice.xml')
    const said = await runCli([
      'invoices',
      'export',
      issued,
      '--format',
      'ubl',
      '--out',
      out,
      '--file',
      file
    ])
    expect(said).toMatch(
      /^Wrote .*\.ubl\.xml \(ubl-2\.1-peppol-bis-3\.0\/1, SHA-256 [0-9a-f]{64}\) to /
    )
    const ubl = readFileSync(out, 'utf8')
    expect(ubl).toMatch(/<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"/)
    expect(ubl).toContain('<cbc:RegistrationName>Kowalski Ćwikła</cbc:RegistrationName>')
    await runCli(['invoices', 'export', issued, '--format', 'ubl', '--out', out, '--file', file])
    expect(readFileSync(out, 'utf8')).toBe(ubl)
    const cii = join(dir, 'invoice.cii.xml')
    await runCli(['invoices', 'export', issued, '--format', 'cii', '--out', cii, '--file', file])
    expect(readFileSync(cii, 'utf8')).toContain('<rsm:CrossIndustryInvoice')
    // Factur-X: the invoice's PDF with that very CII inside
    const facturx = join(dir, 'invoice.facturx.pdf')
    expect(
      await runCli([
        'invoices',
        'export',
        issued,
        '--format',
        'facturx',
        '--out',
        facturx,
        '--file',
        file
      ])
    ).toMatch(/^Wrote .*\.facturx\.pdf \(factur-x-1\.07-en16931\/1, SHA-256/)
    const pdf = readFileSync(facturx)
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
    expect(pdf.toString('latin1')).toContain('/AFRelationship /Alternative')
  })

  it('refuses an unknown format, a draft and a missing invoice, saying which', async () => {
    const { dir, file, issued, draft } = await billedFile()
    const out = join(dir, 'x.xml')
    expect(
      (
        await failure([
          'invoices',
          'export',
          issued,
          '--format',
          'pdf',
          '--out',
          out,
          '--file',
          file
        ])
      ).message
    ).toMatch(/--format must be one of ubl\|cii\|facturx\|verifactu\|ksef\|dps, not "pdf"/)
    expect(
      (
        await failure([
          'invoices',
          'export',
          draft,
          '--format',
          'ubl',
          '--out',
          out,
          '--file',
          file
        ])
      ).message
    ).toMatch(/is a draft: only an issued invoice or credit note becomes an e-invoice/)
    expect(
      (
        await failure([
          'invoices',
          'export',
          '999',
          '--format',
          'ubl',
          '--out',
          out,
          '--file',
          file
        ])
      ).message
    ).toMatch(/there is no invoice 999/)
    expect(
      (await failure(['invoices', 'export', '--format', 'ubl', '--file', file])).message
    ).toMatch(/name the invoice/)
  })
})
