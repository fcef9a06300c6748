import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import i18next, { type TFunction } from 'i18next'
import type { Page, TestInfo } from '@playwright/test'
import { INTL_LOCALE, LANGUAGES, type Language } from '../../src/shared/languages'
import { typedDay } from './dates'
import { expect, shot, type BrowserMode } from './fixtures'

/** The catalogs the app speaks, to find its buttons and labels in any of its languages. */
export async function translator(language: Language): Promise<TFunction> {
  // read as files: Playwright loads this as an ES module, where JSON needs import attributes
  const resources = Object.fromEntries(
    LANGUAGES.map((l) => [
      l,
      {
        translation: JSON.parse(readFileSync(`src/shared/i18n/locales/${l}.json`, 'utf8')) as object
      }
    ])
  )
  const instance = i18next.createInstance()
  await instance.init({
    resources,
    lng: language,
    fallbackLng: 'en',
    interpolation: { escapeValue: false }
  })
  return instance.t
}

const iso = (d: Date) => d.toISOString().slice(0, 10)
/** Last month (fully in the past) and this month, as calendar days. */
function months() {
  const now = new Date()
  const y = now.getUTCFullYear()
  const m = now.getUTCMonth()
  return {
    lastStart: iso(new Date(Date.UTC(y, m - 1, 1))),
    lastEnd: iso(new Date(Date.UTC(y, m, 0))),
    thisStart: iso(new Date(Date.UTC(y, m, 1))),
    thisMid: iso(new Date(Date.UTC(y, m, 15)))
  }
}

/**
 * A bookkeeper's month, entirely through the UI: plans, customers, subscriptions, a usage import
 * with a bad row, a billing run, the explained draft, issue, partial and full payment, an upgrade
 * whose preview matches the invoice it produces, a cancellation at period end and its undo.
 */
export async function bookkeepersMonth(
  page: Page,
  app: BrowserMode,
  info: TestInfo,
  language: Language
) {
  const t = await translator(language)
  const locale = INTL_LOCALE[language]
  const money = (minor: number) =>
    new Intl.NumberFormat(locale, { style: 'currency', currency: 'PLN' }).format(minor / 100)
  const { lastStart, lastEnd, thisStart, thisMid } = months()
  const nav = (key: string) =>
    page.getByRole('navigation', { name: t('nav.label') }).getByRole('link', { name: t(key) })
  const textbox = (key: string, scope: Page | ReturnType<Page['locator']> = page) =>
    scope.getByRole('textbox', { name: t(key), exact: true })
  const combobox = (key: string, scope: Page | ReturnType<Page['locator']> = page) =>
    scope.getByRole('combobox', { name: t(key), exact: true })
  /** A price's fieldset, whatever its description says ("Price 1: …"). */
  const priceGroup = (n: number) => {
    const prefix = t('plans.priceN', { n, name: '' }).trim()
    return page.getByRole('group', {
      name: new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`)
    })
  }
  const button = (key: string, options?: Record<string, unknown>) =>
    page.getByRole('button', { name: t(key, options), exact: true })

  /** Runs billing as of a day from the Billing run screen (confirming), and returns its summary. */
  const runBilling = async (asOf: string) => {
    await nav('nav.billing').click()
    await page.getByLabel(t('billing.asOf')).fill(typedDay(asOf, locale))
    await button('billing.run').click()
    await page
      .getByRole('dialog')
      .getByRole('button', { name: t('billing.run') })
      .click()
    const summary = page.getByRole('region', { name: t('billing.doneTitle') })
    await expect(summary).toBeVisible()
    return summary
  }

  // a company file, in the language the system speaks
  await page.goto(app.url)
  await page.getByLabel(t('company.legalName')).fill('Biuro Miesiąc')
  await page.getByLabel(t('company.country')).selectOption('PL')
  await button('start.create').click()
  await expect(page.getByRole('heading', { level: 1, name: 'Biuro Miesiąc' })).toBeVisible()

  // 1. a graduated usage plan and a monthly flat plan
  await nav('nav.plans').click()
  await page
    .getByRole('link', { name: t('plans.new') })
    .first()
    .click()
  await textbox('plans.name').fill('API')
  await textbox('plans.code').fill('api')
  const price = priceGroup(1)
  await textbox('plans.priceDescription', price).fill('API calls')
  await combobox('plans.model', price).selectOption('graduated')
  await combobox('plans.charges', price).selectOption('usage')
  await textbox('plans.metric', price).fill('api_calls')
  await textbox('plans.property', price).fill('calls')
  const priced = price
  await priced.getByRole('button', { name: t('plans.addTier') }).click()
  await priced.getByRole('button', { name: t('plans.addTier') }).click()
  const tier = (n: number, field: string) =>
    priced.getByRole('textbox', { name: t('plans.tierField', { tier: n, field: t(field) }) })
  await tier(1, 'plans.upTo').fill('1000')
  await tier(1, 'plans.unitPrice').fill('0.10')
  await tier(2, 'plans.upTo').fill('5000')
  await tier(2, 'plans.unitPrice').fill('0.08')
  await tier(3, 'plans.unitPrice').fill('0.05')
  // the calculator prices 1,250 calls as the invoice will: 100.00 + 20.00
  await expect(
    page.getByRole('table', { name: t('plans.calculator') }).locator('tfoot')
  ).toContainText(money(12000))
  await page.getByLabel(t('plans.effectiveFrom')).fill(typedDay(lastStart, locale))
  await shot(page, info, '01-plan-editor')
  await button('plans.create').click()
  await page
    .getByRole('link', { name: t('plans.new') })
    .first()
    .click()
  await textbox('plans.name').fill('Office')
  await textbox('plans.code').fill('office')
  const office = priceGroup(1)
  await textbox('plans.priceDescription', office).fill('Office')
  await textbox('plans.amount', office).fill('100.00')
  await page.getByLabel(t('plans.effectiveFrom')).fill(typedDay(lastStart, locale))
  await button('plans.create').click()
  await expect(page.getByRole('link', { name: 'Office' })).toBeVisible()
  await shot(page, info, '02-plans')

  // 2. two customers
  for (const [name, taxId] of [
    ['Alfa Sp. z o.o.', '123-456-32-18'],
    ['Beta Studio', '']
  ]) {
    await nav('nav.customers').click()
    await page
      .getByRole('link', { name: t('customers.new') })
      .first()
      .click()
    await textbox('customers.name').fill(name!)
    if (taxId) {
      // a business: its NIP and the address every invoice to it names
      await page.locator('[name="taxId"]').fill(taxId)
      await textbox('company.line1').fill('ul. Prosta 51')
      await textbox('company.postalCode').fill('00-838')
      await textbox('company.city').fill('Warszawa')
    }
    await button('customers.create').click()
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()
  }
  await nav('nav.customers').click()
  await expect(page.getByText(t('customers.count', { count: 2 }))).toBeVisible()
  await shot(page, info, '03-customers')

  // 3. subscribe them from the 1st of last month
  for (const [customer, plan] of [
    ['Alfa Sp. z o.o.', 'api'],
    ['Beta Studio', 'office']
  ]) {
    await nav('nav.subscriptions').click()
    await page
      .getByRole('link', { name: t('subscriptions.new') })
      .first()
      .click()
    await page
      .getByRole('searchbox', { name: t('subscriptions.findCustomer') })
      .fill(customer!.slice(0, 4))
    const pick = combobox('subscriptions.customer')
    await expect(pick.locator('option')).toHaveCount(2)
    await pick.selectOption({ index: 1 })
    await combobox('subscriptions.plan').selectOption(plan!)
    await page.getByLabel(t('subscriptions.startDate')).fill(typedDay(lastStart, locale))
    await button('subscriptions.create').click()
    await expect(page.getByRole('heading', { level: 1 })).toContainText(customer!)
  }

  // 4. usage from a CSV: a bad row is reported with its line; fixed, the file imports whole
  const dir = mkdtempSync(join(tmpdir(), 'facturo-month-'))
  const csv = (calls: string) =>
    [
      'customer,metric,event_id,timestamp,calls',
      `C00001,api_calls,e1,${lastStart}T09:00:00,800`,
      `C00001,api_calls,e2,${lastStart.slice(0, 8)}10T09:00:00,400`,
      `C00001,api_calls,e3,${lastStart.slice(0, 8)}20T09:00:00,${calls}`
    ].join('\n') + '\n'
  writeFileSync(join(dir, 'usage.csv'), csv('-50'))
  await nav('nav.usage').click()
  await page.getByRole('link', { name: t('usage.import') }).click()
  await page.getByLabel(t('imports.chooseFile')).setInputFiles(join(dir, 'usage.csv'))
  await expect(combobox('imports.column_customer')).toHaveValue('customer')
  await button('imports.check').click()
  const problems = page.getByRole('table', { name: t('imports.problemsLabel') })
  await expect(problems.getByRole('row')).toHaveCount(2)
  await expect(problems.getByRole('cell', { name: '4', exact: true })).toBeVisible()
  await expect(page.getByText(t('imports.nothingImported'))).toBeVisible()
  await shot(page, info, '04-import-bad-row')
  writeFileSync(join(dir, 'usage.csv'), csv('50'))
  await page.getByLabel(t('imports.chooseFile')).setInputFiles(join(dir, 'usage.csv'))
  await button('imports.check').click()
  await button('imports.importRows', { count: 3 }).click()
  await expect(page.getByText(t('imports.doneTitle', { count: 3 }))).toBeVisible()

  // 5. billing as of last month's end: preview, then run
  await nav('nav.billing').click()
  await page.getByLabel(t('billing.asOf')).fill(typedDay(lastEnd, locale))
  await button('billing.preview').click()
  await expect(page.getByRole('region', { name: t('billing.previewTitle') })).toContainText(
    money(12300 + 14760)
  )
  await button('billing.run').click()
  await page
    .getByRole('dialog')
    .getByRole('button', { name: t('billing.run') })
    .click()
  const done = page.getByRole('region', { name: t('billing.doneTitle') })
  await expect(done).toBeVisible()
  await shot(page, info, '05-billing-run')

  // 6. the draft explains its tiers; issue it
  await done.getByRole('row', { name: /Alfa/ }).getByRole('link', { name: /\d/ }).click()
  // the document speaks its customer's language (a Polish company's customers default to
  // Polish), whatever the language of the app around it
  const docT = await translator('pl')
  const docLocale = INTL_LOCALE.pl
  const docMoney = (minor: number) =>
    new Intl.NumberFormat(docLocale, { style: 'currency', currency: 'PLN' }).format(minor / 100)
  const docNum = (n: number) => new Intl.NumberFormat(docLocale).format(n)
  const doc = page.getByRole('article', { name: new RegExp(`^${docT('invoices.invoiceTitle')} `) })
  await expect(doc).toHaveAttribute('lang', 'pl')
  const summaryCard = page.getByRole('region', { name: t('invoices.summary') })
  const m = (v: string) =>
    new Intl.NumberFormat(docLocale, {
      style: 'currency',
      currency: 'PLN',
      maximumFractionDigits: 20,
      minimumFractionDigits: 2
    }).format(v as unknown as number)
  await expect(
    doc.getByText(
      docT('breakdown.tier', {
        tier: 1,
        above: docNum(0),
        upTo: docNum(1000),
        units: docNum(1000),
        unit: m('0.10'),
        amount: m('100')
      })
    )
  ).toBeVisible()
  await expect(
    doc.getByText(
      docT('breakdown.tier', {
        tier: 2,
        above: docNum(1000),
        upTo: docNum(5000),
        units: docNum(250),
        unit: m('0.08'),
        amount: m('20')
      })
    )
  ).toBeVisible()
  await expect(doc).toContainText(docMoney(14760))
  await shot(page, info, '06-draft-explained')
  await button('invoices.issue').click()
  await page
    .getByRole('dialog')
    .getByRole('button', { name: t('invoices.issue') })
    .click()
  await expect(
    page.locator('.page-actions').getByRole('button', { name: t('payments.record') })
  ).toBeVisible()

  // 7. a partial payment, then the rest: the invoice is paid
  await button('payments.record').click()
  let dialog = page.getByRole('dialog', { name: t('payments.recordTitle') })
  await dialog
    .getByRole('textbox', { name: t('payments.amount', { currency: 'PLN' }) })
    .fill('100.00')
  await dialog.getByRole('button', { name: t('payments.record') }).click()
  await expect(summaryCard.getByText(t('status.partially_paid'))).toBeVisible()
  await button('payments.record').click()
  dialog = page.getByRole('dialog', { name: t('payments.recordTitle') })
  await expect(
    dialog.getByRole('textbox', { name: t('payments.amount', { currency: 'PLN' }) })
  ).toHaveValue('47.60')
  await dialog.getByRole('button', { name: t('payments.record') }).click()
  await expect(summaryCard.getByText(t('status.paid'))).toBeVisible()
  await shot(page, info, '07-paid')

  // 8. Beta upgrades mid-month: this month billed first, then 1 → 2 seats from the 15th
  await runBilling(thisStart)
  await nav('nav.subscriptions').click()
  await page
    .getByRole('row', { name: /Beta Studio/ })
    .getByRole('link', { name: 'Office' })
    .click()
  await button('subscriptions.change').click()
  const change = page.getByRole('dialog', { name: t('subscriptions.changeTitle') })
  await change.getByRole('textbox', { name: t('subscriptions.quantity') }).fill('2')
  await change.getByLabel(t('subscriptions.changeDate')).fill(typedDay(thisMid, locale))
  await change.getByRole('button', { name: t('subscriptions.previewButton') }).click()
  const preview = change.getByRole('region', { name: t('subscriptions.preview') })
  await expect(preview.getByRole('row')).toHaveCount(4)
  const previewed = (await preview.locator('tbody td.num').allInnerTexts()).map((s) => s.trim())
  await shot(page, info, '08-upgrade-preview')
  await change.getByRole('button', { name: t('subscriptions.confirmChange') }).click()
  await expect(change).toBeHidden()
  // the next run puts exactly the previewed lines on an invoice
  const summary = await runBilling(thisMid)
  await summary.getByRole('row', { name: /Beta/ }).getByRole('link', { name: /\d/ }).click()
  await button('invoices.issue').click()
  await page
    .getByRole('dialog')
    .getByRole('button', { name: t('invoices.issue') })
    .click()
  await expect(
    page.locator('.page-actions').getByRole('button', { name: t('payments.record') })
  ).toBeVisible()
  const invoiced = await doc.locator('tbody td.num:last-child').allInnerTexts()
  // the preview is in the app's language, the invoice in its customer's: the same figures
  const figures = (texts: string[]) =>
    texts.map((s) => s.replace(/[−-]/g, '-').replace(/[^\d-]/g, ''))
  expect(figures(invoiced)).toEqual(figures(previewed))
  await shot(page, info, '09-upgrade-invoice')

  // 9. cancel at the end of the period, then think again
  await nav('nav.subscriptions').click()
  await page
    .getByRole('row', { name: /Beta Studio/ })
    .getByRole('link', { name: 'Office' })
    .click()
  await button('subscriptions.cancel').click()
  const cancel = page.getByRole('dialog', { name: t('subscriptions.cancelTitle') })
  await cancel.getByRole('textbox', { name: t('subscriptions.reason') }).fill('Budget')
  await expect(cancel.getByRole('combobox', { name: t('subscriptions.when') })).toHaveValue(
    'period_end'
  )
  await cancel.getByRole('button', { name: t('subscriptions.previewButton') }).click()
  await cancel.getByRole('button', { name: t('subscriptions.confirmCancel') }).click()
  await expect(page.locator('.page-actions').getByText(t('status.cancelling'))).toBeVisible()
  await shot(page, info, '10-cancelling')
  await button('subscriptions.undoCancel').click()
  await page
    .getByRole('dialog')
    .getByRole('button', { name: t('subscriptions.undoCancel') })
    .click()
  await expect(page.locator('.page-actions').getByText(t('status.active'))).toBeVisible()

  // the dashboard sums it up
  await nav('nav.home').click()
  await shot(page, info, '11-dashboard')
}
