import { typedDay } from './dates'
import { call, expect, monthlyPlan, shot, test } from './fixtures'
import { StartPage } from './pages/start-page'

test('subscriptions: subscribe, change with a proration preview, pause, retention offer, cancel at period end, undo', async ({
  page,
  app
}, info) => {
  await page.goto(app.url)
  await new StartPage(page).createCompany('Biuro Subskrypcje')
  await call(app, 'plans/save', monthlyPlan('pro', 'Pro', '100.00'))
  await call(app, 'plans/save', monthlyPlan('basic', 'Basic', '40.00'))
  const customer = await call<{ id: number }>(app, 'customers/create', {
    name: 'Kwiaciarnia Róża',
    country: 'PL',
    language: 'pl',
    currency: 'PLN'
  })

  // the company's retention offer: the cheaper plan
  await page.goto(`${app.origin}/#/settings/billing`)
  await page.getByRole('combobox', { name: 'Cheaper plan to offer' }).selectOption('basic')
  await page.getByRole('button', { name: 'Save changes' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible()
  await shot(page, info, '01-settings-billing')

  // subscribe from the customer's page, starting on the 1st of this month
  const today = new Date().toISOString().slice(0, 10)
  const first = `${today.slice(0, 8)}01`
  await page.goto(`${app.origin}/#/customers/${customer.id}`)
  await page.getByRole('link', { name: 'New subscription' }).click()
  await expect(page.getByRole('combobox', { name: 'Customer' })).toHaveValue(String(customer.id))
  await page.getByRole('combobox', { name: 'Plan' }).selectOption('pro')
  await page.getByLabel('Start date').fill(typedDay(first))
  await page.getByRole('textbox', { name: 'Quantity' }).fill('2')
  await shot(page, info, '02-new-subscription')
  await page.getByRole('button', { name: 'Start subscription' }).click()
  await expect(
    page.getByRole('heading', { level: 1, name: 'Pro for Kwiaciarnia Róża' })
  ).toBeVisible()
  // this month is billed (in advance), so a change now credits and charges the days left
  await call(app, 'billing/run', { asOf: first, dryRun: false })

  // a change now is previewed with its credit and charge lines before it is kept
  await page.getByRole('button', { name: 'Change plan or quantity' }).click()
  const change = page.getByRole('dialog', { name: 'Change plan or quantity' })
  await change.getByRole('textbox', { name: 'Quantity' }).fill('3')
  await expect(change.getByRole('button', { name: 'Confirm the change' })).toBeDisabled()
  await change.getByRole('button', { name: 'Preview' }).click()
  const preview = change.getByRole('region', { name: 'Preview' })
  await expect(preview.getByText(/^Credit: /)).toBeVisible()
  await expect(preview.getByText(/^Charge: /)).toBeVisible()
  await shot(page, info, '03-change-preview')
  await change.getByRole('button', { name: 'Confirm the change' }).click()
  await expect(change).toBeHidden()
  await expect(
    page
      .getByRole('region', { name: 'Plan and add-ons' })
      .getByRole('cell', { name: '3', exact: true })
  ).toBeVisible()

  // cancelling offers the cheaper plan first; declining leads to the cancellation itself
  await page.getByRole('button', { name: 'Cancel subscription' }).click()
  const cancel = page.getByRole('dialog', { name: 'Cancel the subscription' })
  await expect(
    cancel.getByRole('button', { name: 'Customer moves to the cheaper plan (basic)' })
  ).toBeVisible()
  await cancel.getByRole('textbox', { name: 'Reason' }).fill('Too expensive')
  await shot(page, info, '04-retention-offer')
  await cancel.getByRole('button', { name: 'Customer declines: continue cancelling' }).click()
  await expect(cancel.getByRole('combobox', { name: 'When' })).toHaveValue('period_end')
  await cancel.getByRole('button', { name: 'Preview' }).click()
  await cancel.getByRole('button', { name: 'Confirm the cancellation' }).click()
  await expect(
    page.getByText('Cancelled at the end of the period. Reason: Too expensive.', { exact: false })
  ).toBeVisible()
  await expect(page.locator('.page-actions').getByText('Cancelling')).toBeVisible()
  await shot(page, info, '05-cancelling')

  // undo while the period lasts
  await page.getByRole('button', { name: 'Undo cancellation' }).click()
  await page
    .getByRole('dialog', { name: 'Undo the cancellation?' })
    .getByRole('button', { name: 'Undo cancellation' })
    .click()
  await expect(page.locator('.page-actions').getByText('Active')).toBeVisible()

  // the upcoming invoice: what next month's run will bill, as the customer will read it
  const upcoming = page.getByRole('region', { name: 'Upcoming invoice' })
  const next = await call<{ billDate: string; invoice: { subtotals: { total: number } } }>(
    app,
    'subscriptions/upcoming',
    { subscriptionId: Number(page.url().split('/').pop()) }
  )
  // priced as that run will: the same total as a preview of the run on that day (the change's
  // proration lines join it)
  const run = await call<{ customers: { invoices: { total: number }[] }[] }>(app, 'billing/run', {
    asOf: next.billDate,
    dryRun: true
  })
  expect(next.invoice.subtotals.total).toBe(run.customers[0]!.invoices[0]!.total)
  const total = new Intl.NumberFormat('pl-PL', { style: 'currency', currency: 'PLN' }).format(
    next.invoice.subtotals.total / 100
  )
  await expect(upcoming.getByRole('article', { name: 'Nadchodząca faktura' })).toContainText(total)
  await expect(upcoming).toContainText('PODGLĄD')
  await upcoming.getByRole('button', { name: 'Preview' }).click()
  const pdf = page.getByRole('dialog', { name: 'Upcoming invoice' })
  await expect(pdf.getByRole('img')).toHaveAttribute('aria-label', /Nadchodząca faktura/)
  await shot(page, info, '05a-upcoming-invoice-pdf')
  await pdf.getByRole('button', { name: 'Close' }).click()
  await upcoming.scrollIntoViewIfNeeded()
  await shot(page, info, '05b-upcoming-invoice')

  // the list of every subscription, filtered by status
  await page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('link', { name: 'Subscriptions' })
    .click()
  await expect(page.getByText('1 subscription')).toBeVisible()
  await page.getByRole('combobox', { name: 'Status' }).selectOption('cancelling')
  await expect(page.getByText('No subscription matches')).toBeVisible()
  await page.getByRole('combobox', { name: 'Status' }).selectOption('active')
  await expect(page.getByRole('link', { name: 'Kwiaciarnia Róża' })).toBeVisible()
  await shot(page, info, '06-subscriptions-list')
})
