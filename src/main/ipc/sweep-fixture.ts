import type { Channel } from '@shared/channels'
import type { ChannelInput } from '@shared/contract'
import type { Result } from '@shared/result'
import type { Backend } from '../backend'
import { testBackend } from '../test-support'
import { dispatch } from './dispatch'

/**
 * A company file with real books for the hostile sweeps (issue 9): customers (one of segment
 * "constructor"), flat, graduated-usage and percentage plans, a coupon, subscriptions in every
 * state, usage, a billing run, an issued invoice, drafts and a payment. Built through the
 * contract, so it is what a user could make, and it records the ids a valid input refers to.
 */

export function value<T>(result: Result<T>, what = 'call'): T {
  if (!result.ok)
    throw new Error(
      `${what}: ${result.error.code}: ${result.error.message} ${JSON.stringify(result.error.fieldErrors ?? {})}`
    )
  return result.value
}

/** A calendar date moved by days or to the first of a month (UTC arithmetic, no time zones). */
function shift(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10)
}
function monthStart(date: string, months: number): string {
  const [y, m] = date.split('-').map(Number) as [number, number]
  return new Date(Date.UTC(y, m - 1 + months, 1)).toISOString().slice(0, 10)
}

const flat = (id: string, amount: string, extra: Record<string, unknown> = {}) => ({
  id,
  name: `Plan ${id}`,
  currency: 'PLN',
  interval: 'month' as const,
  prices: [{ id: 'fee', description: `${id} fee`, model: 'flat' as const, amount }],
  ...extra
})

export const PLANS = {
  /** Flat, with price lists for two segments, one named like an Object member. */
  basic: flat('basic', '100.00', {
    segment_prices: {
      Partners: [{ id: 'fee', description: 'Partner fee', model: 'flat', amount: '80.00' }],
      constructor: [{ id: 'fee', description: 'Builder fee', model: 'flat', amount: '90.00' }]
    }
  }),
  cheap: flat('cheap', '50.00'),
  extra: flat('extra', '10.00'),
  /** Graduated usage on top of a flat base fee. */
  api: {
    id: 'api',
    name: 'API',
    currency: 'PLN',
    interval: 'month' as const,
    prices: [
      { id: 'base', description: 'Base fee', model: 'flat' as const, amount: '20.00' },
      {
        id: 'calls',
        description: 'API calls',
        model: 'graduated' as const,
        metric: { code: 'calls', aggregation: 'sum' as const, property: 'quantity' },
        tiers: [
          { up_to: 1000, unit_price: '0.01' },
          { up_to: null, unit_price: '0.005', flat_fee: '1.00' }
        ]
      }
    ]
  },
  /** A percentage of each transaction, with a minimum and a maximum per transaction. */
  pay: {
    id: 'pay',
    name: 'Payments',
    currency: 'PLN',
    interval: 'month' as const,
    prices: [
      {
        id: 'fees',
        description: 'Card fees',
        model: 'percentage' as const,
        metric: { code: 'volume', aggregation: 'sum' as const, property: 'amount' },
        rate: '2.9',
        fixed_fee: '0.30',
        min_per_transaction: '0.50',
        max_per_transaction: '5.00'
      }
    ]
  }
}

const person = (code: string, name: string, extra: Record<string, unknown> = {}) => ({
  code,
  name,
  country: 'PL',
  language: 'pl' as const,
  currency: 'PLN',
  ...extra
})

export interface Fixture {
  backend: Backend
  call: <C extends Channel>(channel: C, input: ChannelInput<C>) => ReturnType<typeof dispatch<C>>
  path: string
  dates: { today: string; tomorrow: string; prevStart: string; nextStart: string }
  ids: {
    ana: number
    bau: number
    cora: number
    dana: number
    /** ana: basic with the coupon and an add-on. */
    s1: number
    /** bau: api (usage). */
    s2: number
    /** cora: pay (percentage usage). */
    s3: number
    /** dana: cheap, paused from today. */
    s4: number
    /** dana: basic, cancelling at the end of the period. */
    s5: number
    /** ana: extra, cancelled now. */
    s6: number
    addonItem: number
    basicVersion: number
    issued: number
    issuedLine: number
    draft: number
    draftLine: number
    otherDraft: number
    /** Unbilled usage events of bau (this month). */
    usageToCorrect: number
    usageToDelete: number
    invoiceFormat: string
    payment: number
  }
}

/** Opens a backend on dataDir and fills a new company file with the books described above. */
export async function buildFixture(dataDir: string): Promise<Fixture> {
  const backend = await testBackend(dataDir)
  const call = <C extends Channel>(channel: C, input: ChannelInput<C>) =>
    dispatch(backend.handlers, channel, input)
  const file = value(
    await call('files/create', {
      legalName: 'Sweep Sp. z o.o.',
      country: 'PL',
      defaultCurrency: 'PLN',
      defaultLanguage: 'pl'
    }),
    'files/create'
  )
  const today = backend.workspace.requireStore().books.today()
  const dates = {
    today,
    tomorrow: shift(today, 1),
    prevStart: monthStart(today, -1),
    nextStart: monthStart(today, 1)
  }
  for (const plan of Object.values(PLANS))
    value(await call('plans/save', { plan, effectiveFrom: '2020-01-01' }), `plans/save ${plan.id}`)
  value(
    await call('coupons/create', {
      coupon: {
        id: 'TEN',
        name: 'Ten percent',
        type: 'percent',
        percent: '10',
        duration: 'repeating',
        periods: 3
      }
    }),
    'coupons/create'
  )
  const customer = async (input: ChannelInput<'customers/create'>) =>
    value(await call('customers/create', input), `customers/create ${input.name}`).id
  const ana = await customer(
    person('C1', 'Ana Kowalska', { emails: ['ana@example.com'], tags: ['vip'] })
  )
  const bau = await customer(person('C2', 'Bau Budowa', { segment: 'constructor' }))
  const cora = await customer(person('C3', 'Cora Partner', { segment: 'Partners' }))
  const dana = await customer(person('C4', 'Dana Nowak'))

  const subscribe = async (customerId: number, planCode: string, couponCode?: string) =>
    value(
      await call('subscriptions/create', {
        customerId,
        planCode,
        startDate: dates.prevStart,
        ...(couponCode ? { couponCode } : {})
      }),
      `subscriptions/create ${planCode}`
    ).id
  const s1 = await subscribe(ana, 'basic', 'TEN')
  const s2 = await subscribe(bau, 'api')
  const s3 = await subscribe(cora, 'pay')
  const s4 = await subscribe(dana, 'cheap')
  const s5 = await subscribe(dana, 'basic')
  const s6 = await subscribe(ana, 'extra')
  const withAddOn = value(
    await call('subscriptions/addAddOn', {
      subscriptionId: s1,
      planCode: 'extra',
      date: dates.prevStart,
      confirm: true
    }),
    'subscriptions/addAddOn'
  )
  const addonItem = withAddOn.subscription.items.find((i) => i.role === 'addon')!.id

  const usage = async (
    customerId: number,
    metric: string,
    eventId: string,
    timestamp: string,
    properties: Record<string, number>
  ) =>
    value(
      await call('usage/add', { customerId, metric, eventId, timestamp, properties }),
      `usage/add ${eventId}`
    ).id!
  await usage(bau, 'calls', 'prev-1', `${dates.prevStart}T10:00:00`, { quantity: 1500 })
  await usage(cora, 'volume', 'tx-1', `${dates.prevStart}T11:00:00`, { amount: 12.5 })
  await usage(cora, 'volume', 'tx-2', `${dates.prevStart}T12:00:00`, { amount: 900 })
  const usageToCorrect = await usage(bau, 'calls', 'now-1', `${today}T09:00:00`, { quantity: 10 })
  const usageToDelete = await usage(bau, 'calls', 'now-2', `${today}T09:30:00`, { quantity: 20 })

  const run = value(await call('billing/run', { asOf: today, dryRun: false }), 'billing/run')
  if (run.invoicesCreated < 3)
    throw new Error(`the fixture's run made ${run.invoicesCreated} invoices`)
  const drafts = value(await call('invoices/list', { status: 'draft' }), 'invoices/list').invoices
  const draftOf = (customerId: number) => {
    const found = drafts.find((d) => d.customerId === customerId)
    if (!found) throw new Error(`the fixture's run left no draft for customer ${customerId}`)
    return found.id
  }
  const issuedView = value(
    await call('invoices/issue', { invoiceId: draftOf(ana), issueDate: today }),
    'invoices/issue'
  )
  const draft = draftOf(bau)
  const draftView = value(await call('invoices/get', { invoiceId: draft }), 'invoices/get')
  const payment = value(
    await call('payments/record', {
      customerId: ana,
      date: today,
      method: 'bank_transfer',
      amount: 100_000,
      currency: 'PLN',
      reference: 'TR-1',
      // more than owed: the rest is credit, which payments/refund can give back
      keepExtraAsCredit: true
    }),
    'payments/record'
  )
  // lifecycle states the valid inputs need: paused, cancelling, cancelled
  value(
    await call('subscriptions/pause', { subscriptionId: s4, from: today, confirm: true }),
    'subscriptions/pause'
  )
  value(
    await call('subscriptions/cancel', {
      subscriptionId: s5,
      when: 'period_end',
      reason: 'Moving away',
      confirm: true
    }),
    'subscriptions/cancel period_end'
  )
  value(
    await call('subscriptions/cancel', {
      subscriptionId: s6,
      when: 'now',
      date: today,
      reason: 'No longer needed',
      confirm: true
    }),
    'subscriptions/cancel now'
  )
  value(
    await call('billingSettings/update', { retentionCoupon: 'TEN', retentionPlan: 'cheap' }),
    'billingSettings/update'
  )
  const basicVersion = value(await call('plans/list', {}), 'plans/list').find(
    (p) => p.code === 'basic'
  )!.versions[0]!.id
  const series = value(await call('series/list', {}), 'series/list')
  return {
    backend,
    call,
    path: file.path,
    dates,
    ids: {
      ana,
      bau,
      cora,
      dana,
      s1,
      s2,
      s3,
      s4,
      s5,
      s6,
      addonItem,
      basicVersion,
      issued: issuedView.id,
      issuedLine: issuedView.lines[0]!.id,
      draft,
      draftLine: draftView.lines[0]!.id,
      otherDraft: draftOf(cora),
      usageToCorrect,
      usageToDelete,
      invoiceFormat: series.find((s) => s.id === 'INV')!.format,
      payment: payment.paymentId
    }
  }
}

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64')

/** The channels that take a path or change which file is open: swept with hostile paths. */
export const PATH_CHANNELS = [
  'files/current',
  'files/list',
  'files/create',
  'files/open',
  'files/close',
  'files/browse',
  'backups/check',
  'backups/restore',
  'backups/setFolder',
  'export/books'
] as const satisfies readonly Channel[]
export type PathChannel = (typeof PATH_CHANNELS)[number]
export type BookChannel = Exclude<Channel, PathChannel>

/** One valid input per channel but the path channels, against a fixture's ids and dates. */
export function validInputs(f: Pick<Fixture, 'ids' | 'dates'>): {
  [C in BookChannel]: ChannelInput<C>
} {
  const { ids, dates } = f
  const { today, tomorrow, prevStart, nextStart } = dates
  return {
    'app/info': {},
    'app/print': { fileName: 'FV 1.pdf', pdfBase64: 'JVBERi0xLjcK' },
    'settings/get': {},
    'settings/update': { language: 'en' },
    'company/get': {},
    'company/update': {
      legalName: 'Sweep Sp. z o.o.',
      address: {
        line1: 'ul. Prosta 1',
        line2: '',
        postalCode: '00-001',
        city: 'Warszawa',
        region: ''
      },
      country: 'PL',
      taxId: '',
      email: 'biuro@example.com',
      phone: '+48 22 123 45 67',
      iban: '',
      bic: '',
      defaultCurrency: 'PLN',
      defaultLanguage: 'pl',
      invoiceNumberFormat: ids.invoiceFormat,
      logo: null
    },
    'customers/search': { query: 'Ana', includeArchived: false, limit: 10, offset: 0 },
    'customers/list': {
      query: '',
      status: 'all',
      segment: 'constructor',
      balanceDue: false,
      sort: 'receivable',
      direction: 'desc',
      limit: 50,
      offset: 0
    },
    'customers/facets': {},
    'customers/get': { customerId: ids.bau },
    'customers/create': {
      name: 'Nowy Klient',
      country: 'PL',
      language: 'pl',
      currency: 'PLN',
      segment: 'constructor',
      tags: ['new'],
      emails: ['nowy@example.com'],
      address: {
        line1: 'ul. Krótka 2',
        line2: '',
        postalCode: '00-002',
        city: 'Kraków',
        region: ''
      },
      notes: 'first line\nsecond line'
    },
    'customers/update': {
      customerId: ids.cora,
      fields: {
        code: 'C3',
        name: 'Cora Partner S.A.',
        country: 'PL',
        language: 'pl',
        currency: 'PLN',
        segment: 'Partners'
      }
    },
    'customers/archive': { customerId: ids.dana, archived: true },
    'customers/balance': { customerId: ids.ana },
    'customers/activity': { customerId: ids.ana },
    'plans/list': {},
    'plans/save': { plan: { ...PLANS.basic, name: 'Basic 2027' }, effectiveFrom: nextStart },
    'plans/quote': {
      plan: PLANS.pay,
      quantity: '1250.50',
      seats: '1',
      segment: '',
      transactions: 10
    },
    'plans/version': { versionId: ids.basicVersion },
    'metrics/list': {},
    'taxRates/list': {},
    'taxRates/save': { rate: { id: 'books', name: 'VAT 5% books', category: 'S', percent: '5' } },
    'coupons/list': {},
    'coupons/create': {
      coupon: {
        id: 'FIVE',
        name: 'Five off',
        type: 'fixed',
        amount: '5.00',
        currency: 'PLN',
        duration: 'once'
      }
    },
    'billingSettings/get': {},
    'billingSettings/update': {
      runCreates: 'drafts',
      taxCalculation: 'per_category',
      rounding: 'half_even',
      cancelNowRefund: 'credit_line',
      resumeMode: 'continue',
      retentionCoupon: 'TEN',
      retentionPlan: 'cheap'
    },
    'series/list': {},
    'series/update': { id: 'INV', format: `FV/${ids.invoiceFormat}` },
    'subscriptions/list': { customerId: ids.ana },
    'subscriptions/search': {
      query: '',
      planCode: 'basic',
      status: 'active',
      limit: 50,
      offset: 0
    },
    'subscriptions/get': { subscriptionId: ids.s1 },
    'subscriptions/upcoming': { subscriptionId: ids.s1 },
    'subscriptions/upcomingPdf': { subscriptionId: ids.s1 },
    'subscriptions/create': {
      customerId: ids.cora,
      planCode: 'extra',
      startDate: today,
      quantity: '2',
      trialDays: 0
    },
    'subscriptions/change': {
      subscriptionId: ids.s1,
      planCode: 'cheap',
      when: 'now',
      date: today,
      confirm: false
    },
    'subscriptions/pause': { subscriptionId: ids.s2, from: tomorrow, confirm: false },
    'subscriptions/resume': { subscriptionId: ids.s4, on: tomorrow, confirm: false },
    'subscriptions/cancel': {
      subscriptionId: ids.s3,
      when: 'period_end',
      reason: 'Too expensive',
      retention: { offered: ['discount'], accepted: null, couponCode: 'TEN' },
      confirm: false
    },
    'subscriptions/addAddOn': {
      subscriptionId: ids.s2,
      planCode: 'extra',
      quantity: '1',
      date: today,
      confirm: false
    },
    'subscriptions/removeAddOn': {
      subscriptionId: ids.s1,
      itemId: ids.addonItem,
      when: 'period_end',
      confirm: false
    },
    'subscriptions/undoCancel': { subscriptionId: ids.s5 },
    'subscriptions/acceptOffer': {
      subscriptionId: ids.s5,
      offer: 'discount',
      couponCode: 'TEN',
      reason: 'Stays for the discount'
    },
    'subscriptions/reactivate': { subscriptionId: ids.s6, on: tomorrow },
    'usage/list': {
      customerId: ids.bau,
      metric: 'calls',
      from: prevStart,
      to: today,
      latest: true,
      limit: 100
    },
    'usage/add': {
      customerId: ids.bau,
      subscriptionId: ids.s2,
      metric: 'calls',
      eventId: 'sweep-1',
      timestamp: `${today}T12:00:00`,
      properties: { quantity: 5 }
    },
    'usage/correct': {
      id: ids.usageToCorrect,
      timestamp: `${today}T08:00:00`,
      properties: { quantity: 7 }
    },
    'usage/delete': { id: ids.usageToDelete },
    'usage/import': {
      kind: 'usage',
      dataBase64: base64(
        `customer,metric,event_id,timestamp,quantity\nC2,calls,imp-1,${today}T07:00:00,3\n`
      ),
      dryRun: true
    },
    'billing/run': { asOf: today, dryRun: true },
    'billing/lastRun': {},
    'billing/progress': {},
    'dashboard/summary': {},
    'invoices/list': {
      status: 'issued',
      customerId: ids.ana,
      from: prevStart,
      to: today,
      query: '',
      limit: 100,
      offset: 0
    },
    'invoices/get': { invoiceId: ids.issued },
    'invoices/history': { invoiceId: ids.issued },
    'invoices/pdf': { invoiceId: ids.issued, language: 'pl' },
    'invoices/addLine': {
      invoiceId: ids.draft,
      description: 'Setup',
      quantity: '1',
      amount: 5000,
      taxRateId: 'standard',
      periodStart: today,
      periodEnd: today
    },
    'invoices/removeLine': { invoiceId: ids.draft, lineId: ids.draftLine },
    'invoices/deleteDraft': { invoiceId: ids.otherDraft },
    'invoices/issue': { invoiceId: ids.draft, issueDate: today },
    'invoices/void': { invoiceId: ids.issued, reason: 'Issued by mistake' },
    'invoices/creditNote': {
      invoiceId: ids.issued,
      reason: 'Price corrected',
      lines: [{ lineId: ids.issuedLine, amount: 100 }]
    },
    'invoices/uncollectible': { invoiceId: ids.issued },
    'payments/record': {
      customerId: ids.bau,
      date: today,
      method: 'bank_transfer',
      amount: 1000,
      currency: 'PLN',
      reference: 'TR-2'
    },
    'payments/refund': {
      customerId: ids.ana,
      date: today,
      method: 'bank_transfer',
      amount: 100,
      currency: 'PLN',
      reference: 'RF-1'
    },
    'payments/reverse': { paymentId: ids.payment, date: today, reason: 'Returned by the bank' },
    'ledger/verify': {},
    'backups/list': {},
    'backups/create': {},
    'imports/progress': {},
    'imports/cancel': {},
    'billing/cancel': {},
    'plans/archive': { planCode: 'basic', archived: false },
    'email/settings': {},
    // nothing listens on port 9 of loopback: a send attempt is refused at once
    'email/saveSettings': {
      host: '127.0.0.1',
      port: 9,
      tls: 'none',
      user: '',
      fromName: 'Biuro',
      fromAddress: 'faktury@biuro.pl',
      replyTo: ''
    },
    'email/templates': {},
    'email/saveTemplate': {
      kind: 'invoice',
      language: 'pl',
      template: { subject: 'Faktura {number}', body: 'Dzień dobry {customer}' }
    },
    'invoices/email': { invoiceId: ids.issued, to: ['klient@example.com'], cc: [], bcc: [] },
    'documents/logo': { sha256: '0'.repeat(64) },
    'invoices/export': { invoiceId: ids.issued, format: 'ubl' },
    'invoices/einvoices': { invoiceId: ids.issued },
    'ksef/queue': {},
    'ksef/export': { fileName: 'batch.zip' },
    'ksef/record': { invoiceId: ids.issued, ksefNumber: '1234563218-20260105-0100004C2D71-00' },
    'ksef/reject': { invoiceId: ids.issued, reason: 'Błąd weryfikacji' },
    'ksef/importUpo': { files: [{ name: 'upo.xml', text: '<Potwierdzenie/>' }] },
    'exchangeRates/list': {},
    'exchangeRates/set': { currency: 'EUR', day: '2026-01-02', rate: '4.2155' },
    'verifactu/records': {},
    'verifactu/export': {},
    'nfse/list': {},
    'nfse/settings': { settings: { municipality: '3550308', serviceCode: '010101' } },
    'nfse/import': { files: [{ name: 'nfse.xml', text: '<NFSe/>' }] },
    'statements/pdf': { customerId: ids.ana, from: '2026-01-01', to: '2026-12-31' },
    'statements/email': {
      customerId: ids.ana,
      from: '2026-01-01',
      to: '2026-12-31',
      recipients: ['klient@example.com'],
      cc: [],
      bcc: []
    },
    'outbox/list': { limit: 50 },
    'outbox/send': {},
    'outbox/retry': { id: 1 },
    'outbox/cancel': { id: 1 },
    'outbox/markSent': { id: 1 },
    'reminders/settings': {},
    'invoices/eml': { invoiceId: ids.issued },
    'billing/runPdf': { runId: 1 },
    'billing/runZip': { runId: 1 },
    'reminders/saveSettings': { enabled: true, schedule: [-3, 0, 7] },
    'reminders/run': { asOf: today },
    'reminders/pause': { customerId: ids.ana, paused: true },
    'reminders/paused': { customerId: ids.ana }
  }
}

/** Every id the fixture holds, for "a real id of another kind" inputs. */
export const fixtureIds = (f: Pick<Fixture, 'ids'>): number[] => [
  ...new Set(Object.values(f.ids).filter((v): v is number => typeof v === 'number'))
]

/** Codes the fixture uses: plans, prices, metrics, coupons, tax rates, series, segments. */
export const FIXTURE_CODES = [
  'basic',
  'cheap',
  'extra',
  'api',
  'pay',
  'fee',
  'calls',
  'volume',
  'TEN',
  'standard',
  'INV',
  'CN',
  'constructor',
  'Partners',
  'C1',
  'C2'
]
