import { readFileSync } from 'node:fs'
import { returnedNfse } from '../../src/main/documents/einvoice/nfse/test-nfse'
import { call, expect, issuedThisMonth, monthlyPlan, shot, test } from './fixtures'

/**
 * NFS-e in browser mode: a Brazilian company sets its NFS-e codes on the Compliance screen,
 * downloads an invoice as DPS, imports the NFS-e the tax system returned for it (and one that
 * matches nothing), and sees the NFS-e number and access key on the invoice.
 */
test('a Brazilian invoice goes out as a DPS and comes back with its NFS-e', async ({
  page,
  app
}, info) => {
  await call(app, 'files/create', {
    legalName: 'Contabilidade Paulista Ltda',
    country: 'BR',
    defaultCurrency: 'BRL',
    defaultLanguage: 'en'
  })
  const { updatedAt: _at, ...company } = await call<Record<string, unknown>>(app, 'company/get', {})
  await call(app, 'company/update', {
    ...company,
    taxId: '16.727.230/0001-97',
    address: {
      line1: 'Avenida Paulista, 1000',
      line2: '',
      postalCode: '01310-100',
      city: 'São Paulo',
      region: 'SP'
    }
  })
  await call(app, 'plans/save', monthlyPlan('mensal', 'Contabilidade mensal', '800.00', 'BRL'))
  const customer = await call<{ id: number }>(app, 'customers/create', {
    name: 'Padaria Pão de Açúcar Ltda',
    country: 'BR',
    language: 'pt-BR',
    currency: 'BRL',
    taxId: '11.222.333/0001-81',
    emails: ['financeiro@padaria.com.br'],
    address: { line1: 'Rua Augusta, 500', postalCode: '01304-000', city: 'São Paulo' }
  })
  const issued = await issuedThisMonth(app, customer.id, 'mensal')

  // Compliance: the NFS-e card asks for the settings first, and lists the invoice as pending
  await page.goto(app.url)
  await page.goto(`${app.origin}/#/compliance`)
  const card = page.getByRole('region', { name: 'NFS-e (Brazil)' })
  await expect(card.getByRole('heading', { name: 'Invoices without an NFS-e (1)' })).toBeVisible()
  await expect(card.getByRole('row', { name: new RegExp(issued.number) })).toContainText(
    'No DPS exported yet'
  )
  await card.getByLabel('Municipality (IBGE code)').fill('355030')
  await card.getByLabel('National service code (cTribNac)').fill('170201')
  await card.getByRole('button', { name: 'Save NFS-e settings' }).click()
  await expect(card.getByText('Enter exactly 7 digits')).toBeVisible()
  await card.getByLabel('Municipality (IBGE code)').fill('3550308')
  await card.getByLabel('Environment').selectOption('test')
  await card.getByRole('button', { name: 'Save NFS-e settings' }).click()
  await expect(card.getByRole('status').getByText('Saved.')).toBeVisible()
  await shot(page, info, '01-compliance-nfse-settings')

  // the invoice: Download as DPS
  await page.goto(`${app.origin}/#/invoices/${issued.invoiceId}`)
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download as DPS' }).click()
  ])
  expect(download.suggestedFilename()).toBe(`${issued.number.replaceAll('/', '-')}.dps.xml`)
  const dps = readFileSync((await download.path())!, 'utf8')
  expect(dps).toContain('<cLocEmi>3550308</cLocEmi>')
  expect(dps).toContain('<tpAmb>2</tpAmb>')
  await expect(page.getByText(/DPS DPS3550308\d{35} exported/)).toBeVisible()

  // back on Compliance: one NFS-e that matches nothing, then the one of this invoice
  await page.goto(`${app.origin}/#/compliance`)
  const files = card.getByLabel('Import NFS-e files')
  const stranger = returnedNfse(
    dps
      .replace(/<nDPS>\d+<\/nDPS>/, '<nDPS>424242</nDPS>')
      .replace(/\d{15}"/, '000000000424242"')
      .replace('<tpAmb>2</tpAmb>', '<tpAmb>1</tpAmb>'),
    { nfseNumber: '99' }
  )
  await files.setInputFiles({
    name: 'other.xml',
    mimeType: 'application/xml',
    buffer: Buffer.from(stranger.xml)
  })
  await expect(card.getByText('0 recorded, 0 already recorded, 1 not matched.')).toBeVisible()
  await expect(card.getByText(/no invoice of this file has DPS/)).toBeVisible()
  // the trial NFS-e of the test environment is reported, never recorded
  await files.setInputFiles({
    name: 'trial.xml',
    mimeType: 'application/xml',
    buffer: Buffer.from(returnedNfse(dps, { nfseNumber: '5' }).xml)
  })
  await expect(card.getByText(/is from the test environment/)).toBeVisible()

  // production: the DPS is made again (no NFS-e yet), under the same Id
  await card.locator('summary', { hasText: 'NFS-e settings' }).click()
  await card.getByLabel('Environment').selectOption('production')
  await card.getByRole('button', { name: 'Save NFS-e settings' }).click()
  await expect(card.getByRole('status').getByText('Saved.')).toBeVisible()
  await page.goto(`${app.origin}/#/invoices/${issued.invoiceId}`)
  const [again] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download as DPS' }).click()
  ])
  const production = readFileSync((await again.path())!, 'utf8')
  expect(production).toContain('<tpAmb>1</tpAmb>')
  expect(production.match(/Id="DPS\d{42}"/)![0]).toBe(dps.match(/Id="DPS\d{42}"/)![0])
  await page.goto(`${app.origin}/#/compliance`)
  const returned = returnedNfse(production, { nfseNumber: '17' })
  await files.setInputFiles({
    name: 'nfse-17.xml',
    mimeType: 'application/xml',
    buffer: Buffer.from(returned.xml)
  })
  await expect(card.getByText('1 recorded, 0 already recorded, 0 not matched.')).toBeVisible()
  await expect(card.getByText('Every invoice has its NFS-e')).toBeVisible()
  await expect(card.getByRole('row', { name: new RegExp(issued.number) })).toContainText(
    returned.accessKey
  )
  await shot(page, info, '02-compliance-nfse-imported')

  // the invoice shows its NFS-e, and so does its printout
  await page.goto(`${app.origin}/#/invoices/${issued.invoiceId}`)
  const nfse = page.getByRole('region', { name: 'NFS-e (Brazil)' })
  await expect(nfse.getByText(returned.accessKey)).toBeVisible()
  await expect(nfse.getByText('17', { exact: true })).toBeVisible()
  await expect(
    page.getByRole('article').getByText(/Chave de acesso da NFS-e: \d{4} \d{4}/)
  ).toBeVisible()
  await shot(page, info, '03-invoice-with-nfse')
})
