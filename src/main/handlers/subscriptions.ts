import type { ChangeResult } from '@shared/books/subscriptions'
import {
  acceptRetentionOffer,
  addAddOn,
  removeAddOn,
  cancelSubscription,
  changeSubscription,
  createSubscription,
  pauseSubscription,
  reactivateSubscription,
  resumeSubscription,
  undoCancellation,
  viewSubscription,
  type ChangeOutcome
} from '../books/subscriptions'
import { searchSubscriptions } from '../books/subscription-list'
import { upcomingInvoice } from '../books/upcoming'
import { invoicePdfFor } from '../documents/logo'
import { problem } from '../errors'
import type { HandlerRegistry } from '../ipc/registry'
import type { HandlerContext } from './context'

/** The lines a change leaves for the next invoice, as the renderer shows them. */
function asResult(outcome: ChangeOutcome): ChangeResult {
  return {
    subscription: outcome.subscription,
    effectiveDate: outcome.effectiveDate,
    net: outcome.net,
    ...(outcome.creditNotes ? { creditNotes: outcome.creditNotes } : {}),
    lines: outcome.lines.map((l) => ({
      kind: l.kind,
      description: l.description,
      periodStart: l.period.start,
      periodEnd: l.period.end,
      amount: l.amount,
      computation: l.proration?.computation ?? null
    }))
  }
}

export function registerSubscriptionHandlers(registry: HandlerRegistry, ctx: HandlerContext): void {
  const books = () => ctx.workspace.requireStore().books
  registry
    .register('subscriptions/list', ({ customerId }) =>
      books()
        .all(
          books()
            .q.selectFrom('subscriptions')
            .select('id')
            .where('customer_id', '=', customerId)
            .orderBy('id')
        )
        .map((s) => viewSubscription(books(), s.id))
    )
    .register('subscriptions/search', (input) => searchSubscriptions(books(), input))
    .register('subscriptions/get', ({ subscriptionId }) =>
      viewSubscription(books(), subscriptionId)
    )
    .register('subscriptions/create', (input) => createSubscription(books(), input))
    .register('subscriptions/change', ({ confirm, ...input }) =>
      asResult(changeSubscription(books(), input, confirm))
    )
    .register('subscriptions/pause', ({ confirm, ...input }) =>
      asResult(pauseSubscription(books(), input, confirm))
    )
    .register('subscriptions/resume', ({ confirm, ...input }) =>
      asResult(resumeSubscription(books(), input, confirm))
    )
    .register('subscriptions/cancel', ({ confirm, ...input }) =>
      asResult(cancelSubscription(books(), input, confirm))
    )
    .register('subscriptions/addAddOn', ({ confirm, ...input }) =>
      asResult(addAddOn(books(), input, confirm))
    )
    .register('subscriptions/removeAddOn', ({ confirm, ...input }) =>
      asResult(removeAddOn(books(), input, confirm))
    )
    .register('subscriptions/undoCancel', ({ subscriptionId }) =>
      undoCancellation(books(), subscriptionId)
    )
    .register('subscriptions/acceptOffer', (input) => acceptRetentionOffer(books(), input))
    .register('subscriptions/reactivate', (input) => reactivateSubscription(books(), input))
    .register('subscriptions/upcoming', ({ subscriptionId }) =>
      upcomingInvoice(books(), subscriptionId)
    )
    .register('subscriptions/upcomingPdf', async ({ subscriptionId }) => {
      const upcoming = upcomingInvoice(books(), subscriptionId)
      if (!upcoming)
        throw problem(
          'NOT_FOUND',
          'no_upcoming_invoice',
          `Subscription ${subscriptionId} has nothing left to bill.`
        )
      const { invoice } = upcoming
      const pdf = await invoicePdfFor(books(), invoice, invoice.language, { upcoming: true })
      return {
        fileName: `upcoming-${subscriptionId}-${upcoming.billDate}.pdf`,
        language: invoice.language,
        pdfBase64: Buffer.from(pdf).toString('base64')
      }
    })
}
