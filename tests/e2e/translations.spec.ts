import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { COUNTRY_CODES as COUNTRIES } from '../../src/shared/countries'
import { call, expect, monthlyPlan, shot, test, type BrowserMode } from './fixtures'
import { translator } from './month'

const LANGUAGES = ['en', 'pt-BR', 'es', 'pl'] as const
const catalog = JSON.parse(readFileSync('src/shared/i18n/locales/en.json', 'utf8')) as Record<
  string,
  unknown
>
/** A key shown instead of its text ("customers.title") is a missing translation. */
const MISSING_KEY = new RegExp(`\\b(?:${Object.keys(catalog).join('|')})\\.[A-Za-z_.]+\\b`)

/** Every screen of the workspace, with the data below behind it. */
const SCREENS = [
  '/',
  '/customers',
  '/customers/new',
  '/customers/1',
  '/customers/1/edit',
  '/plans',
  '/plans/new',
  '/plans/edit/api',
  '/plans/coupons',
  '/plans/taxes',
  '/subscriptions',
  '/subscriptions/new',
  '/subscriptions/1',
  '/usage?customer=1',
  '/usage/import',
  '/billing',
  '/invoices',
  '/invoices/1',
  '/invoices/2',
  '/compliance',
  '/settings/company',
  '/settings/billing',
  '/settings/numbering',
  '/settings/taxes',
  '/settings/email',
  '/settings/backups',
  '/settings/preferences',
  '/settings/about'
]

/** Dialogs opened from a screen by a button (its catalog key), walked like the screens. */
const DIALOGS: [route: string, button: string][] = [
  ['/customers/1', 'customers.archive'],
  ['/customers/1', 'payments.reverse'],
  ['/subscriptions/1', 'subscriptions.change'],
  ['/subscriptions/1', 'subscriptions.pause'],
  ['/subscriptions/1', 'subscriptions.cancel'],
  ['/usage?customer=1', 'usage.add'],
  ['/billing', 'billing.run'],
  ['/invoices/1', 'payments.record'],
  ['/invoices/1', 'invoices.createCreditNote'],
  ['/invoices/1', 'invoices.void'],
  ['/invoices/2', 'invoices.addLine'],
  ['/invoices/2', 'invoices.issue'],
  ['/compliance', 'ksef.rejectFor']
]

/** Opens a screen and waits until it has loaded (no loading line, a heading shown). */
async function visit(page: Page, origin: string, route: string): Promise<void> {
  await page.goto(`${origin}/#${route}`)
  await page.locator('main h1').first().waitFor()
  await expect(page.locator('.loading')).toHaveCount(0)
  await page.waitForTimeout(150)
}

/** Texts that are data, the same in every language: names, codes, numbers, file paths. */
const DATA =
  /^(?:Biuro Tłumaczeń.*|Alfa|API.*|Office|STAY10.*|Stay|KP 1|Facturo.*|.*\.facturo|\/.*|[a-z0-9_]+|[\d\s.,:%+\-–—/()€$zł#A-Z_]*)$/

/** Country and language names that read the same in English and the language shown (Liechtenstein…). */
function sameNames(language: string): Set<string> {
  const en = new Intl.DisplayNames(['en-GB'], { type: 'region' })
  const other = new Intl.DisplayNames([language], { type: 'region' })
  const names = COUNTRIES.map((c) => en.of(c)).filter((n, i) => n && n === other.of(COUNTRIES[i]!))
  return new Set([...(names as string[]), 'Português (Brasil)', 'Español', 'Polski', 'English'])
}

/** The visible texts of the page: each text node, trimmed. */
async function texts(page: Page, root = 'body'): Promise<string[]> {
  return page.evaluate(`(() => {
    const out = []
    const top = document.querySelector(${JSON.stringify(root)})
    const walker = document.createTreeWalker(top, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement
      // content in a language of its own (an email's wording) is not the UI's to translate
      if (!el || el.closest('script, style, [aria-hidden="true"], [translate="no"]')) continue
      const text = node.textContent.replace(/\\s+/g, ' ').trim()
      if (text) out.push(text)
    }
    for (const el of top.querySelectorAll('[placeholder], [aria-label], [title]'))
      if (!el.closest('[translate="no"]')) for (const a of ['placeholder', 'aria-label', 'title']) if (el.getAttribute(a)) out.push(el.getAttribute(a).trim())
    return out
  })()`)
}

/** A company with a little of everything, so every screen and dialog has something to show. */
async function seed(app: BrowserMode): Promise<void> {
  await call(app, 'files/create', {
    legalName: 'Biuro Tłumaczeń',
    country: 'PL',
    defaultCurrency: 'PLN',
    defaultLanguage: 'pl'
  })
  const lastMonth = new Date()
  lastMonth.setUTCDate(0)
  const lastEnd = lastMonth.toISOString().slice(0, 10)
  const lastStart = `${lastEnd.slice(0, 8)}01`
  await call(app, 'plans/save', monthlyPlan('office', 'Office', '100.00'))
  await call(app, 'plans/save', {
    plan: {
      id: 'api',
      name: 'API',
      currency: 'PLN',
      interval: 'month',
      prices: [
        {
          id: 'calls',
          description: 'API calls',
          model: 'graduated',
          metric: { code: 'api_calls', aggregation: 'sum', property: 'calls' },
          tiers: [
            { up_to: 1000, unit_price: '0.10' },
            { up_to: null, unit_price: '0.08' }
          ]
        }
      ]
    },
    effectiveFrom: '2020-01-01'
  })
  await call(app, 'coupons/create', {
    coupon: { id: 'STAY10', name: 'Stay', type: 'percent', percent: '10', duration: 'once' }
  })
  const alfa = await call<{ id: number }>(app, 'customers/create', {
    name: 'Alfa',
    country: 'PL',
    language: 'pl',
    currency: 'PLN',
    segment: 'SMB',
    tags: ['vip']
  })
  await call(app, 'subscriptions/create', {
    customerId: alfa.id,
    planCode: 'api',
    startDate: lastStart
  })
  await call(app, 'subscriptions/create', {
    customerId: alfa.id,
    planCode: 'office',
    startDate: lastStart
  })
  await call(app, 'usage/add', {
    customerId: alfa.id,
    metric: 'api_calls',
    eventId: 'e1',
    timestamp: `${lastStart}T10:00:00`,
    properties: { calls: 1250 }
  })
  await call(app, 'billing/run', { asOf: lastEnd, dryRun: false })
  await call(app, 'invoices/issue', { invoiceId: 1 })
  await call(app, 'payments/record', {
    customerId: alfa.id,
    date: lastEnd,
    method: 'cash',
    amount: 1000,
    currency: 'PLN',
    reference: 'KP 1'
  })
}

/** Longer text that reads the same as in English (and is not data) was not translated. */
const untranslated = (text: string, english: Set<string>, same: Set<string>) =>
  text.length > 12 &&
  english.has(text) &&
  /[a-z]{3}/.test(text) &&
  !DATA.test(text) &&
  !same.has(text)

test('every screen is translated in each of the four languages', async ({ page, app }, info) => {
  test.setTimeout(240_000)
  await seed(app)
  const english = new Map<string, Set<string>>()
  const problems: string[] = []
  for (const language of LANGUAGES) {
    await call(app, 'settings/update', { language })
    await page.goto(app.url)
    await page.reload()
    for (const route of SCREENS) {
      await visit(page, app.origin, route)
      const shown = await texts(page)
      for (const text of shown) {
        const key = MISSING_KEY.exec(text)
        if (key) problems.push(`${language} ${route}: missing "${key[0]}"`)
      }
      const same = sameNames(language)
      if (language === 'en') {
        english.set(route, new Set(shown))
        // a picture of every screen, for a person to look at
        await shot(page, info, `screen ${route}`)
      } else {
        // text longer than a word or two that reads the same as in English was not translated
        for (const text of shown)
          if (untranslated(text, english.get(route)!, same))
            problems.push(`${language} ${route}: untranslated "${text}"`)
      }
    }
  }
  expect(problems).toEqual([])
})

test('every dialog is translated in each of the four languages', async ({ page, app }) => {
  test.setTimeout(240_000)
  await seed(app)
  const english = new Map<string, Set<string>>()
  const problems: string[] = []
  for (const language of LANGUAGES) {
    const t = await translator(language)
    await call(app, 'settings/update', { language })
    await page.goto(app.url)
    await page.reload()
    const same = sameNames(language)
    for (const [route, button] of DIALOGS) {
      await visit(page, app.origin, route)
      await page
        .locator('main')
        .getByRole('button', { name: t(button), exact: true })
        .first()
        .click()
      const dialog = page.getByRole('dialog')
      await dialog.waitFor()
      const shown = await texts(page, 'dialog[open]')
      const where = `${route} › ${button}`
      for (const text of shown) {
        const key = MISSING_KEY.exec(text)
        if (key) problems.push(`${language} ${where}: missing "${key[0]}"`)
      }
      if (language === 'en') english.set(where, new Set(shown))
      else
        for (const text of shown)
          if (untranslated(text, english.get(where)!, same))
            problems.push(`${language} ${where}: untranslated "${text}"`)
      await page.keyboard.press('Escape')
      await expect(dialog).toBeHidden()
    }
  }
  expect(problems).toEqual([])
})
