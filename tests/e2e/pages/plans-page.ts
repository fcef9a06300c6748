import type { Locator, Page } from '@playwright/test'

export interface TierRow {
  upTo?: string
  unitPrice: string
  flatFee?: string
}

/** Plans and prices: the list, the plan editor with its tier tables and the calculator. */
export class PlansPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('link', { name: 'Plans and prices' })
      .click()
    await this.page.getByRole('heading', { level: 1, name: 'Plans and prices' }).waitFor()
  }

  async startNew(): Promise<void> {
    await this.page.getByRole('link', { name: 'New plan' }).first().click()
    await this.page.getByRole('heading', { level: 1, name: 'New plan' }).waitFor()
  }

  textbox(name: string): Locator {
    return this.page.getByRole('textbox', { name, exact: true })
  }

  combobox(name: string): Locator {
    return this.page.getByRole('combobox', { name, exact: true })
  }

  /** The n-th price's fieldset (1-based). */
  price(n: number): Locator {
    return this.page.getByRole('group', { name: new RegExp(`^Price ${n}:`) })
  }

  async fillTiers(price: Locator, tiers: TierRow[]): Promise<void> {
    for (let i = 1; i < tiers.length; i++)
      await price.getByRole('button', { name: 'Add a tier' }).click()
    for (const [i, tier] of tiers.entries()) {
      if (tier.upTo !== undefined)
        await price.getByRole('textbox', { name: `Tier ${i + 1}: Up to` }).fill(tier.upTo)
      await price.getByRole('textbox', { name: `Tier ${i + 1}: Unit price` }).fill(tier.unitPrice)
      if (tier.flatFee)
        await price.getByRole('textbox', { name: `Tier ${i + 1}: Flat fee` }).fill(tier.flatFee)
    }
  }

  calculator(): Locator {
    return this.page.getByRole('table', { name: 'Calculator' })
  }
}
