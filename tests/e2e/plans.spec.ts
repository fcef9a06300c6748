import { typedDay } from './dates'
import { expect, shot, test } from './fixtures'
import { PlansPage } from './pages/plans-page'
import { StartPage } from './pages/start-page'

test('plans: a graduated usage plan with its tiers explained by the calculator, versions, coupons, tax rates', async ({
  page,
  app
}, info) => {
  await page.goto(app.url)
  await new StartPage(page).createCompany('Biuro Plany')
  const plans = new PlansPage(page)
  await plans.open()
  await expect(page.getByText('No plans yet')).toBeVisible()
  await plans.startNew()

  await plans.textbox('Name').fill('API usage')
  await plans.textbox('Code').fill('api')
  const price = plans.price(1)
  await price.getByRole('textbox', { name: 'Description' }).fill('API calls')
  await price.getByRole('combobox', { name: 'Charge model' }).selectOption('graduated')
  await price.getByRole('combobox', { name: 'Charged on' }).selectOption('usage')
  await price.getByRole('textbox', { name: 'Usage metric' }).fill('api_calls')
  await price.getByRole('textbox', { name: 'Event property' }).fill('quantity')
  // limits out of order: the tier table says where
  await plans.fillTiers(price, [
    { upTo: '1000', unitPrice: '0.10' },
    { upTo: '500', unitPrice: '0.08' },
    { unitPrice: '0.05' }
  ])
  await page.getByRole('button', { name: 'Create plan' }).click()
  await expect(price.getByText('Must be greater than 1000')).toBeVisible()
  await expect(page.getByText('Fix the fields marked in the plan to see prices.')).toBeVisible()
  await price.getByRole('textbox', { name: 'Tier 2: Up to' }).fill('5000')

  // 1,250 calls: 1,000 × 0.10 + 250 × 0.08 = 120.00
  const calc = plans.calculator()
  await expect(
    calc.getByText('Tier 1 (above 0 up to 1,000): 1,000 × PLN 0.10 = PLN 100.00')
  ).toBeVisible()
  await expect(
    calc.getByText('Tier 2 (above 1,000 up to 5,000): 250 × PLN 0.08 = PLN 20.00')
  ).toBeVisible()
  await expect(calc.locator('tfoot')).toContainText('PLN 120.00')
  await page.getByRole('textbox', { name: 'Usage quantity' }).fill('6000')
  // 100.00 + 4,000 × 0.08 + 1,000 × 0.05 = 470.00
  await expect(calc.locator('tfoot')).toContainText('PLN 470.00')
  await page.getByRole('textbox', { name: 'Usage quantity' }).fill('1250')
  await expect(calc.locator('tfoot')).toContainText('PLN 120.00')
  await shot(page, info, '01-plan-editor-calculator')
  await page.getByRole('button', { name: 'Create plan' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Plans and prices' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'API usage' })).toBeVisible()

  // a monthly flat plan
  await plans.startNew()
  await plans.textbox('Name').fill('Pro monthly')
  await plans.textbox('Code').fill('pro')
  await plans.price(1).getByRole('textbox', { name: 'Description' }).fill('Pro subscription')
  await plans.price(1).getByRole('textbox', { name: 'Amount' }).fill('99.00')
  await expect(plans.calculator().locator('tfoot')).toContainText('PLN 99.00')
  await page.getByRole('button', { name: 'Create plan' }).click()
  await expect(page.getByRole('link', { name: 'Pro monthly' })).toBeVisible()
  await expect(page.getByRole('row', { name: /Pro monthly/ })).toContainText('monthly · PLN')
  await shot(page, info, '02-plans-list')

  // a new price from a later date is a new version; the old one stays in force until then
  await page.getByRole('link', { name: 'Pro monthly' }).click()
  await expect(
    page.getByRole('heading', { level: 1, name: 'New price version of Pro monthly' })
  ).toBeVisible()
  await plans.price(1).getByRole('textbox', { name: 'Amount' }).fill('109.00')
  // a price list for one segment: Enterprise customers pay 89.00
  await page.getByRole('combobox', { name: 'Segment', exact: true }).fill('Enterprise')
  await page.getByRole('button', { name: 'Add a price list' }).click()
  const enterprise = page.getByRole('region', { name: 'Prices for Enterprise' })
  await enterprise.getByRole('textbox', { name: 'Amount' }).fill('89.00')
  await page.getByRole('combobox', { name: 'Prices for' }).selectOption('Enterprise')
  await expect(plans.calculator().locator('tfoot')).toContainText('PLN 89.00')
  await page.getByRole('combobox', { name: 'Prices for' }).selectOption('')
  await expect(plans.calculator().locator('tfoot')).toContainText('PLN 109.00')
  await shot(page, info, '02b-segment-price-list')
  await page.getByLabel('Effective from').fill(typedDay('2099-01-01'))
  await page.getByRole('button', { name: 'Save new version' }).click()
  await expect(page.getByRole('row', { name: /Pro monthly/ })).toContainText('Version 1 from')
  await page.getByRole('link', { name: 'Pro monthly' }).click()
  await expect(page.getByText('Version 2 from 1 Jan 2099')).toBeVisible()
  await expect(plans.price(1).getByRole('textbox', { name: 'Amount' })).toHaveValue('99.00')

  // coupons and tax rates
  await page.getByRole('link', { name: 'Cancel' }).click()
  await page.getByRole('link', { name: 'Coupons' }).click()
  await expect(page.getByText('No coupons yet.')).toBeVisible()
  await plans.textbox('Code').fill('WELCOME10')
  await plans.textbox('Name').fill('Welcome 10 %')
  await plans.textbox('Percent').fill('150')
  await page.getByRole('button', { name: 'Create coupon' }).click()
  await expect(page.locator('.field-error').first()).toBeVisible()
  await plans.textbox('Percent').fill('10')
  await page.getByRole('button', { name: 'Create coupon' }).click()
  await expect(page.getByRole('cell', { name: 'WELCOME10' })).toBeVisible()
  await shot(page, info, '03-coupons')
  await page.getByRole('link', { name: 'Tax rates' }).click()
  await expect(page.getByRole('cell', { name: '23 %' }).first()).toBeVisible()
  await shot(page, info, '04-tax-rates')
})
