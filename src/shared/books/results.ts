import type { ErrorCode, Problem } from '../result'

/** What the books' channels answer with (money in minor units of `currency`). */

export interface ImportProblem {
  line: number
  column: string | null
  /** In English, for logs and the CLI. */
  reason: string
  /** The catalog key of its text in the UI (importProblem.no_customer, validation.nip_checksum…) and its values. */
  code: string
  params: Record<string, string | number>
}

export interface ImportReport {
  dryRun: boolean
  rows: number
  /** Rows that would be (or were) imported. */
  valid: number
  imported: number
  /** Rows repeating an earlier row of the file (same customer, metric and event id): counted once. */
  duplicates: number
  /** Rows already in the books from an earlier import: skipped. */
  alreadyImported: number
  problems: ImportProblem[]
  /** More problems than listed. */
  moreProblems: number
}

export interface RunInvoice {
  invoiceId: number | null
  number: string | null
  currency: string
  billDate: string
  lines: number
  net: number
  tax: number
  total: number
  /** Left as a draft although the run issues invoices (it totals less than zero). */
  needsAttention: boolean
}

export interface RunCustomer {
  customerId: number
  name: string
  invoices: RunInvoice[]
}

/** A customer a run could not bill, and why (the run billed the others). */
export interface RunFailure {
  customerId: number
  name: string
  code: ErrorCode
  message: string
  problem?: Problem
}

export interface RunSummary {
  runId: number | null
  asOf: string
  dryRun: boolean
  customers: RunCustomer[]
  invoicesCreated: number
  /** Per currency. */
  totals: Record<string, number>
  failures: RunFailure[]
  /** Stopped by the bookkeeper before every customer was billed (the rest bill next time). */
  cancelled: boolean
}

export interface RunProgress {
  runId: number
  asOf: string
  /** interrupted: Facturo stopped (closed, crashed) before the run ended; running it again finishes it. */
  status: 'running' | 'finished' | 'failed' | 'cancelled' | 'interrupted'
  customersDone: number
  customersTotal: number
  invoicesCreated: number
  customersFailed: number
  failures: RunFailure[]
  error: string | null
}

/** A CSV import going on right now (in a worker: the rest of the app answers meanwhile). */
export interface ImportProgress {
  kind: 'customers' | 'usage'
  dryRun: boolean
  /** Rows checked, then written: runs to `total`, twice the rows. */
  done: number
  total: number
}

/** A billing run (or its preview) going on right now. */
export interface RunUnderWay {
  asOf: string
  dryRun: boolean
  done: number
  total: number
}

export interface UsageRecord {
  id: number
  customerId: number
  subscriptionId: number | null
  metric: string
  eventId: string
  timestamp: string
  properties: Record<string, string | number>
  billed: boolean
}

export interface LedgerCheck {
  ok: boolean
  entries: number
  /** The first link that does not hold, if any. */
  broken: { series: string; entry: number; number: string | null; reason: string } | null
}

export interface PaymentResult {
  paymentId: number
  allocations: { invoiceId: number; amount: number }[]
  /** What was left over and became customer credit. */
  toCredit: number
}

export interface PaymentReversal {
  reversalId: number
  /** The invoices that are owed again, and how much of each. */
  reopened: { invoiceId: number; amount: number }[]
  /** The customer credit the payment had made, taken back. */
  creditTaken: number
}

export interface Balance {
  currency: string
  /** Owed on issued invoices. */
  receivable: number
  /** The customer's credit. */
  credit: number
  /** receivable − credit: what the customer owes overall (negative: the company owes them). */
  balance: number
}

export interface StatementEntry {
  date: string
  kind: 'invoice' | 'credit_note' | 'payment' | 'refund' | 'reversal'
  reference: string
  /** Payments, refunds and reversals: the payment. */
  paymentId?: number
  /** A payment that has since been reversed. */
  reversed?: boolean
  /** Positive: owed by the customer; negative: paid or credited. */
  amount: number
  balance: number
}

export interface ActivityEntry {
  at: string
  actor: string
  entity: string
  entityId: string
  action: string
  changes: Record<string, [unknown, unknown]>
}

/** A line a lifecycle change leaves for the next invoice. */
export interface PendingLineView {
  kind: string
  description: string
  periodStart: string
  periodEnd: string
  amount: number
  computation: string | null
}

/** A list of invoices on the dashboard: the first few and the sums of all. */
export interface InvoiceGroup {
  count: number
  totals: { currency: string; count: number; total: number; outstanding: number }[]
  first: import('./invoices').InvoiceSummary[]
}

/** What needs attention today. */
export interface DashboardSummary {
  today: string
  drafts: InvoiceGroup
  /** Owed and due within the next 7 days (not yet overdue). */
  dueSoon: InvoiceGroup
  overdue: InvoiceGroup
  lastRun: RunProgress | null
  /** The next day a subscription period begins or ends, when a run has something new to bill. */
  nextRunDate: string | null
  customers: number
  activeSubscriptions: number
  activity: ActivityEntry[]
}
