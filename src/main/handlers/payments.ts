import { verifyChains } from '../books/chains'
import { recordPayment, refundCredit, reversePayment } from '../books/payments'
import type { HandlerRegistry } from '../ipc/registry'
import type { HandlerContext } from './context'

/** Payments, refunds and reversals, and the check of the ledger's chains. */
export function registerPaymentHandlers(registry: HandlerRegistry, ctx: HandlerContext): void {
  const books = () => ctx.workspace.requireStore().books
  registry
    .register('payments/record', (input) => recordPayment(books(), input))
    .register('payments/refund', (input) => ({ paymentId: refundCredit(books(), input) }))
    .register('payments/reverse', (input) => reversePayment(books(), input))
    .register('ledger/verify', () => verifyChains(books()))
}
