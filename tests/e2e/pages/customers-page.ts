import { expect, type Locator, type Page } from '@playwright/test'

export interface NewCustomer {
  name: string
  country?: string
  taxId?: string
  emails?: string
  city?: string
  segment?: string
  tags?: string
  currency?: string
}

/** Customers: the list, the form and a customer's page. */
export class CustomersPage {
  readonly list: Locator

  constructor(private readonly page: Page) {
    this.list = page.getByRole('table', { name: 'Customers' })
  }

  async open(): Promise<void> {
    await this.page.getByRole('navigation').getByRole('link', { name: 'Customers' }).click()
    await this.page.getByRole('heading', { level: 1, name: 'Customers' }).waitFor()
  }

  async search(text: string): Promise<void> {
    await this.page.getByRole('searchbox', { name: 'Search customers' }).fill(text)
  }

  /** The names shown in the list, in order. */
  async names(): Promise<string[]> {
    return this.list.getByRole('row').locator('a.row-link').allInnerTexts()
  }

  async fillForm(c: NewCustomer): Promise<void> {
    const page = this.page
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill(c.name)
    if (c.country)
      await page.getByRole('combobox', { name: 'Country', exact: true }).selectOption(c.country)
    if (c.taxId !== undefined) await page.locator('[name="taxId"]').fill(c.taxId)
    if (c.emails)
      await page.getByRole('textbox', { name: 'Invoice emails', exact: true }).fill(c.emails)
    if (c.city) await page.getByRole('textbox', { name: 'City', exact: true }).fill(c.city)
    if (c.currency)
      await page.getByRole('combobox', { name: 'Currency', exact: true }).selectOption(c.currency)
    if (c.segment) await page.getByRole('textbox', { name: 'Segment', exact: true }).fill(c.segment)
    if (c.tags) await page.getByRole('textbox', { name: 'Tags', exact: true }).fill(c.tags)
  }

  /** Fills the new-customer form and saves it; waits for the customer's page. */
  async create(c: NewCustomer): Promise<void> {
    await this.page.goto(`${new URL(this.page.url()).origin}/#/customers/new`)
    await this.page.getByRole('heading', { level: 1, name: 'New customer' }).waitFor()
    await this.fillForm(c)
    await this.page.getByRole('button', { name: 'Create customer' }).click()
    await expect(this.page.getByRole('heading', { level: 1, name: c.name })).toBeVisible()
  }
}
