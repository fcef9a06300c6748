import { readFileSync } from 'node:fs'
import { basename, resolve } from 'node:path'
import { CliError } from './errors'

/**
 * What the commands that read files the authorities return share (`ksef import-upo`,
 * `nfse import`): the files read whole, and the report of what was recorded, already known and
 * not matched, which fails with exit code 1 when something matched nothing.
 */

/** Each named file's name and text; a file that cannot be read stops the command, naming it. */
export function readInputFiles(command: string, paths: string[]): { name: string; text: string }[] {
  return paths.map((p) => {
    try {
      return { name: basename(p), text: readFileSync(resolve(p), 'utf8') }
    } catch (error) {
      throw new CliError(`${command}: cannot read ${p}: ${(error as Error).message}`)
    }
  })
}

interface ImportResult<R, K, U> {
  recorded: R[]
  known: K[]
  unmatched: U[]
}

/**
 * The import's report, as JSON or one line per document and a summary. A document that matched
 * nothing is for the bookkeeper to look at: the report then fails with exit code 1.
 */
export function importReport<R, K, U>(
  result: ImportResult<R, K, U>,
  json: boolean,
  lines: { recorded(r: R): string; known(k: K): string; unmatched(u: U): string; title: string }
): string {
  const text = json
    ? `${JSON.stringify(result, null, 2)}\n`
    : [
        ...result.recorded.map(lines.recorded),
        ...result.known.map(lines.known),
        ...result.unmatched.map(lines.unmatched),
        `${lines.title}: ${result.recorded.length} recorded, ${result.known.length} already known, ${result.unmatched.length} not matched.`
      ].join('\n') + '\n'
  if (result.unmatched.length) throw new CliError(text.trimEnd(), 1)
  return text
}
