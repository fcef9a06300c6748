import type { Page } from '@playwright/test'

/** The start screen: create a company file or open one. */
export class StartPage {
  constructor(private readonly page: Page) {}

  async createCompany(name: string, country = 'PL'): Promise<void> {
    await this.page.getByLabel('Legal name').fill(name)
    await this.page.getByLabel('Country').selectOption(country)
    await this.page.getByRole('button', { name: 'Create company file' }).click()
    await this.page.getByRole('heading', { level: 1, name }).waitFor()
  }
}
