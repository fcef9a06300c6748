/**
 * Every channel the renderer may call, named domain/verb. The preload exposes exactly these and
 * nothing else; contract.ts gives each its input schema and result type.
 * Kept free of imports so the sandboxed preload bundle stays tiny.
 */
export const CHANNELS = [
  'app/info',
  'settings/get',
  'settings/update',
  'files/current',
  'files/list',
  'files/create',
  'files/open',
  'files/close',
  'files/browse',
  'company/get',
  'company/update',
  'customers/search',
  'customers/get',
  'customers/create',
  'customers/update',
  'customers/archive',
  'customers/balance',
  'customers/activity',
  'plans/list',
  'plans/save',
  'metrics/list',
  'taxRates/list',
  'taxRates/save',
  'coupons/list',
  'coupons/create',
  'billingSettings/get',
  'billingSettings/update',
  'subscriptions/list',
  'subscriptions/get',
  'subscriptions/create',
  'subscriptions/change',
  'subscriptions/pause',
  'subscriptions/resume',
  'subscriptions/cancel',
  'subscriptions/undoCancel',
  'subscriptions/acceptOffer',
  'subscriptions/reactivate',
  'usage/list',
  'usage/add',
  'usage/correct',
  'usage/delete',
  'usage/import',
  'billing/run',
  'billing/lastRun',
  'invoices/list',
  'invoices/get',
  'invoices/addLine',
  'invoices/removeLine',
  'invoices/deleteDraft',
  'invoices/issue',
  'invoices/void',
  'invoices/creditNote',
  'invoices/uncollectible',
  'payments/record',
  'payments/refund',
  'ledger/verify'
] as const

export type Channel = (typeof CHANNELS)[number]

export const isChannel = (name: string): name is Channel =>
  (CHANNELS as readonly string[]).includes(name)
