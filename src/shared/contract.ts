import {
  exchangeRateInput,
  ksefExportInput,
  ksefQueueInput,
  ksefRecordInput,
  ksefRejectInput,
  ksefUpoInput,
  type ExchangeRate,
  type KsefQueue,
  type KsefQueueRow,
  type KsefUpoResult,
  type KsefZip,
  type VerifactuFiles,
  type VerifactuRecordsView
} from './ksef'
import { z } from 'zod'
import {
  nfseImportInput,
  nfseListInput,
  nfseSettingsInput,
  type NfseImportResult,
  type NfseList,
  type NfseSettings
} from './nfse'
import {
  printInput,
  settingsUpdateInput,
  type AppInfo,
  type AppSettings,
  type PrintResult
} from './app'
import type { Channel } from './channels'
import { companyProfileInput, type CompanyProfile } from './company'
import type { EinvoiceFileView, EinvoiceOptions } from './einvoice'
import {
  browseInput,
  createFileInput,
  openFileInput,
  type CompanyFileList,
  type OpenCompanyFile
} from './files'
import type { Coupon, TaxRate } from './billing/inputs'
import {
  couponCreateInput,
  planArchiveInput,
  planQuoteInput,
  planSaveInput,
  planVersionInput,
  taxRateSaveInput,
  type PlanQuote,
  type PlanSummary
} from './books/catalog'
import {
  customerArchiveInput,
  customerIdInput,
  customerInput,
  customerListInput,
  customerSearchInput,
  customerUpdateInput,
  type Customer,
  type CustomerFacets,
  type CustomerListRow
} from './books/customers'
import {
  addLineInput,
  creditNoteInput,
  documentLogoInput,
  importInput,
  invoiceExportInput,
  invoiceIdInput,
  invoiceListInput,
  invoicePdfInput,
  issueInput,
  paymentInput,
  paymentReverseInput,
  refundInput,
  removeLineInput,
  runInput,
  usageAddInput,
  usageCorrectInput,
  usageIdInput,
  usageListInput,
  voidInput,
  type DocumentLogo,
  type InvoiceEvent,
  type InvoicePdf,
  type InvoiceSummary,
  type InvoiceTotals,
  type InvoiceView
} from './books/invoices'
import type {
  ActivityEntry,
  Balance,
  DashboardSummary,
  ImportProgress,
  ImportReport,
  LedgerCheck,
  PaymentResult,
  PaymentReversal,
  RunProgress,
  RunSummary,
  RunUnderWay,
  StatementEntry,
  UsageRecord
} from './books/results'
import {
  billingPreferencesSchema,
  seriesUpdateInput,
  type BillingPreferences,
  type NumberSeries
} from './books/settings'
import {
  acceptOfferInput,
  cancelChannelInput,
  addAddOnChannelInput,
  removeAddOnChannelInput,
  changeChannelInput,
  createSubscriptionInput,
  pauseChannelInput,
  reactivateInput,
  resumeChannelInput,
  subscriptionIdInput,
  subscriptionListInput,
  subscriptionSearchInput,
  type ChangeResult,
  type SubscriptionRow,
  type SubscriptionView,
  type UpcomingInvoice
} from './books/subscriptions'
import type { Metric, Plan } from './billing/plan'
import { statementEmailInput, statementPdfInput, type StatementPdf } from './books/statements'
import {
  backupFolderInput,
  backupPathInput,
  exportInput,
  type BackupCheck,
  type BackupFile,
  type BackupList
} from './backups'
import {
  invoiceEmailInput,
  outboxIdInput,
  outboxListInput,
  smtpSaveInput,
  templateSaveInput,
  type EmailTemplateView,
  type OutboxDelivery,
  type OutboxEntry,
  type SmtpSettingsView
} from './books/email'
import {
  reminderPauseInput,
  reminderSettingsSchema,
  remindersRunInput,
  type ReminderRun,
  type ReminderSettings
} from './books/reminders'
import type { Result } from './result'

/** A type-only marker: the contract records each channel's result type without runtime cost. */
const returns = <T>(): T => undefined as T

const noInput = z.strictObject({})

/** The typed contract: for each channel, the zod schema of its input and the type of its result. */
export const contract = {
  'app/info': { input: noInput, output: returns<AppInfo>() },
  'app/print': { input: printInput, output: returns<PrintResult>() },
  'settings/get': { input: noInput, output: returns<AppSettings>() },
  'settings/update': { input: settingsUpdateInput, output: returns<AppSettings>() },
  'files/current': { input: noInput, output: returns<OpenCompanyFile | null>() },
  'files/list': { input: noInput, output: returns<CompanyFileList>() },
  'files/create': { input: createFileInput, output: returns<OpenCompanyFile>() },
  'files/open': { input: openFileInput, output: returns<OpenCompanyFile>() },
  'files/close': { input: noInput, output: returns<null>() },
  'files/browse': { input: browseInput, output: returns<{ path: string | null }>() },
  'company/get': { input: noInput, output: returns<CompanyProfile>() },
  'company/update': { input: companyProfileInput, output: returns<CompanyProfile>() },
  'customers/search': {
    input: customerSearchInput,
    output: returns<{ customers: Customer[]; total: number }>()
  },
  'customers/list': {
    input: customerListInput,
    output: returns<{ rows: CustomerListRow[]; total: number }>()
  },
  'customers/facets': { input: noInput, output: returns<CustomerFacets>() },
  'customers/get': { input: customerIdInput, output: returns<Customer>() },
  'customers/create': { input: customerInput, output: returns<Customer>() },
  'customers/update': { input: customerUpdateInput, output: returns<Customer>() },
  'customers/archive': { input: customerArchiveInput, output: returns<Customer>() },
  'customers/balance': {
    input: customerIdInput,
    output: returns<{ balances: Balance[]; statement: StatementEntry[] }>()
  },
  'customers/activity': { input: customerIdInput, output: returns<ActivityEntry[]>() },
  'plans/list': { input: noInput, output: returns<PlanSummary[]>() },
  'plans/save': { input: planSaveInput, output: returns<PlanSummary>() },
  'plans/quote': { input: planQuoteInput, output: returns<PlanQuote>() },
  'plans/version': { input: planVersionInput, output: returns<Plan>() },
  'plans/archive': { input: planArchiveInput, output: returns<null>() },
  'metrics/list': { input: noInput, output: returns<Metric[]>() },
  'taxRates/list': { input: noInput, output: returns<TaxRate[]>() },
  'taxRates/save': { input: taxRateSaveInput, output: returns<TaxRate>() },
  'coupons/list': { input: noInput, output: returns<Coupon[]>() },
  'coupons/create': { input: couponCreateInput, output: returns<Coupon>() },
  'billingSettings/get': { input: noInput, output: returns<BillingPreferences>() },
  'billingSettings/update': {
    input: billingPreferencesSchema,
    output: returns<BillingPreferences>()
  },
  'series/list': { input: noInput, output: returns<NumberSeries[]>() },
  'series/update': { input: seriesUpdateInput, output: returns<NumberSeries[]>() },
  'subscriptions/list': { input: subscriptionListInput, output: returns<SubscriptionView[]>() },
  'subscriptions/search': {
    input: subscriptionSearchInput,
    output: returns<{ rows: SubscriptionRow[]; total: number }>()
  },
  'subscriptions/get': { input: subscriptionIdInput, output: returns<SubscriptionView>() },
  'subscriptions/create': { input: createSubscriptionInput, output: returns<SubscriptionView>() },
  'subscriptions/change': { input: changeChannelInput, output: returns<ChangeResult>() },
  'subscriptions/pause': { input: pauseChannelInput, output: returns<ChangeResult>() },
  'subscriptions/resume': { input: resumeChannelInput, output: returns<ChangeResult>() },
  'subscriptions/cancel': { input: cancelChannelInput, output: returns<ChangeResult>() },
  'subscriptions/addAddOn': { input: addAddOnChannelInput, output: returns<ChangeResult>() },
  'subscriptions/removeAddOn': { input: removeAddOnChannelInput, output: returns<ChangeResult>() },
  'subscriptions/undoCancel': { input: subscriptionIdInput, output: returns<SubscriptionView>() },
  'subscriptions/acceptOffer': { input: acceptOfferInput, output: returns<SubscriptionView>() },
  'subscriptions/reactivate': { input: reactivateInput, output: returns<SubscriptionView>() },
  'subscriptions/upcoming': {
    input: subscriptionIdInput,
    output: returns<UpcomingInvoice | null>()
  },
  'subscriptions/upcomingPdf': { input: subscriptionIdInput, output: returns<InvoicePdf>() },
  'usage/list': { input: usageListInput, output: returns<UsageRecord[]>() },
  'usage/add': {
    input: usageAddInput,
    output: returns<{ id: number | null; duplicate: boolean }>()
  },
  'usage/correct': { input: usageCorrectInput, output: returns<UsageRecord>() },
  'usage/delete': { input: usageIdInput, output: returns<null>() },
  'usage/import': { input: importInput, output: returns<ImportReport>() },
  'billing/run': { input: runInput, output: returns<RunSummary>() },
  'billing/lastRun': { input: noInput, output: returns<RunProgress | null>() },
  'billing/progress': { input: noInput, output: returns<RunUnderWay | null>() },
  'dashboard/summary': { input: noInput, output: returns<DashboardSummary>() },
  'invoices/list': {
    input: invoiceListInput,
    output: returns<{ invoices: InvoiceSummary[]; total: number; totals: InvoiceTotals[] }>()
  },
  'invoices/get': { input: invoiceIdInput, output: returns<InvoiceView>() },
  'invoices/history': { input: invoiceIdInput, output: returns<InvoiceEvent[]>() },
  'invoices/pdf': { input: invoicePdfInput, output: returns<InvoicePdf>() },
  'invoices/addLine': { input: addLineInput, output: returns<InvoiceView>() },
  'invoices/removeLine': { input: removeLineInput, output: returns<InvoiceView>() },
  'invoices/deleteDraft': { input: invoiceIdInput, output: returns<null>() },
  'invoices/issue': { input: issueInput, output: returns<InvoiceView>() },
  'invoices/void': { input: voidInput, output: returns<InvoiceView>() },
  'invoices/creditNote': { input: creditNoteInput, output: returns<InvoiceView>() },
  'invoices/uncollectible': { input: invoiceIdInput, output: returns<InvoiceView>() },
  'payments/record': { input: paymentInput, output: returns<PaymentResult>() },
  'payments/refund': { input: refundInput, output: returns<{ paymentId: number }>() },
  'payments/reverse': { input: paymentReverseInput, output: returns<PaymentReversal>() },
  'ledger/verify': { input: noInput, output: returns<LedgerCheck>() },
  'email/settings': { input: noInput, output: returns<SmtpSettingsView>() },
  'email/saveSettings': { input: smtpSaveInput, output: returns<SmtpSettingsView>() },
  'email/templates': { input: noInput, output: returns<EmailTemplateView[]>() },
  'email/saveTemplate': { input: templateSaveInput, output: returns<EmailTemplateView[]>() },
  'invoices/email': { input: invoiceEmailInput, output: returns<OutboxEntry>() },
  'outbox/list': { input: outboxListInput, output: returns<OutboxEntry[]>() },
  'outbox/send': { input: noInput, output: returns<OutboxDelivery>() },
  'outbox/retry': { input: outboxIdInput, output: returns<OutboxEntry>() },
  'outbox/cancel': { input: outboxIdInput, output: returns<OutboxEntry>() },
  'outbox/markSent': { input: outboxIdInput, output: returns<OutboxEntry>() },
  'reminders/settings': { input: noInput, output: returns<ReminderSettings>() },
  'invoices/export': { input: invoiceExportInput, output: returns<EinvoiceFileView>() },
  'invoices/einvoices': { input: invoiceIdInput, output: returns<EinvoiceOptions>() },
  'documents/logo': { input: documentLogoInput, output: returns<DocumentLogo | null>() },
  'statements/pdf': { input: statementPdfInput, output: returns<StatementPdf>() },
  'statements/email': { input: statementEmailInput, output: returns<OutboxEntry>() },
  'ksef/queue': { input: ksefQueueInput, output: returns<KsefQueue>() },
  'ksef/export': { input: ksefExportInput, output: returns<KsefZip>() },
  'ksef/record': { input: ksefRecordInput, output: returns<KsefQueueRow>() },
  'ksef/reject': { input: ksefRejectInput, output: returns<KsefQueueRow>() },
  'ksef/importUpo': { input: ksefUpoInput, output: returns<KsefUpoResult>() },
  'exchangeRates/list': { input: noInput, output: returns<ExchangeRate[]>() },
  'exchangeRates/set': { input: exchangeRateInput, output: returns<ExchangeRate[]>() },
  'verifactu/records': {
    input: z.strictObject({ limit: z.number().int().min(1).max(10_000).default(500) }),
    output: returns<VerifactuRecordsView>()
  },
  'verifactu/export': { input: noInput, output: returns<VerifactuFiles>() },
  'nfse/list': { input: nfseListInput, output: returns<NfseList>() },
  'nfse/settings': { input: nfseSettingsInput, output: returns<NfseSettings>() },
  'nfse/import': { input: nfseImportInput, output: returns<NfseImportResult>() },
  'billing/runZip': {
    input: z.strictObject({ runId: z.number().int().positive() }),
    output: returns<{ fileName: string; zipBase64: string; invoices: number }>()
  },
  'billing/runPdf': {
    input: z.strictObject({ runId: z.number().int().positive() }),
    output: returns<{ fileName: string; pdfBase64: string; invoices: number }>()
  },
  'invoices/eml': {
    input: invoiceIdInput,
    output: returns<{ fileName: string; emlBase64: string | null; opened: boolean }>()
  },
  'reminders/saveSettings': { input: reminderSettingsSchema, output: returns<ReminderSettings>() },
  'reminders/run': { input: remindersRunInput, output: returns<ReminderRun>() },
  'reminders/pause': { input: reminderPauseInput, output: returns<null>() },
  'reminders/paused': {
    input: z.strictObject({ customerId: z.number().int().positive() }),
    output: returns<{ paused: boolean }>()
  },
  'backups/list': { input: noInput, output: returns<BackupList>() },
  'backups/create': { input: noInput, output: returns<BackupFile>() },
  'backups/check': { input: backupPathInput, output: returns<BackupCheck>() },
  'backups/restore': {
    input: backupPathInput,
    output: returns<{ restoredTo: string; keptAside: string }>()
  },
  'backups/setFolder': { input: backupFolderInput, output: returns<BackupList>() },
  'export/books': { input: exportInput, output: returns<{ path: string; bytes: number }>() },
  'imports/progress': { input: noInput, output: returns<ImportProgress | null>() },
  'imports/cancel': { input: noInput, output: returns<{ stopping: boolean }>() },
  'billing/cancel': { input: noInput, output: returns<{ stopping: boolean }>() }
} satisfies Record<Channel, { input: z.ZodType; output: unknown }>

type Contract = typeof contract

/** What the caller sends (before zod's defaults and transforms). */
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>
/** What the handler receives (after validation and transforms). */
export type ValidInput<C extends Channel> = z.output<Contract[C]['input']>
export type ChannelOutput<C extends Channel> = Contract[C]['output']

/** The shape of window.facturo in the desktop app: one function per channel. */
export type FacturoBridge = {
  [C in Channel]: (input: ChannelInput<C>) => Promise<Result<ChannelOutput<C>>>
}
