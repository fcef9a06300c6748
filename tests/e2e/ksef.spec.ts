import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { crc8 } from '../../src/main/documents/einvoice/ksef/numbers'
import { formatDay } from '../../src/shared/format'
import { call, expect, issuedThisMonth, monthlyPlan, shot, test } from './fixtures'

/**
 * KSeF in browser mode, end to end: a Polish company issues an invoice to a Polish business,
 * downloads its FA(3), finds it in the Compliance screen's KSeF queue with its deadline,
 * records the KSeF number KSeF gave it, and the PDF's KOD I label changes from OFFLINE to it.
 */

const OUT = join('test-results', 'ksef')

/** The invoice's PDF as poppler and zbar read it: its text and the QR codes on page 1. */
async function readPdf(app: Parameters<typeof call>[0], invoiceId: number, name: string) {
  const pdf = await call<{ pdfBase64: string }>(app, 'invoices/pdf', { invoiceId })
  mkdirSync(OUT, { recursive: true })
  const file = join(OUT, `${name}.pdf`)
  writeFileSync(file, Buffer.from(pdf.pdfBase64, 'base64'))
  execFileSync('pdftoppm', ['-png', '-r', '150', '-f', '1', '-l', '1', file, join(OUT, name)])
  return {
    text: execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }),
    codes: execFileSync('zbarimg', ['--quiet', '--raw', join(OUT, `${name}-1.png`)], {
      encoding: 'utf8'
    })
      .trim()
      .split('\n')
  }
}

test('a Polish invoice goes to the KSeF queue and gets its KSeF number', async ({
  page,
  app
}, info) => {
  await call(app, 'files/create', {
    legalName: 'Biuro Rachunkowe Łódź',
    country: 'PL',
    defaultCurrency: 'PLN',
    defaultLanguage: 'pl'
  })
  const { updatedAt: _at, ...company } = await call<Record<string, unknown>>(app, 'company/get', {})
  await call(app, 'company/update', {
    ...company,
    taxId: '1234563218',
    address: {
      line1: 'ul. Piotrkowska 104',
      line2: '',
      postalCode: '90-926',
      city: 'Łódź',
      region: ''
    }
  })
  await call(app, 'plans/save', monthlyPlan('office', 'Obsługa biura', '100.00'))
  const customer = await call<{ id: number }>(app, 'customers/create', {
    name: 'Kowalski Ćwikła Sp. z o.o.',
    country: 'PL',
    language: 'pl',
    currency: 'PLN',
    taxId: '5260250274',
    emails: ['ksiegowosc@kowalski.example'],
    address: { line1: 'ul. Długa 5', postalCode: '00-238', city: 'Warszawa' }
  })
  const { invoiceId, today, ...issued } = await issuedThisMonth(app, customer.id, 'office')
  const queue = await call<{ rows: { deadline: string }[] }>(app, 'ksef/queue', {})
  const deadline = formatDay(queue.rows[0]!.deadline, 'en-GB')

  // the invoice page: Download as FA(3), and where it stands with KSeF
  await page.goto(app.url)
  await page.goto(`${app.origin}/#/invoices/${invoiceId}`)
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download as FA(3)' }).click()
  ])
  expect(download.suggestedFilename()).toBe(`${issued.number.replaceAll('/', '-')}.fa3.xml`)
  const fa3 = readFileSync((await download.path())!)
  expect(fa3.toString('utf8')).toContain(`<P_2>${issued.number}</P_2>`)
  const hash = createHash('sha256').update(fa3).digest('base64url')
  // and as Factur-X: the PDF with its CII inside
  const [facturx] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download as Factur-X PDF' }).click()
  ])
  expect(facturx.suggestedFilename()).toBe(`${issued.number.replaceAll('/', '-')}.facturx.pdf`)
  mkdirSync(OUT, { recursive: true })
  const facturxFile = join(OUT, 'invoice.facturx.pdf')
  await facturx.saveAs(facturxFile)
  expect(execFileSync('pdfdetach', ['-list', facturxFile], { encoding: 'utf8' })).toContain(
    'factur-x.xml'
  )
  const status = page.getByRole('region', { name: 'KSeF' })
  await expect(status.getByText('To send')).toBeVisible()
  await expect(status.getByText(deadline)).toBeVisible()
  // the document on screen carries KOD I, labelled OFFLINE
  const document = page.getByRole('article')
  await expect(document.getByRole('img', { name: 'Sprawdź w KSeF' })).toBeVisible()
  await expect(document.getByText('OFFLINE', { exact: true })).toBeVisible()
  await shot(page, info, '01-invoice-offline')

  // the PDF: KOD I links the FA(3) just downloaded, labelled OFFLINE
  const url = `https://qr.ksef.mf.gov.pl/invoice/1234563218/${today.split('-').reverse().join('-')}/${hash}`
  const offline = await readPdf(app, invoiceId, 'offline')
  expect(offline.codes).toContain(url)
  expect(offline.text).toContain('OFFLINE')

  // Compliance: the KSeF queue, with the deadline
  await page.getByRole('link', { name: 'Compliance' }).click()
  await expect(page.getByRole('heading', { name: 'Compliance', level: 1 })).toBeVisible()
  const row = page.getByRole('row', { name: new RegExp(issued.number) })
  await expect(row.getByText('To send')).toBeVisible()
  await expect(row.getByText(deadline)).toBeVisible()
  await shot(page, info, '02-ksef-queue')

  // record the KSeF number: a mistyped one is refused, saying why
  const head = `1234563218-${today.replaceAll('-', '')}-0100004C2D71`
  const ksefNumber = `${head}-${crc8(head)}`
  await row.getByRole('button', { name: 'Record number' }).click()
  const dialog = page.getByRole('dialog', { name: `KSeF number of ${issued.number}` })
  await dialog
    .getByRole('textbox', { name: 'KSeF number' })
    .fill(`${head}-${crc8(head) === '00' ? '01' : '00'}`)
  await dialog.getByRole('button', { name: 'Record number' }).click()
  await expect(dialog.getByText(/is not the KSeF number of/)).toBeVisible()
  await dialog.getByRole('textbox', { name: 'KSeF number' }).fill(ksefNumber)
  await dialog.getByRole('button', { name: 'Record number' }).click()
  await expect(dialog).toBeHidden()
  await expect(row.getByText('Accepted')).toBeVisible()
  await expect(row.getByText(ksefNumber)).toBeVisible()
  await shot(page, info, '03-ksef-accepted')

  // the invoice page and the PDF now carry the KSeF number under KOD I
  await page.goto(`${app.origin}/#/invoices/${invoiceId}`)
  await expect(page.getByRole('region', { name: 'KSeF' }).getByText('Accepted')).toBeVisible()
  await expect(page.getByRole('article').getByText(ksefNumber, { exact: true })).toBeVisible()
  await shot(page, info, '04-invoice-accepted')
  const accepted = await readPdf(app, invoiceId, 'accepted')
  expect(accepted.codes).toContain(url)
  expect(accepted.text).toContain(ksefNumber)
  expect(accepted.text).not.toContain('OFFLINE')
})
