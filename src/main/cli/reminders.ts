import { minorToDecimal } from '@shared/money'
import { customerByCode } from '../books/customers'
import { pauseReminders, runReminders } from '../documents/email/reminders'
import { dateOption, parseOptions } from './args'
import { invoiceId, withBooks } from './books-file'
import { CliError } from './errors'

export const REMINDERS_USAGE = `npm run cli -- reminders run --as-of YYYY-MM-DD --file books.facturo [--json]
  npm run cli -- reminders pause|resume --customer CODE | --invoice NUMBER|ID --file books.facturo`

export async function runRemindersCli(argv: readonly string[]): Promise<string> {
  const [what, ...rest] = argv
  if (what === 'run') {
    const o = parseOptions('reminders run', rest, {
      file: { value: true, required: true },
      'as-of': { value: true, required: true },
      json: { value: false }
    })
    const asOf = dateOption('reminders run', 'as-of', o['as-of']![0]!)
    return withBooks(o.file![0]!, ({ books }) => {
      const run = runReminders(books, asOf)
      if (o.json) return `${JSON.stringify(run, null, 2)}\n`
      const lines = [
        `Queued ${run.queued.length} reminder(s) as of ${asOf}${run.skipped ? `, passed over ${run.skipped} earlier stage(s)` : ''}.`,
        ...run.queued.map(
          (q) =>
            `  ${q.number}: ${q.stage < 0 ? `${-q.stage} day(s) before the due date` : q.stage === 0 ? 'on the due date' : `${q.stage} day(s) overdue`} (message ${q.outboxId})`
        ),
        ...run.noEmail.map((n) => `  ${n.number}: due, but the customer has no billing email`),
        ...(run.notices.length
          ? [`Queued ${run.notices.filter((n) => n.outboxId !== null).length} notice(s):`]
          : []),
        ...run.notices.map(
          (n) =>
            `  subscription ${n.subscriptionId} (${n.customerName}): ${n.kind === 'renewal' ? `renews on ${n.date}` : `trial ends on ${n.date}`} ${n.outboxId === null ? '— the customer has no billing email' : `(message ${n.outboxId})`}`
        ),
        ...(run.lateFees.length ? [`Charged ${run.lateFees.length} late fee(s):`] : []),
        ...run.lateFees.map(
          (f) =>
            `  ${f.number}: ${minorToDecimal(f.amount, f.currency)} ${f.currency} ${f.feeInvoiceId === null ? 'on the customer’s next invoice' : `on draft invoice ${f.feeInvoiceId}`}`
        )
      ]
      return `${lines.join('\n')}\nThey go out with outbox send, or when Facturo is open.\n`
    })
  }
  if (what === 'pause' || what === 'resume') {
    const o = parseOptions(`reminders ${what}`, rest, {
      file: { value: true, required: true },
      customer: { value: true },
      invoice: { value: true }
    })
    if (!o.customer === !o.invoice)
      throw new CliError(`reminders ${what}: give --customer CODE or --invoice NUMBER, one of them`)
    return withBooks(o.file![0]!, ({ books }) => {
      let target: { customerId: number } | { invoiceId: number }
      if (o.customer) {
        const customer = customerByCode(books, o.customer[0]!)
        if (!customer)
          throw new CliError(`reminders ${what}: there is no customer ${o.customer[0]}`)
        target = { customerId: customer.id }
      } else target = { invoiceId: invoiceId(books, `reminders ${what}`, o.invoice![0]!) }
      pauseReminders(books, target, what === 'pause')
      const name = o.customer ? `customer ${o.customer[0]}` : `invoice ${o.invoice![0]}`
      return `Reminders for ${name} are ${what === 'pause' ? 'paused' : 'on again'}.\n`
    })
  }
  throw new CliError('reminders: run, pause or resume')
}
