import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { call, expect, monthlyPlan, shot, test } from './fixtures'

/** A draft line by unit price, then a payment recorded by mistake and reversed. */
test('a draft line is quantity × unit price; a payment is reversed and its invoice owed again', async ({
  page,
  app
}, info) => {
  await call(app, 'files/create', {
    legalName: 'Biuro Płatności',
    country: 'PL',
    defaultCurrency: 'PLN',
    defaultLanguage: 'pl'
  })
  await call(app, 'plans/save', monthlyPlan('office', 'Office', '100.00'))
  const customer = await call<{ id: number }>(app, 'customers/create', {
    name: 'Gamma',
    country: 'PL',
    language: 'pl',
    currency: 'PLN'
  })
  const now = new Date()
  const first = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-01`
  const today = `${first.slice(0, 8)}${String(now.getDate()).padStart(2, '0')}`
  await call(app, 'subscriptions/create', {
    customerId: customer.id,
    planCode: 'office',
    startDate: first
  })
  const run = await call<{ customers: { invoices: { invoiceId: number }[] }[] }>(
    app,
    'billing/run',
    { asOf: today, dryRun: false }
  )
  const draft = run.customers[0]!.invoices[0]!.invoiceId
  await page.goto(app.url)
  // a plan in another currency than the customer's is pointed out before subscribing
  const euro = monthlyPlan('office-eur', 'Office EUR', '25.00')
  await call(app, 'plans/save', { ...euro, plan: { ...euro.plan, currency: 'EUR' } })
  await page.goto(`${app.origin}/#/subscriptions/new?customer=${customer.id}`)
  await page.getByRole('combobox', { name: 'Plan', exact: true }).selectOption('office-eur')
  await expect(
    page.getByText('This customer is invoiced in PLN, and this plan is in EUR')
  ).toBeVisible()
  await shot(page, info, '00-other-currency')
  await page.getByRole('combobox', { name: 'Plan', exact: true }).selectOption('office')
  await expect(page.getByText('This customer is invoiced in PLN')).toBeHidden()
  await page.goto(`${app.origin}/#/invoices/${draft}`)
  await page.getByRole('button', { name: 'Add a line' }).click()
  const dialog = page.getByRole('dialog', { name: 'Add a line' })
  await dialog.getByRole('textbox', { name: 'Description', exact: true }).fill('Wdrożenie')
  await dialog.getByRole('textbox', { name: 'Quantity', exact: true }).fill('3')
  await dialog.getByRole('textbox', { name: /Unit price/ }).fill('0,125')
  // the company's standard rate comes first, and the amount is shown as it is typed
  await expect(dialog.getByRole('combobox', { name: 'Tax rate' })).toHaveValue('standard')
  await expect(dialog.getByTestId('line-amount')).toHaveText(/0\.38/)
  await dialog.getByRole('textbox', { name: /Unit price/ }).fill('75')
  await expect(dialog.getByTestId('line-amount')).toHaveText(/225\.00/)
  await shot(page, info, '01-add-line')
  await dialog.getByRole('button', { name: 'Add a line' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('row', { name: /Wdrożenie/ }).first()).toContainText('225.00')

  // issued and paid, then the payment turns out to be a mistake (100 + 225 = 325, + 23 % VAT)
  await call(app, 'invoices/issue', { invoiceId: draft, issueDate: today })
  // the PDF main renders, in the customer's language (Polish), downloaded from the invoice page
  await page.goto(`${app.origin}/#/invoices/${draft}`)
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download PDF' }).click()
  ])
  const pdfFile = join(info.outputDir, download.suggestedFilename())
  await download.saveAs(pdfFile)
  expect(download.suggestedFilename()).toMatch(/^\d{4}-\d{6}\.pdf$/)
  expect(readFileSync(pdfFile).subarray(0, 5).toString()).toBe('%PDF-')
  const pdfText = execFileSync('pdftotext', ['-layout', pdfFile, '-'], { encoding: 'utf8' })
  expect(pdfText).toContain('Faktura')
  expect(pdfText).toContain('Wdrożenie')
  expect(pdfText).toContain('Gamma')
  await call(app, 'payments/record', {
    customerId: customer.id,
    date: today,
    method: 'bank_transfer',
    amount: 39975,
    currency: 'PLN',
    reference: 'TR-77'
  })
  await page.goto(`${app.origin}/#/customers/${customer.id}`)
  const statement = page.getByRole('region', { name: 'Statement' })
  await expect(statement.getByRole('row', { name: /TR-77/ })).toContainText('399.75')
  await statement.getByRole('button', { name: 'Reverse' }).click()
  const reverse = page.getByRole('dialog', { name: 'Reverse a payment' })
  await expect(reverse).toContainText('TR-77')
  await reverse.getByRole('textbox', { name: /Reason/ }).fill('Returned by the bank')
  await shot(page, info, '02-reverse-dialog')
  await reverse.getByRole('button', { name: 'Reverse' }).click()
  await expect(reverse).toBeHidden()
  await expect(statement.getByRole('row', { name: /Payment reversed/ })).toContainText(
    'Returned by the bank'
  )
  await expect(statement.getByRole('row', { name: /TR-77/ }).first()).toContainText('reversed')
  await expect(statement.getByRole('button', { name: 'Reverse' })).toHaveCount(0)
  await shot(page, info, '03-statement-reversed')
  // the invoice is owed again, and its history says why
  await page.goto(`${app.origin}/#/invoices/${draft}`)
  await expect(page.getByText('Payment reversed').first()).toBeVisible()
  const summary = page.getByRole('region', { name: 'Summary' })
  await expect(summary.locator('dt', { hasText: 'Outstanding' }).locator('+ dd')).toHaveText(
    /399\.75/
  )
  await shot(page, info, '04-invoice-owed-again')
})
