import { readFileSync } from 'node:fs'
import type { z } from 'zod'
import { describeIssues } from '@shared/billing/issues'
import { CliError } from './errors'

/** Line and column of a character offset, for pointing at a JSON syntax error. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n')
  return { line: before.length, column: before.at(-1)!.length + 1 }
}

export function readJsonFile(path: string): unknown {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new CliError(
      `${path}: ${code === 'ENOENT' ? 'no such file' : `cannot be read (${code})`}`
    )
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (error) {
    const message = (error as Error).message
    const position = /position (\d+)/.exec(message)
    const where = position ? lineAndColumn(text, Number(position[1])) : null
    const reason = message.replace(/ in JSON at position \d+.*$/s, '').replace(/^JSON\.parse: /, '')
    throw new CliError(
      `${path}: ${where ? `line ${where.line}, column ${where.column}: ` : ''}not valid JSON (${reason})`
    )
  }
}

/** Reads a JSON file and checks it against a schema; every problem is reported with the file and the path. */
export function readValidated<S extends z.ZodType>(path: string, schema: S): z.output<S> {
  const raw = readJsonFile(path)
  const result = schema.safeParse(raw)
  if (!result.success) {
    throw new CliError(
      describeIssues(result.error.issues, raw)
        .map((line) => `${path}: ${line}`)
        .join('\n')
    )
  }
  return result.data
}
