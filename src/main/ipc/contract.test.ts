import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { CHANNELS, type Channel } from '@shared/channels'
import { validPolishProfile } from '@shared/test-fixtures'
import type { Backend } from '../backend'
import { snapshotFile, tempDir, testBackend } from '../test-support'
import { dispatch } from './dispatch'

interface Case {
  input: unknown
  /** The field paths the VALIDATION error must name ('' is the input as a whole). */
  paths: string[]
}

const newCompany = {
  legalName: 'Acme',
  country: 'PL',
  defaultCurrency: 'PLN',
  defaultLanguage: 'pl'
}
const profile = validPolishProfile()

/** Malformed inputs for every channel; a channel added to the contract must add its cases here. */
const MALFORMED: Record<Channel, Case[]> = {
  'app/info': [{ input: { verbose: true }, paths: ['verbose'] }],
  'app/print': [
    { input: {}, paths: ['fileName', 'pdfBase64'] },
    { input: { fileName: '  ', pdfBase64: 'JVBERi0xLjcK' }, paths: ['fileName'] },
    { input: { fileName: 'a.pdf', pdfBase64: 'not base64!' }, paths: ['pdfBase64'] },
    { input: { fileName: 'a.pdf', pdfBase64: 'JVBERi0xLjcK', copies: 2 }, paths: ['copies'] }
  ],
  'settings/get': [{ input: { language: 'pl' }, paths: ['language'] }],
  'settings/update': [
    { input: {}, paths: ['language'] },
    { input: { language: 'de' }, paths: ['language'] },
    { input: { language: 'pl', theme: 'dark' }, paths: ['theme'] }
  ],
  'files/current': [{ input: { path: '/tmp/x.facturo' }, paths: ['path'] }],
  'files/list': [{ input: { all: true }, paths: ['all'] }],
  'files/create': [
    { input: { ...newCompany, legalName: '   ' }, paths: ['legalName'] },
    {
      input: { ...newCompany, country: 'Poland', defaultCurrency: 'zł' },
      paths: ['country', 'defaultCurrency']
    },
    { input: { ...newCompany, path: 42 }, paths: ['path'] },
    { input: { country: 'PL' }, paths: ['legalName', 'defaultCurrency', 'defaultLanguage'] }
  ],
  'files/open': [
    { input: {}, paths: ['path'] },
    { input: { path: '' }, paths: ['path'] },
    { input: { path: ['a', 'b'] }, paths: ['path'] }
  ],
  'files/close': [{ input: { force: true }, paths: ['force'] }],
  'files/browse': [
    { input: { mode: 'delete' }, paths: ['mode'] },
    { input: { mode: 'open', suggestedName: 7 }, paths: ['suggestedName'] }
  ],
  'company/get': [{ input: { id: 1 }, paths: ['id'] }],
  'company/update': [
    { input: { ...profile, taxId: '123-456-32-17' }, paths: ['taxId'] },
    { input: { ...profile, legalName: '', email: 'not-an-email' }, paths: ['legalName', 'email'] },
    {
      input: { ...profile, address: { ...profile.address, city: '', extra: 'x' } },
      paths: ['address.city', 'address.extra']
    },
    { input: { ...profile, iban: 'PL00 0000' }, paths: ['iban'] },
    {
      input: { ...profile, logo: { mimeType: 'image/gif', dataBase64: '' } },
      paths: ['logo.mimeType']
    },
    { input: { ...profile, invoiceNumberFormat: 'FV/{YYYY}' }, paths: ['invoiceNumberFormat'] },
    { input: {}, paths: ['legalName', 'address', 'country', 'email', 'defaultCurrency', 'logo'] }
  ],
  'customers/search': [
    { input: { query: 42 }, paths: ['query'] },
    { input: { limit: 0 }, paths: ['limit'] }
  ],
  'customers/list': [
    { input: { sort: 'balance', direction: 'up' }, paths: ['sort', 'direction'] },
    { input: { status: 'gone', country: 'Poland' }, paths: ['status', 'country'] }
  ],
  'customers/facets': [{ input: { all: true }, paths: ['all'] }],
  'customers/get': [
    { input: { customerId: 'one' }, paths: ['customerId'] },
    { input: {}, paths: ['customerId'] }
  ],
  'customers/create': [
    { input: { name: '', country: 'PL', language: 'pl', currency: 'PLN' }, paths: ['name'] },
    {
      input: { name: 'A', country: 'PL', language: 'pl', currency: 'PLN', taxId: '123-456-32-17' },
      paths: ['taxId']
    },
    {
      input: { name: 'A', country: 'PL', language: 'pl', currency: 'PLN', emails: ['nope'] },
      paths: ['emails.0']
    }
  ],
  'customers/update': [
    {
      input: { customerId: 1, fields: { name: 'A' } },
      paths: ['fields.country', 'fields.language', 'fields.currency']
    }
  ],
  'customers/archive': [{ input: { customerId: 1, archived: 'yes' }, paths: ['archived'] }],
  'customers/balance': [{ input: { customerId: -1 }, paths: ['customerId'] }],
  'customers/activity': [{ input: { customer: 1 }, paths: ['customer', 'customerId'] }],
  'plans/list': [{ input: { all: 1 }, paths: ['all'] }],
  'plans/save': [
    {
      input: {
        plan: { id: 'p', name: 'P', currency: 'EUR', interval: 'month', prices: [] },
        effectiveFrom: '2026-01-01'
      },
      paths: ['plan.prices']
    },
    { input: { plan: {}, effectiveFrom: 'soon' }, paths: ['effectiveFrom', 'plan.id'] }
  ],
  'plans/quote': [
    { input: { plan: { id: 'x' }, quantity: '-1' }, paths: ['plan.name', 'quantity'] },
    { input: { quantity: '10', transactions: -1 }, paths: ['plan', 'transactions'] }
  ],
  'plans/version': [{ input: { versionId: 'v1' }, paths: ['versionId'] }],
  'metrics/list': [{ input: { x: 1 }, paths: ['x'] }],
  'taxRates/list': [{ input: { x: 1 }, paths: ['x'] }],
  'taxRates/save': [
    { input: { rate: { id: 'r', category: 'E', percent: '0' } }, paths: ['rate.exemption_reason'] }
  ],
  'coupons/list': [{ input: { x: 1 }, paths: ['x'] }],
  'coupons/create': [
    {
      input: { coupon: { id: 'c', name: 'C', type: 'percent', duration: 'once' } },
      paths: ['coupon.percent']
    }
  ],
  'billingSettings/get': [{ input: { x: 1 }, paths: ['x'] }],
  'series/list': [{ input: { id: 'INV' }, paths: ['id'] }],
  'series/update': [
    { input: { id: 'INV', format: 'FV/{YYYY}' }, paths: ['format'] },
    { input: { format: '{seq}' }, paths: ['id'] }
  ],
  'billingSettings/update': [{ input: { runCreates: 'sometimes' }, paths: ['runCreates'] }],
  'subscriptions/list': [{ input: {}, paths: ['customerId'] }],
  'subscriptions/search': [
    { input: { status: 'gone', limit: 500 }, paths: ['status', 'limit'] },
    { input: { planCode: '' }, paths: ['planCode'] }
  ],
  'subscriptions/get': [{ input: { subscriptionId: 0 }, paths: ['subscriptionId'] }],
  'subscriptions/create': [
    {
      input: { customerId: 1, planCode: 'pro', startDate: '31/01/2026', quantity: '-1' },
      paths: ['startDate', 'quantity']
    }
  ],
  'subscriptions/change': [
    { input: { subscriptionId: 1, when: 'someday', confirm: true }, paths: ['when'] },
    { input: { subscriptionId: 1, when: 'now' }, paths: ['confirm'] }
  ],
  'subscriptions/pause': [
    { input: { subscriptionId: 1, from: 'today', confirm: false }, paths: ['from'] }
  ],
  'subscriptions/resume': [{ input: { subscriptionId: 1, confirm: false }, paths: ['on'] }],
  'subscriptions/cancel': [
    { input: { subscriptionId: 1, when: 'now', reason: '', confirm: true }, paths: ['reason'] }
  ],
  'subscriptions/addAddOn': [
    { input: { subscriptionId: 1, planCode: '', confirm: false }, paths: ['planCode'] },
    {
      input: { subscriptionId: 1, planCode: 'x', quantity: '-2', confirm: true },
      paths: ['quantity']
    }
  ],
  'subscriptions/removeAddOn': [
    { input: { subscriptionId: 1, itemId: 2, when: 'later', confirm: true }, paths: ['when'] },
    { input: { subscriptionId: 1, when: 'now', confirm: true }, paths: ['itemId'] }
  ],
  'subscriptions/undoCancel': [{ input: { subscriptionId: 'x' }, paths: ['subscriptionId'] }],
  'subscriptions/acceptOffer': [
    { input: { subscriptionId: 1, offer: 'free_lunch', reason: 'r' }, paths: ['offer'] }
  ],
  'subscriptions/reactivate': [{ input: { subscriptionId: 1, on: '2026-02-30x' }, paths: ['on'] }],
  'billing/runZip': [{ input: { runId: 1.5 }, paths: ['runId'] }],
  'invoices/export': [
    { input: { invoiceId: 1 }, paths: ['format'] },
    { input: { invoiceId: 1, format: 'pdf' }, paths: ['format'] },
    { input: { invoiceId: 0, format: 'ubl' }, paths: ['invoiceId'] }
  ],
  'invoices/einvoices': [{ input: { invoiceId: 'x' }, paths: ['invoiceId'] }],
  'ksef/queue': [
    { input: { state: 'lost' }, paths: ['state'] },
    { input: { limit: 0 }, paths: ['limit'] }
  ],
  'ksef/export': [{ input: { fileName: '' }, paths: ['fileName'] }],
  'ksef/record': [
    { input: { invoiceId: 1 }, paths: ['ksefNumber'] },
    { input: { invoiceId: 0, ksefNumber: 'x' }, paths: ['invoiceId'] },
    { input: { invoiceId: 1, ksefNumber: 'x'.repeat(61) }, paths: ['ksefNumber'] }
  ],
  'ksef/reject': [{ input: { invoiceId: 1, reason: '' }, paths: ['reason'] }],
  'ksef/importUpo': [
    { input: { files: [] }, paths: ['files'] },
    { input: { files: [{ name: 'a.xml' }] }, paths: ['files.0.text'] }
  ],
  'exchangeRates/list': [{ input: { currency: 'EUR' }, paths: ['currency'] }],
  'verifactu/records': [{ input: { limit: 0 }, paths: ['limit'] }],
  'verifactu/export': [{ input: { all: true }, paths: ['all'] }],
  'nfse/list': [{ input: { limit: 0 }, paths: ['limit'] }],
  'nfse/settings': [
    { input: {}, paths: ['settings'] },
    {
      input: { settings: { municipality: '355030', serviceCode: '010101' } },
      paths: ['settings.municipality']
    },
    {
      input: { settings: { municipality: '3550308', serviceCode: '1' } },
      paths: ['settings.serviceCode']
    },
    {
      input: { settings: { municipality: '3550308', serviceCode: '010101', series: '123456' } },
      paths: ['settings.series']
    }
  ],
  'nfse/import': [
    { input: { files: [] }, paths: ['files'] },
    { input: { files: [{ name: 'a.xml' }] }, paths: ['files.0.text'] }
  ],
  'exchangeRates/set': [
    { input: { currency: 'EURO', day: '2026-01-02', rate: '4.2' }, paths: ['currency'] },
    { input: { currency: 'EUR', day: '2026-02-30', rate: '4.2' }, paths: ['day'] },
    { input: { currency: 'EUR', day: '2026-01-02', rate: '4,2' }, paths: ['rate'] }
  ],
  'documents/logo': [
    { input: {}, paths: ['sha256'] },
    { input: { sha256: 'ABC' }, paths: ['sha256'] },
    { input: { sha256: 'a'.repeat(64), size: 1 }, paths: ['size'] }
  ],
  'statements/pdf': [
    { input: { customerId: 1, from: '2026-03-01', to: '2026-02-01' }, paths: ['to'] },
    { input: { customerId: 1, from: '2026-02-30', to: '2026-03-01' }, paths: ['from'] }
  ],
  'statements/email': [
    {
      input: { customerId: 1, from: '2026-01-01', to: '2026-01-31', recipients: ['nope'] },
      paths: ['recipients.0']
    }
  ],
  'subscriptions/upcoming': [{ input: { subscriptionId: -1 }, paths: ['subscriptionId'] }],
  'subscriptions/upcomingPdf': [{ input: { subscriptionId: 'x' }, paths: ['subscriptionId'] }],
  'usage/list': [{ input: { customerId: 1, from: 'January' }, paths: ['from'] }],
  'usage/add': [
    {
      input: { customerId: 1, metric: '', eventId: 'e', timestamp: '2026-01-05' },
      paths: ['metric']
    }
  ],
  'usage/correct': [{ input: { id: 1, properties: { n: [] } }, paths: ['properties.n'] }],
  'usage/delete': [{ input: { id: 1.5 }, paths: ['id'] }],
  'usage/import': [
    { input: { kind: 'invoices', dataBase64: 'YQ==', dryRun: true }, paths: ['kind'] },
    { input: { kind: 'usage', dataBase64: '%%%', dryRun: true }, paths: ['dataBase64'] }
  ],
  'billing/run': [
    { input: { asOf: '2026-1-1', dryRun: true }, paths: ['asOf'] },
    { input: { asOf: '2026-01-01' }, paths: ['dryRun'] }
  ],
  'billing/lastRun': [{ input: { id: 1 }, paths: ['id'] }],
  'billing/progress': [{ input: { runId: 1 }, paths: ['runId'] }],
  'dashboard/summary': [{ input: { today: '2026-01-01' }, paths: ['today'] }],
  'invoices/list': [
    { input: { status: 'lost' }, paths: ['status'] },
    { input: { dueBy: '31.01.2026', query: 7 }, paths: ['dueBy', 'query'] }
  ],
  'invoices/get': [{ input: { invoiceId: null }, paths: ['invoiceId'] }],
  'invoices/history': [{ input: { invoiceId: -3 }, paths: ['invoiceId'] }],
  'invoices/addLine': [
    {
      input: {
        invoiceId: 1,
        description: 'Work',
        quantity: 'x',
        amount: 1.5,
        taxRateId: 'standard'
      },
      paths: ['quantity', 'amount']
    }
  ],
  'invoices/removeLine': [{ input: { invoiceId: 1 }, paths: ['lineId'] }],
  'invoices/deleteDraft': [{ input: { invoiceId: -3 }, paths: ['invoiceId'] }],
  'invoices/issue': [{ input: { invoiceId: 1, issueDate: 'now' }, paths: ['issueDate'] }],
  'invoices/void': [{ input: { invoiceId: 1, reason: '' }, paths: ['reason'] }],
  'invoices/creditNote': [{ input: { invoiceId: 1, reason: 'r', lines: [] }, paths: ['lines'] }],
  'invoices/uncollectible': [{ input: {}, paths: ['invoiceId'] }],
  'payments/record': [
    {
      input: { customerId: 1, date: '2026-01-05', method: 'cheque', amount: 0, currency: 'PLN' },
      paths: ['method', 'amount']
    }
  ],
  'payments/refund': [
    {
      input: { customerId: 1, date: '2026-01-05', method: 'cash', amount: -5, currency: 'PLN' },
      paths: ['amount']
    }
  ],
  'payments/reverse': [
    { input: { paymentId: 1, date: '2026-02-30', reason: 'x' }, paths: ['date'] },
    { input: { paymentId: 1, date: '2026-01-05', reason: '' }, paths: ['reason'] }
  ],
  'invoices/pdf': [
    { input: { invoiceId: 1, language: 'de' }, paths: ['language'] },
    { input: { invoiceId: 0 }, paths: ['invoiceId'] }
  ],
  'ledger/verify': [{ input: { deep: true }, paths: ['deep'] }],
  'backups/list': [{ input: { all: true }, paths: ['all'] }],
  'backups/create': [{ input: { to: '/x' }, paths: ['to'] }],
  'backups/check': [
    { input: { path: 'relative.facturo-backup' }, paths: ['path'] },
    { input: { path: '/a\u0000b' }, paths: ['path'] }
  ],
  'backups/restore': [{ input: {}, paths: ['path'] }],
  'backups/setFolder': [{ input: { folder: 'Backups' }, paths: ['folder'] }],
  'export/books': [{ input: { path: 42 }, paths: ['path'] }],
  'plans/archive': [{ input: { planCode: 'basic' }, paths: ['archived'] }],
  'imports/progress': [{ input: { kind: 'usage' }, paths: ['kind'] }],
  'imports/cancel': [{ input: { now: true }, paths: ['now'] }],
  'billing/cancel': [{ input: { runId: 1 }, paths: ['runId'] }],
  'email/settings': [{ input: { password: 'x' }, paths: ['password'] }],
  'email/saveSettings': [
    {
      input: { host: 'smtp example', port: 0, tls: 'ssl', fromAddress: 'biuro' },
      paths: ['host', 'port', 'tls', 'fromAddress']
    },
    {
      input: { host: 'h', port: 25, tls: 'none', fromAddress: 'a@b.pl', replyTo: 'x' },
      paths: ['replyTo']
    }
  ],
  'email/templates': [{ input: { kind: 'invoice' }, paths: ['kind'] }],
  'email/saveTemplate': [
    { input: { kind: 'letter', language: 'de', template: null }, paths: ['kind', 'language'] },
    {
      input: {
        kind: 'invoice',
        language: 'pl',
        template: { subject: 'Faktura {numer}', body: 'x' }
      },
      paths: ['template.subject']
    }
  ],
  'invoices/email': [
    { input: { invoiceId: 1, to: ['nie-adres'] }, paths: ['to.0'] },
    { input: { invoiceId: 1, to: [] }, paths: ['to'] }
  ],
  'outbox/list': [{ input: { status: 'lost', limit: 0 }, paths: ['status', 'limit'] }],
  'outbox/send': [{ input: { force: true }, paths: ['force'] }],
  'outbox/retry': [{ input: { id: 'one' }, paths: ['id'] }],
  'outbox/cancel': [{ input: {}, paths: ['id'] }],
  'outbox/markSent': [{ input: { id: -1 }, paths: ['id'] }],
  'reminders/settings': [{ input: { enabled: true }, paths: ['enabled'] }],
  'reminders/saveSettings': [
    { input: { enabled: 'yes', schedule: [0, 0.5] }, paths: ['enabled', 'schedule.1'] },
    { input: { enabled: true, schedule: [7, 7] }, paths: ['schedule'] },
    {
      input: {
        enabled: true,
        schedule: [7],
        lateFee: { enabled: true, kind: 'share', amount: '-1', cap: 5, afterDays: 0 }
      },
      paths: ['lateFee.kind', 'lateFee.amount', 'lateFee.cap', 'lateFee.afterDays']
    }
  ],
  'billing/runPdf': [{ input: { runId: 0 }, paths: ['runId'] }],
  'invoices/eml': [{ input: { invoiceId: 'FV/1' }, paths: ['invoiceId'] }],
  'reminders/run': [{ input: { asOf: '2026-02-30' }, paths: ['asOf'] }],
  'reminders/pause': [{ input: { customerId: 0, paused: true }, paths: ['customerId'] }],
  'reminders/paused': [{ input: { customerId: 'C1' }, paths: ['customerId'] }]
}

/** Inputs that are not objects at all are refused by every channel, naming the input as a whole. */
const NOT_OBJECTS: Case[] = [null, 42, 'company', [], true, undefined].map((input) => ({
  input,
  paths: ['']
}))

describe('every channel refuses malformed input with VALIDATION and changes nothing', () => {
  let backend: Backend
  let dataDir: string
  let companyPath: string

  const state = () => ({
    company: snapshotFile(companyPath),
    settings: readFileSync(join(dataDir, 'settings.json'), 'utf8'),
    files: readdirSync(join(dataDir, 'Companies')).sort()
  })

  beforeEach(async () => {
    dataDir = tempDir()
    backend = await testBackend(dataDir)
    const created = await dispatch(backend.handlers, 'files/create', newCompany)
    if (!created.ok) throw new Error(created.error.message)
    companyPath = created.value.path
    const saved = await dispatch(backend.handlers, 'company/update', profile)
    if (!saved.ok) throw new Error(saved.error.message)
    return () => backend.shutdown()
  })

  it('has cases for every channel of the contract', () => {
    expect(Object.keys(MALFORMED).sort()).toEqual([...CHANNELS].sort())
  })

  for (const channel of CHANNELS) {
    it(`${channel}`, async () => {
      for (const { input, paths } of [...MALFORMED[channel], ...NOT_OBJECTS]) {
        const before = state()
        const result = await dispatch(backend.handlers, channel, input)
        expect(result.ok, `${channel} ${JSON.stringify(input)}`).toBe(false)
        if (result.ok) continue
        expect(result.error.code).toBe('VALIDATION')
        expect(Object.keys(result.error.fieldErrors ?? {}).sort(), JSON.stringify(input)).toEqual(
          expect.arrayContaining(paths)
        )
        for (const path of paths) expect(result.error.fieldErrors?.[path]?.message).toBeTruthy()
        expect(state()).toEqual(before)
      }
    })
  }
})
