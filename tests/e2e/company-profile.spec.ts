import { Buffer } from 'node:buffer'
import type { Page } from '@playwright/test'
import { TINY_PNG_BASE64 } from '../../src/shared/test-fixtures'
import { CompanyProfilePage, type ProfileValues } from './pages/company-profile-page'
import { StartPage } from './pages/start-page'
import { expect, shot, test, type BrowserMode } from './fixtures'

const NAME = 'Zakład Usług Księgowych Łódź'
const PROFILE: ProfileValues = {
  legalName: NAME,
  taxId: '123-456-32-18',
  line1: 'ul. Żeromskiego 115 lok. 3',
  postalCode: '90-542',
  city: 'Łódź',
  region: 'łódzkie',
  email: 'biuro@księgowość-łódź.pl'.replace('księgowość-łódź', 'zuk-lodz'),
  phone: '+48 42 636 12 34',
  iban: 'PL61 1090 1014 0000 0712 1981 2874',
  bic: 'WBKPPLPP',
  invoiceNumberFormat: 'FV/{YYYY}/{MM}/{seq:4}'
}

async function apiGetCompany(app: { origin: string; token: string }) {
  const res = await fetch(`${app.origin}/api/company/get`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-facturo-token': app.token },
    body: '{}'
  })
  return (await res.json()) as {
    ok: boolean
    value: Record<string, unknown> & { address: Record<string, string> }
  }
}

/** A new company file with the profile form open and filled (not saved). */
async function filledProfile(page: Page, app: BrowserMode): Promise<CompanyProfilePage> {
  await page.goto(app.url)
  await new StartPage(page).createCompany(NAME)
  const profile = new CompanyProfilePage(page)
  await profile.open()
  await profile.fill(PROFILE)
  return profile
}

test('the company profile keeps Polish text across a reload', async ({ page, app }, info) => {
  await page.goto(app.url)
  await shot(page, info, '01-start-screen')
  await new StartPage(page).createCompany(NAME)
  await shot(page, info, '02-home')

  const profile = new CompanyProfilePage(page)
  await profile.open()
  await profile.fill(PROFILE)
  await expect(profile.form.getByText(/numbered FV\/\d{4}\/\d{2}\/0001/)).toBeVisible()
  await expect(profile.form.getByText('Amounts will look like PLN 1,234.56')).toBeVisible()
  await shot(page, info, '03-filled')
  await profile.save()
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible()
  await shot(page, info, '04-saved')

  await page.reload()
  await expect(profile.field('Street and number')).toHaveValue(PROFILE.line1)
  await expect(profile.field('Legal name')).toHaveValue(NAME)
  await expect(profile.field('City')).toHaveValue('Łódź')
  await expect(profile.field('Region or state')).toHaveValue('łódzkie')
  // identifiers come back in their compact canonical form
  await expect(profile.field('NIP')).toHaveValue('1234563218')
  await expect(profile.field('IBAN')).toHaveValue('PL61109010140000071219812874')
  await expect(profile.field('Invoice number format')).toHaveValue(PROFILE.invoiceNumberFormat)
  await shot(page, info, '05-after-reload')

  const stored = await apiGetCompany(app)
  expect(stored.value.legalName).toBe(NAME)
  expect(stored.value.address.line1).toBe(PROFILE.line1)
  // the sidebar names the company
  await expect(page.getByRole('complementary').getByText(NAME, { exact: true })).toBeVisible()
})

test('an invalid NIP is shown beside its field and nothing is saved', async ({
  page,
  app
}, info) => {
  const profile = await filledProfile(page, app)
  await profile.save()
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible()
  const before = await apiGetCompany(app)

  await profile.fill({ taxId: '123-456-32-17', city: 'Łódź-Bałuty' })
  await profile.save()
  await expect(profile.errorOf('NIP')).toHaveText(
    "This NIP's check digit does not match: check for a typo"
  )
  await expect(profile.field('NIP')).toHaveAttribute('aria-invalid', 'true')
  await expect(
    page.getByRole('alert').filter({ hasText: '1 field needs attention; nothing was saved' })
  ).toBeVisible()
  await shot(page, info, '01-nip-error')

  const after = await apiGetCompany(app)
  expect(after.value).toEqual(before.value)
  await page.reload()
  await expect(profile.field('NIP')).toHaveValue('1234563218')
  await expect(profile.field('City')).toHaveValue('Łódź')
  await shot(page, info, '02-after-reload-unchanged')
})

test('a logo is stored in the company file; one over 1 MB is refused', async ({
  page,
  app
}, info) => {
  const profile = await filledProfile(page, app)
  const png = Buffer.from(TINY_PNG_BASE64, 'base64')
  await page
    .getByLabel('Choose image…')
    .setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: png })
  await expect(page.getByRole('img', { name: 'Company logo' })).toBeVisible()
  await profile.save()
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible()
  expect((await apiGetCompany(app)).value.logo).toEqual({
    mimeType: 'image/png',
    dataBase64: png.toString('base64')
  })

  const big = Buffer.concat([png, Buffer.alloc(1024 * 1024)])
  await page
    .getByLabel('Choose image…')
    .setInputFiles({ name: 'big.png', mimeType: 'image/png', buffer: big })
  await expect(
    page.getByRole('group', { name: 'Logo' }).getByText('The logo must be 1 MB or smaller')
  ).toBeVisible()
  await shot(page, info, '01-logo-too-large')
  await page.reload()
  await expect(page.getByRole('img', { name: 'Company logo' })).toBeVisible()
})
