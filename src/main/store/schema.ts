import type { ColumnType, Generated } from 'kysely'

/** Table types as SQLite stores them; domain types live in src/shared and meet these in repos/. */
export interface CompanyTable {
  id: Generated<number>
  legal_name: string
  address_line1: string
  address_line2: string
  postal_code: string
  city: string
  region: string
  country: string
  tax_id: string
  email: string
  phone: string
  iban: string
  bic: string
  pix_key: string
  default_currency: string
  default_language: string
  invoice_number_format: string
  logo: Buffer | null
  logo_mime_type: string | null
  created_at: string
  updated_at: string
}

type Id = Generated<number>

export interface SettingsTable {
  key: string
  value: string
}

export interface TaxRateTable {
  id: string
  name: string
  category: string
  percent: string
  exemption_reason: string | null
  exemption_code: string | null
  /** 1 for Annex 15 goods and services (Poland's split payment). */
  split_payment: Generated<number>
  archived_at: string | null
  created_at: string
}

export interface CustomerTable {
  id: Id
  code: string
  name: string
  tax_id: string
  emails: string
  address_line1: string
  address_line2: string
  postal_code: string
  city: string
  region: string
  country: string
  language: string
  currency: string
  payment_terms_days: number
  tax_treatment: string
  exemption_reason: string
  segment: string
  tags: string
  notes: string
  search_text: string
  /** The Peppol address the customer gave ("0088:…"), or ''. */
  peppol_id: string
  /** The e-invoice format the customer wants with its invoices, or null. */
  einvoice_format: string | null
  archived_at: string | null
  created_at: string
  updated_at: string
}

export interface ProductTable {
  id: Id
  code: string
  name: string
  unit_price: string
  currency: string
  tax_rate_id: string
  archived_at: string | null
  created_at: string
}

export interface MetricTable {
  code: string
  name: string
  aggregation: string
  property: string | null
  created_at: string
}

export interface PlanTable {
  id: Id
  code: string
  name: string
  currency: string
  archived_at: string | null
  created_at: string
}

export interface PlanVersionTable {
  id: Id
  plan_id: number
  version: number
  effective_from: string
  definition: string
  created_at: string
}

export interface CouponTable {
  id: Id
  code: string
  definition: string
  archived_at: string | null
  created_at: string
}

export interface SubscriptionTable {
  id: Id
  customer_id: number
  start_date: string
  trial_end: string | null
  cancel_at: string | null
  cancel_requested_at: string | null
  cancel_reason: string | null
  retention_offer: string | null
  resume_mode: Generated<string>
  previous_subscription_id: number | null
  created_at: string
  updated_at: string
}

export interface SubscriptionItemTable {
  id: Id
  subscription_id: number
  plan_version_id: number
  quantity: string
  start_date: string
  end_date: string | null
  origin: string
  role: ColumnType<'plan' | 'addon', 'plan' | 'addon' | undefined, 'plan' | 'addon'>
  created_at: string
}

export interface SubscriptionPauseTable {
  id: Id
  subscription_id: number
  start_date: string
  end_date: string | null
}

export interface SubscriptionCouponTable {
  id: Id
  subscription_id: number
  coupon_id: number
  applies_from: string
  created_at: string
}

export interface UsageEventTable {
  id: Id
  customer_id: number
  subscription_id: number | null
  metric: string
  event_id: string
  timestamp: string
  value: string | null
  value_micro: number | null
  properties: Generated<string>
  created_at: string
}

export interface NumberSeriesTable {
  id: string
  kind: string
  format: string
  created_at: string
}

export interface NumberCounterTable {
  series_id: string
  period_key: string
  last_seq: number
}

export interface InvoiceTable {
  id: Id
  kind: Generated<string>
  status: Generated<string>
  customer_id: number
  currency: string
  series_id: string | null
  seq: number | null
  number: string | null
  issue_date: string | null
  due_date: string | null
  bill_date: string
  period_start: string | null
  period_end: string | null
  tax_inclusive: Generated<number>
  lines_total: Generated<number>
  discount_total: Generated<number>
  net_total: Generated<number>
  tax_total: Generated<number>
  total: Generated<number>
  credits_applied: Generated<number>
  amount_due: Generated<number>
  taxes: Generated<string>
  discounts: Generated<string>
  legal_notes: Generated<string>
  coupon_inputs: Generated<string>
  seller: string | null
  buyer: string | null
  corrects_invoice_id: number | null
  correction_reason: string | null
  billing_run_id: number | null
  created_at: string
  updated_at: string
  issued_at: string | null
  closed_at: string | null
}

export interface InvoiceLineTable {
  id: Id
  invoice_id: number
  position: number
  kind: string
  description: string
  period_start: string | null
  period_end: string | null
  quantity: string
  amount: number
  discount: Generated<number>
  net_amount: number
  tax_rate_id: string | null
  tax_category: string | null
  tax_percent: string | null
  tax_amount: number | null
  subscription_id: number | null
  item_id: number | null
  plan_code: string | null
  price_id: string | null
  model: string | null
  metric: string | null
  charge_key: string | null
  discountable: Generated<number>
  breakdown: Generated<string>
  proration: string | null
  source_line_id: number | null
}

export interface PendingChargeTable {
  id: Id
  customer_id: number
  subscription_id: number | null
  bill_date: string
  line: string
  charge_key: string
  invoice_id: number | null
  created_at: string
}

export interface LedgerEntryTable {
  id: Id
  series_id: string
  invoice_id: number
  kind: string
  recorded_at: string
  previous_hash: string
  hash: string
}

export interface PaymentTable {
  id: Id
  customer_id: number
  kind: Generated<string>
  date: string
  method: string
  amount: number
  currency: string
  reference: Generated<string>
  created_at: string
}

export interface AllocationTable {
  id: Id
  invoice_id: number
  payment_id: number | null
  credit_note_id: number | null
  amount: number
  created_at: string
  /** Set when the payment it came from was reversed: it no longer pays the invoice. */
  reversal_id: Generated<number | null>
}

export interface PaymentReversalTable {
  id: Id
  payment_id: number
  date: string
  reason: string
  created_at: string
}

export interface CreditLedgerTable {
  id: Id
  customer_id: number
  currency: string
  amount: number
  reason: string
  payment_id: number | null
  invoice_id: number | null
  created_at: string
}

export interface BillingRunTable {
  id: Id
  as_of: string
  status: string
  customers_total: Generated<number>
  customers_done: Generated<number>
  invoices_created: Generated<number>
  started_at: string
  finished_at: string | null
  error: string | null
  customers_failed: Generated<number>
  cancelled: Generated<number>
}

export interface BillingRunFailureTable {
  id: Id
  run_id: number
  customer_id: number
  code: string
  message: string
  /** JSON of the problem key and values, when the failure has one. */
  problem: string | null
  at: string
}

export interface AuditLogTable {
  id: Id
  at: string
  actor: string
  entity: string
  entity_id: string
  action: string
  changes: Generated<string>
}

export interface OutboxTable {
  id: Id
  message_id: string
  kind: string
  invoice_id: number | null
  customer_id: number | null
  /** JSON: what to attach ({kind: 'invoice', invoiceId, language, template}), or null. */
  document: string | null
  language: string
  /** JSON: {name, address, replyTo} as the settings were when it was queued. */
  sender: string
  /** JSON: {to, cc, bcc}. */
  recipients: string
  subject: string
  body: string
  status: string
  attempts: Generated<number>
  next_attempt_at: string | null
  last_error: string | null
  sent_at: string | null
  created_at: string
  updated_at: string
}

export interface ReminderTable {
  id: Id
  invoice_id: number
  stage: number
  status: string
  outbox_id: number | null
  as_of: string
  created_at: string
}

export interface LateFeeTable {
  id: Id
  invoice_id: number
  amount: number
  currency: string
  pending_charge_id: number | null
  fee_invoice_id: number | null
  as_of: string
  created_at: string
}

export interface SubscriptionNoticeTable {
  id: Id
  subscription_id: number
  kind: 'renewal' | 'trial_ending'
  date: string
  status: 'queued' | 'no_email'
  outbox_id: number | null
  as_of: string
  created_at: string
}

/** An e-invoice file made of an issued document: its format's version and the SHA-256 of its bytes. */
export interface EinvoiceExportTable {
  invoice_id: number
  format: string
  version: string
  sha256: string
  created_at: string
}

/** What happened to an invoice on its way to KSeF (append-only; the queue's state is read from it). */
export interface KsefEventTable {
  id: Id
  invoice_id: number
  kind: 'sent' | 'accepted' | 'rejected'
  ksef_number: string | null
  reason: string | null
  /** Who recorded it: zip (exported for sending), typed, upo (an imported receipt); later api. */
  source: string
  /** The ZIP's or UPO's file name, a session reference. */
  detail: string | null
  at: string
}

/** PLN for one unit of a currency on a day (the NBP table A mid rate), for VAT stated in PLN. */
export interface ExchangeRateTable {
  currency: string
  day: string
  rate: string
  source: string
  created_at: string
}

/** Verifactu's chained records of a Spanish seller (append-only). */
export interface VerifactuRecordTable {
  id: Id
  invoice_id: number
  kind: 'alta' | 'anulacion'
  tipo_factura: string | null
  nif: string
  num_serie: string
  issue_date: string
  cuota_total: string | null
  importe_total: string | null
  previous_id: number | null
  previous_huella: string
  generated_at: string
  huella: string
}

/** A Brazilian seller's invoice: the DPS exported of it and the NFS-e the tax system returned. */
export interface NfseDocumentTable {
  invoice_id: number
  dps_id: string | null
  dps_exported_at: string | null
  nfse_number: string | null
  access_key: string | null
  status_code: string | null
  processed_at: string | null
  source_file: string | null
  recorded_at: string | null
}

export interface DocumentImageTable {
  sha256: string
  mime_type: string
  data: Buffer
  created_at: string
}

export interface ReminderPauseTable {
  id: Id
  customer_id: number | null
  invoice_id: number | null
  created_at: string
}

export interface Database {
  company: CompanyTable
  settings: SettingsTable
  tax_rates: TaxRateTable
  customers: CustomerTable
  products: ProductTable
  metrics: MetricTable
  plans: PlanTable
  plan_versions: PlanVersionTable
  coupons: CouponTable
  subscriptions: SubscriptionTable
  subscription_items: SubscriptionItemTable
  subscription_pauses: SubscriptionPauseTable
  subscription_coupons: SubscriptionCouponTable
  usage_events: UsageEventTable
  number_series: NumberSeriesTable
  number_counters: NumberCounterTable
  invoices: InvoiceTable
  invoice_lines: InvoiceLineTable
  pending_charges: PendingChargeTable
  ledger_entries: LedgerEntryTable
  payments: PaymentTable
  allocations: AllocationTable
  payment_reversals: PaymentReversalTable
  credit_ledger: CreditLedgerTable
  billing_runs: BillingRunTable
  billing_run_failures: BillingRunFailureTable
  audit_log: AuditLogTable
  outbox: OutboxTable
  reminders: ReminderTable
  reminder_pauses: ReminderPauseTable
  late_fees: LateFeeTable
  subscription_notices: SubscriptionNoticeTable
  document_images: DocumentImageTable
  einvoice_exports: EinvoiceExportTable
  ksef_events: KsefEventTable
  exchange_rates: ExchangeRateTable
  verifactu_records: VerifactuRecordTable
  nfse_documents: NfseDocumentTable
}
