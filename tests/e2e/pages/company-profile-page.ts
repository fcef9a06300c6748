import { expect, type Locator, type Page } from '@playwright/test'

export interface ProfileValues {
  legalName: string
  taxId: string
  line1: string
  postalCode: string
  city: string
  region: string
  email: string
  phone: string
  iban: string
  bic: string
  invoiceNumberFormat: string
}

/** Settings › Company profile. */
export class CompanyProfilePage {
  readonly form: Locator

  constructor(private readonly page: Page) {
    this.form = page.getByRole('form', { name: 'Company profile' })
  }

  async open(): Promise<void> {
    await this.page.getByRole('link', { name: 'Settings' }).click()
    await expect(
      this.page.getByRole('heading', { level: 1, name: 'Company profile' })
    ).toBeVisible()
  }

  /** A text field by its accessible name (the required-field asterisk is aria-hidden). */
  field(label: string): Locator {
    return this.form.getByRole('textbox', { name: label, exact: true })
  }

  async fill(values: Partial<ProfileValues>): Promise<void> {
    const labels: Record<keyof ProfileValues, string> = {
      legalName: 'Legal name',
      taxId: 'NIP',
      line1: 'Street and number',
      postalCode: 'Postal code',
      city: 'City',
      region: 'Region or state',
      email: 'Email',
      phone: 'Phone',
      iban: 'IBAN',
      bic: 'BIC / SWIFT',
      invoiceNumberFormat: 'Invoice number format'
    }
    for (const [key, value] of Object.entries(values) as [keyof ProfileValues, string][]) {
      await this.field(labels[key]).fill(value)
    }
  }

  async save(): Promise<void> {
    await this.form.getByRole('button', { name: 'Save changes' }).click()
  }

  /** The error shown beside a field (its aria-describedby text). */
  errorOf(label: string): Locator {
    return this.field(label).locator('xpath=following-sibling::p[contains(@class, "field-error")]')
  }
}
