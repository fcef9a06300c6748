import { CliError } from './errors'
import { QUOTE_USAGE, runQuote } from './quote'

const USAGE = `Facturo command line

  ${QUOTE_USAGE}

Prints JSON. Use npm run -s (silent) or --out FILE to keep npm's own lines out of it.`

/** Runs one command; returns what to print, or throws CliError. */
export function runCli(argv: readonly string[]): string {
  const [command, ...rest] = argv
  switch (command) {
    case 'quote':
      return runQuote(rest)
    case undefined:
    case 'help':
    case '--help':
      return `${USAGE}\n`
    default:
      throw new CliError(`unknown command "${command}"\n\n${USAGE}`)
  }
}

function main(): void {
  try {
    process.stdout.write(runCli(process.argv.slice(2)))
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
if (process.argv[1] && /cli\.(js|mjs)$/.test(process.argv[1])) main()
