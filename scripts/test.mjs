// npm test: lint, typecheck, unit tests (vitest), end-to-end tests (Playwright in browser mode).
// Every step runs even when an earlier one fails; the last line totals them: "N passed, N failed".
// vitest and Playwright count their tests; lint and typecheck count as one check each.
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { ensureSupportedNode } from './node-runtime.mjs'

await ensureSupportedNode()

const ROOT = resolve(import.meta.dirname, '..')
const REPORTS = join(ROOT, 'test-results', 'reports')
const bin = (pkg, file) => join(ROOT, 'node_modules', pkg, file)

function step(name, args) {
  console.log(`\n── ${name} ──`)
  const result = spawnSync(process.execPath, args, {
    cwd: ROOT,
    stdio: 'inherit',
    env: {
      ...process.env,
      ELECTRON_SKIP_BINARY_DOWNLOAD: '1',
      FORCE_COLOR: process.env.FORCE_COLOR ?? '1'
    }
  })
  return result.status === 0
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'))
  } catch {
    return null
  }
}

rmSync(REPORTS, { recursive: true, force: true })
mkdirSync(REPORTS, { recursive: true })

const checks = [
  ['eslint', step('lint: eslint', [bin('eslint', 'bin/eslint.js'), '--max-warnings', '0', '.'])],
  ['prettier', step('lint: prettier', [bin('prettier', 'bin/prettier.cjs'), '--check', '.'])],
  [
    'typecheck (node)',
    step('typecheck: main, preload, shared', [
      bin('typescript', 'bin/tsc'),
      '--noEmit',
      '-p',
      'tsconfig.node.json',
      '--composite',
      'false'
    ])
  ],
  [
    'typecheck (web)',
    step('typecheck: renderer, shared', [
      bin('typescript', 'bin/tsc'),
      '--noEmit',
      '-p',
      'tsconfig.web.json',
      '--composite',
      'false'
    ])
  ]
]

step('unit tests: vitest', [
  bin('vitest', 'vitest.mjs'),
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${join(REPORTS, 'vitest.json')}`
])
step('end-to-end tests: Playwright (browser mode, Chromium)', [
  bin('@playwright/test', 'cli.js'),
  'test'
])

const vitest = readJson(join(REPORTS, 'vitest.json'))
const playwright = readJson(join(REPORTS, 'playwright.json'))
let passed = 0
let failed = 0
for (const [name, ok] of checks) {
  if (ok) passed++
  else {
    failed++
    console.log(`✗ ${name} failed`)
  }
}
if (vitest) {
  passed += vitest.numPassedTests
  // a test file that fails to load has no failed test, but the run is not a success
  failed += vitest.numFailedTests + (!vitest.success && vitest.numFailedTests === 0 ? 1 : 0)
  if (vitest.numPendingTests) console.log(`${vitest.numPendingTests} vitest tests were skipped`)
} else {
  failed++
  console.log('✗ vitest wrote no report')
}
if (playwright) {
  passed += playwright.stats.expected + playwright.stats.flaky
  failed += playwright.stats.unexpected + (playwright.errors?.length ? 1 : 0)
  if (playwright.stats.skipped)
    console.log(`${playwright.stats.skipped} Playwright tests were skipped`)
} else {
  failed++
  console.log('✗ Playwright wrote no report')
}
const line = `${passed} passed, ${failed} failed`
writeFileSync(join(REPORTS, 'summary.txt'), `${line}\n`)
console.log(`\n${line}`)
process.exit(failed === 0 ? 0 : 1)
