import { StartPage } from './pages/start-page'
import { expect, shot, test } from './fixtures'

test('switching to Polish makes the UI Polish, and it stays Polish', async ({
  page,
  app
}, info) => {
  await page.goto(app.url)
  await new StartPage(page).createCompany('Zakład Usług Księgowych Łódź')
  await page.getByRole('link', { name: 'Settings' }).click()
  await page.getByRole('link', { name: 'Preferences' }).click()
  await shot(page, info, '01-preferences-english')
  await page.getByLabel('Language of Facturo').selectOption('pl')

  await expect(page.getByRole('heading', { level: 1, name: 'Preferencje' })).toBeVisible()
  await expect(
    page.getByRole('navigation', { name: 'Sekcje' }).getByRole('link', { name: 'Ustawienia' })
  ).toBeVisible()
  await expect(page.getByLabel('Język Facturo')).toHaveValue('pl')
  await expect(page.locator('html')).toHaveAttribute('lang', 'pl')
  await shot(page, info, '02-preferences-polish')

  await page.getByRole('link', { name: 'Firma' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Profil firmy' })).toBeVisible()
  await expect(page.getByLabel('Pełna nazwa firmy')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Zapisz zmiany' })).toBeVisible()
  await page.getByLabel('NIP').fill('1234567890')
  await page.getByRole('button', { name: 'Zapisz zmiany' }).click()
  await expect(
    page.getByText('Cyfra kontrolna tego NIP się nie zgadza: sprawdź, czy nie ma literówki').first()
  ).toBeVisible()
  await shot(page, info, '03-company-polish-error')

  await page.reload()
  await expect(page.getByRole('heading', { level: 1, name: 'Profil firmy' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Pulpit' })).toBeVisible()
})

test('the UI follows the system language until one is chosen', async ({ browser, app }) => {
  const context = await browser.newContext({ locale: 'es-ES' })
  const page = await context.newPage()
  await page.goto(app.url)
  await expect(page.getByRole('heading', { name: 'Prepara un archivo de empresa' })).toBeVisible()
  await expect(page.getByLabel('País')).toHaveValue('ES')
  await expect(page.getByLabel('Moneda predeterminada')).toHaveValue('EUR')
  await context.close()
})
