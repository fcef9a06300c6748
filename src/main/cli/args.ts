import { dateProblem, describeDateProblem } from '@shared/calendar'
import { CliError } from './errors'

export interface OptionSpec {
  /** Takes a value (--plan FILE); otherwise a flag (--dry-run). */
  value: boolean
  repeatable?: boolean
  required?: boolean
}

export type ParsedOptions = Record<string, string[]>

/** Parses `--name value`, `--name=value` and flags against a spec; anything else is an error that says what is known. */
/** The leading arguments that are not options (files, an invoice), then the options. */
export function splitOperands(argv: readonly string[]): [string[], string[]] {
  const first = argv.findIndex((a) => a.startsWith('--'))
  return first === -1 ? [[...argv], []] : [argv.slice(0, first), argv.slice(first)]
}

export function parseOptions(
  command: string,
  argv: readonly string[],
  spec: Record<string, OptionSpec>
): ParsedOptions {
  const out: ParsedOptions = {}
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    if (!arg.startsWith('--')) throw new CliError(`${command}: unexpected argument "${arg}"`)
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined]
    const option = Object.hasOwn(spec, name) ? spec[name] : undefined
    if (!option) {
      throw new CliError(
        `${command}: unknown option --${name} (known: ${Object.keys(spec)
          .map((k) => `--${k}`)
          .join(', ')})`
      )
    }
    let value = 'true'
    if (option.value) {
      value = inline ?? argv[++i] ?? ''
      if (value === '' || (inline === undefined && value.startsWith('--')))
        throw new CliError(`${command}: --${name} needs a value`)
    }
    if (Object.hasOwn(out, name) && !option.repeatable)
      throw new CliError(`${command}: --${name} is given twice`)
    out[name] = [...(Object.hasOwn(out, name) ? out[name]! : []), value]
  }
  for (const [name, option] of Object.entries(spec)) {
    if (option.required && !Object.hasOwn(out, name))
      throw new CliError(`${command}: --${name} is required`)
  }
  return out
}

/** A date option's value, checked like every date of the books (on the calendar, 1970–2199). */
export function dateOption(command: string, name: string, value: string): string {
  const problem = dateProblem(value)
  if (problem) throw new CliError(`${command}: ${describeDateProblem(`--${name}`, value, problem)}`)
  return value
}
