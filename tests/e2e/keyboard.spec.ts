import type { Page } from '@playwright/test'
import { call, expect, shot, test } from './fixtures'

/** Presses Tab until the focused element reads `name` (its text or label); fails after 80 stops. */
async function tabTo(page: Page, name: string): Promise<void> {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab')
    const focused = await page.evaluate(
      `(() => { const el = document.activeElement; return (el?.getAttribute('aria-label') || el?.textContent || '').trim() })()`
    )
    if (focused === name) return
  }
  throw new Error(`Tab never reached "${name}"`)
}

test('a customer is added, found and archived with the keyboard alone', async ({
  page,
  app
}, info) => {
  await call(app, 'files/create', {
    legalName: 'Biuro Klawiatura',
    country: 'PL',
    defaultCurrency: 'PLN',
    defaultLanguage: 'pl'
  })
  await page.goto(app.url)
  await page.getByRole('heading', { level: 1, name: 'Biuro Klawiatura' }).waitFor()

  await tabTo(page, 'Customers')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { level: 1, name: 'Customers' })).toBeVisible()
  await tabTo(page, 'New customer')
  await page.keyboard.press('Enter')
  // the form opens with the name field focused; Enter in a field sends the form
  await expect(page.getByRole('textbox', { name: 'Name', exact: true })).toBeFocused()
  await page.keyboard.type('Klawiszowa Sp. z o.o.')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { level: 1, name: 'Klawiszowa Sp. z o.o.' })).toBeVisible()

  // a destructive action asks first; Escape takes it back, Enter on the button confirms
  await tabTo(page, 'Archive')
  await page.keyboard.press('Enter')
  const dialog = page.getByRole('dialog', { name: 'Archive this customer?' })
  await expect(dialog).toBeVisible()
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  // closing gives the focus back to the button that opened the dialog
  await expect(page.getByRole('button', { name: 'Archive', exact: true })).toBeFocused()
  await page.keyboard.press('Enter')
  await page.keyboard.press('Tab')
  await expect(dialog.getByRole('button', { name: 'Archive' })).toBeFocused()
  await shot(page, info, '01-confirm-by-keyboard')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('button', { name: 'Restore from archive' })).toBeVisible()

  // search from the keyboard, and open the result
  await tabTo(page, 'Customers')
  await page.keyboard.press('Enter')
  await tabTo(page, 'Status')
  await page.keyboard.press('End')
  await expect(page.getByRole('combobox', { name: 'Status' })).toHaveValue('all')
  await tabTo(page, 'Klawiszowa Sp. z o.o.')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { level: 1, name: 'Klawiszowa Sp. z o.o.' })).toBeVisible()
})
