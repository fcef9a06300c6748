import { call, expect, monthlyPlan, shot, test } from './fixtures'

test('the dashboard catches up on missed billing with one button', async ({ page, app }, info) => {
  await call(app, 'files/create', {
    legalName: 'Biuro Pulpit',
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
  // subscribed since the 1st of two months ago, and never billed: two periods are missed
  const now = new Date()
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 2, 1))
  await call(app, 'subscriptions/create', {
    customerId: customer.id,
    planCode: 'office',
    startDate: start.toISOString().slice(0, 10)
  })
  await page.setViewportSize({ width: 1920, height: 1080 })
  await page.goto(app.url)
  const billing = page.getByRole('region', { name: 'Billing' })
  await expect(billing.getByText('Billing is due')).toBeVisible()
  await expect(billing).toContainText('No billing run yet')
  await shot(page, info, '01-billing-due-1920')
  await billing.getByRole('button', { name: 'Catch up to today' }).click()
  const done = page.getByRole('region', { name: 'Billing run finished' })
  await expect(done).toBeVisible()
  // every missed period once, in order: three months (two past and this one, billed in advance)
  await expect(done.getByRole('row')).toHaveCount(4)
  await shot(page, info, '02-caught-up')
  await done.getByRole('button', { name: 'Close' }).click()
  await expect(page.getByRole('group', { name: 'Needs attention' })).toContainText('3 invoices')
  await expect(billing.getByText('Billing is due')).toBeHidden()
  await page.getByRole('link', { name: /Drafts to review/ }).click()
  await expect(page.getByRole('combobox', { name: 'Status' })).toHaveValue('draft')
  await expect(page.getByRole('table', { name: 'Totals' })).toContainText('3')
  await shot(page, info, '03-drafts-1920')
})
