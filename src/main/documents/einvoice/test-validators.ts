import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'

/**
 * The official validators of ../shared/validators for the e-invoice tests: whether they can run
 * here (the folder beside the project, and xmllint), and one call of them on files.
 */

export const PROJECT_ROOT = resolve(import.meta.dirname, '../../../..')
export const VALIDATE = resolve(PROJECT_ROOT, '../shared/validators/validate.mjs')
export const VALIDATORS = existsSync(VALIDATE) && spawnSync('xmllint', ['--version']).status === 0

/** Says once, for a test file, why its validator tests are skipped. */
export function sayIfSkipped(what: string): void {
  if (!VALIDATORS)
    console.info(
      `${what} skipped: ${existsSync(VALIDATE) ? 'xmllint (libxml2-utils) is not installed' : `${VALIDATE} is not there (../shared is absent)`}`
    )
}

/** Runs the official validator of `kind` on files: its report and whether every file passed. */
export function validate(kind: string, files: string[]): { ok: boolean; report: string } {
  const run = spawnSync(process.execPath, [VALIDATE, kind, ...files], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8'
  })
  return { ok: run.status === 0, report: `${run.stdout}${run.stderr}` }
}

/** Where a test keeps the files it made, to look at: test-results/einvoice/<name>. */
export const resultsDir = (name = ''): string =>
  resolve(PROJECT_ROOT, 'test-results/einvoice', name)
