import { readFileSync } from 'node:fs'
import { call, expect, monthlyPlan, shot, test } from './fixtures'

/**
 * Verifactu in browser mode: a Spanish company issues an invoice and voids another; the invoice
 * shows the AEAT QR at its head, its RegistroAlta downloads, and the Compliance screen lists the
 * chained records, says the chain holds, and exports them as SuministroLR.
 */
test('a Spanish invoice gets its chained Verifactu record and the AEAT QR', async ({
  page,
  app
}, info) => {
  await call(app, 'files/create', {
    legalName: 'Gestoría Muñoz S.L.',
    country: 'ES',
    defaultCurrency: 'EUR',
    defaultLanguage: 'es'
  })
  const { updatedAt: _at, ...company } = await call<Record<string, unknown>>(app, 'company/get', {})
  await call(app, 'company/update', {
    ...company,
    taxId: 'B12345674',
    address: { line1: 'Calle Mayor 1', line2: '', postalCode: '28013', city: 'Madrid', region: '' }
  })
  await call(app, 'plans/save', monthlyPlan('asesoria', 'Asesoría', '100.00', 'EUR'))
  const customer = async (name: string, taxId: string) =>
    (
      await call<{ id: number }>(app, 'customers/create', {
        name,
        country: 'ES',
        language: 'es',
        currency: 'EUR',
        taxId,
        emails: ['cliente@example.es'],
        address: { line1: 'Calle Real 2', postalCode: '08001', city: 'Barcelona' }
      })
    ).id
  const ids = [
    await customer('Cliente Ejemplo S.A.', 'A28000008'),
    await customer('Otro Cliente S.L.', 'B12345674')
  ]
  const now = new Date()
  const first = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-01`
  const today = `${first.slice(0, 8)}${String(now.getDate()).padStart(2, '0')}`
  for (const customerId of ids)
    await call(app, 'subscriptions/create', { customerId, planCode: 'asesoria', startDate: first })
  const run = await call<{
    customers: { customerId: number; invoices: { invoiceId: number }[] }[]
  }>(app, 'billing/run', { asOf: today, dryRun: false })
  const [kept, voided] = ids.map(
    (id) => run.customers.find((c) => c.customerId === id)!.invoices[0]!.invoiceId
  )
  const issued = await call<{ number: string; total: number }>(app, 'invoices/issue', {
    invoiceId: kept!,
    issueDate: today
  })
  await call(app, 'invoices/issue', { invoiceId: voided, issueDate: today })
  await call(app, 'invoices/void', { invoiceId: voided, reason: 'Emitida por error' })

  // the invoice: the AEAT QR at its head, between "QR tributario:" and "VERI*FACTU"
  await page.goto(app.url)
  await page.goto(`${app.origin}/#/invoices/${kept}`)
  const document = page.getByRole('article')
  await expect(document.getByRole('img', { name: 'QR tributario:' })).toBeVisible()
  await expect(document.getByText('VERI*FACTU', { exact: true })).toBeVisible()
  const link = await document
    .getByRole('link')
    .filter({ has: page.getByRole('img', { name: 'QR tributario:' }) })
    .getAttribute('href')
  expect(link).toBe(
    `https://www2.agenciatributaria.gob.es/wlpl/TIKE-CONT/ValidarQR?nif=B12345674&numserie=${encodeURIComponent(issued.number)}&fecha=${today.split('-').reverse().join('-')}&importe=${(issued.total / 100).toFixed(2)}`
  )
  await expect(
    page.getByRole('region', { name: 'Verifactu records' }).getByText(/Alta F1/)
  ).toBeVisible()
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download as Verifactu' }).click()
  ])
  expect(download.suggestedFilename()).toBe(`${issued.number.replaceAll('/', '-')}.verifactu.xml`)
  expect(readFileSync((await download.path())!, 'utf8')).toContain('<sum1:RegistroAlta>')
  await shot(page, info, '01-invoice-with-aeat-qr')

  // Compliance: three records chained (two altas, one anulación), the chain holds, export
  await page.getByRole('link', { name: 'Compliance' }).click()
  const records = page.getByRole('region', { name: 'Verifactu records' })
  await expect(
    records.getByText(
      'The chain holds: all 3 records match their huella and the record before them.'
    )
  ).toBeVisible()
  await expect(records.getByRole('row', { name: /Anulación/ })).toBeVisible()
  const [suministro] = await Promise.all([
    page.waitForEvent('download'),
    records.getByRole('button', { name: 'Export records (SuministroLR)' }).click()
  ])
  const xml = readFileSync((await suministro.path())!, 'utf8')
  expect(xml.match(/<sum:RegistroFactura>/g)).toHaveLength(3)
  expect(xml).toContain('<sum1:RegistroAnulacion>')
  await shot(page, info, '02-compliance-verifactu')
})
