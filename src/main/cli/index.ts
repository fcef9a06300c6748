import {
  BOOKS_USAGE,
  setLockWait,
  runBilling,
  runCoupons,
  runImport,
  runInit,
  runInvoices,
  runPlans,
  runSubscribe,
  runVerifyLedger
} from './books'
import { BACKUP_USAGE, runBackup, runCheck, runExport, runRestore } from './backups'
import { CliError } from './errors'
import { EMAIL_USAGE, runOutbox, runSettings } from './email'
import { EINVOICE_USAGE } from './einvoice'
import { KSEF_USAGE, runKsef } from './ksef'
import { runVerifactu, VERIFACTU_USAGE } from './verifactu'
import { NFSE_USAGE, runNfse } from './nfse'
import { REMINDERS_USAGE, runRemindersCli } from './reminders'
import { runStatements, STATEMENTS_USAGE } from './statements'
import { QUOTE_USAGE, runQuote } from './quote'

const USAGE = `Facturo command line

  ${QUOTE_USAGE}
  ${BOOKS_USAGE}
  ${EINVOICE_USAGE}
  ${KSEF_USAGE}
  ${VERIFACTU_USAGE}
  ${NFSE_USAGE}
  ${EMAIL_USAGE}
  ${REMINDERS_USAGE}
  ${STATEMENTS_USAGE}
  ${BACKUP_USAGE}

Every command that opens a company file takes --wait SECONDS: while another Facturo has the file
open, wait that long for it instead of stopping at once (exit code 3).
Prints JSON with --json (quote: always). Use npm run -s (silent) to keep npm's own lines out of it.
A billing run can be scheduled with cron or Task Scheduler; running it twice bills nothing twice.`

/** `--wait SECONDS`, accepted by every command that opens a company file, taken out here. */
function withoutWait(argv: readonly string[]): string[] {
  const out: string[] = []
  let seconds = 0
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    if (arg !== '--wait' && !arg.startsWith('--wait=')) {
      out.push(arg)
      continue
    }
    const raw = arg.includes('=') ? arg.slice('--wait='.length) : argv[++i]
    seconds = Number(raw)
    if (!/^\d{1,5}$/.test(raw ?? ''))
      throw new CliError(`--wait needs a number of seconds (0 to 99999), not "${raw ?? ''}"`)
  }
  setLockWait(seconds)
  return out
}

/** Runs one command; resolves to what to print, or rejects with a CliError. Progress goes to `progress`. */
export async function runCli(
  argv: readonly string[],
  progress: (text: string) => void = () => undefined
): Promise<string> {
  const [command, ...rest] = withoutWait(argv)
  switch (command) {
    case 'quote':
      return runQuote(rest)
    case 'init':
      return runInit(rest)
    case 'import':
      return runImport(rest)
    case 'plans':
      return runPlans(rest)
    case 'coupons':
      return runCoupons(rest)
    case 'subscribe':
      return runSubscribe(rest)
    case 'run':
      return runBilling(rest, progress)
    case 'invoices':
      return runInvoices(rest)
    case 'settings':
      return runSettings(rest)
    case 'outbox':
      return runOutbox(rest)
    case 'reminders':
      return runRemindersCli(rest)
    case 'statements':
      return runStatements(rest)
    case 'ksef':
      return runKsef(rest)
    case 'verifactu':
      return runVerifactu(rest)
    case 'nfse':
      return runNfse(rest)
    case 'verify-ledger':
      return runVerifyLedger(rest)
    case 'backup':
      return runBackup(rest)
    case 'restore':
      return runRestore(rest)
    case 'check':
      return runCheck(rest)
    case 'export':
      return runExport(rest)
    case undefined:
    case 'help':
    case '--help':
      return `${USAGE}\n`
    default:
      throw new CliError(`unknown command "${command}"\n\n${USAGE}`)
  }
}

async function main(): Promise<void> {
  try {
    process.stdout.write(await runCli(process.argv.slice(2), (text) => process.stderr.write(text)))
  } catch (error) {
    if (error instanceof CliError) {
      process.stderr.write(`${error.message}\n`)
      process.exitCode = error.exitCode
    } else {
      process.stderr.write(
        `Facturo failed unexpectedly: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`
      )
      process.exitCode = 1
    }
  }
}

// Run only as the entry point (out/main/cli.js), not when a test imports runCli.
if (process.argv[1] && /cli\.(js|mjs)$/.test(process.argv[1])) void main()
