import { spawn, type ChildProcess } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test as base, type Page, type TestInfo } from '@playwright/test'

export interface BrowserMode {
  /** The URL printed by the server, with the token in its fragment. */
  url: string
  origin: string
  token: string
  dataDir: string
  process: ChildProcess
  /** Sends a signal and waits for the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>
}

/** Starts `node out/main/web.js --port 0 --data DIR` and reads the one line it prints. */
export async function startBrowserMode(dataDir: string): Promise<BrowserMode> {
  const child = spawn(process.execPath, ['out/main/web.js', '--port', '0', '--data', dataDir], {
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stderr = ''
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()))
  const line = await new Promise<string>((resolve, reject) => {
    let out = ''
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString()
      if (out.includes('\n')) resolve(out.trim())
    })
    child.once('exit', (code) => reject(new Error(`browser mode exited (${code}): ${stderr}`)))
  })
  const url = /running at (\S+)/.exec(line)?.[1]
  if (!url) throw new Error(`Unexpected first line: ${line}`)
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code))
  )
  return {
    url,
    origin: new URL(url).origin,
    token: new URL(url).hash.replace('#token=', ''),
    dataDir,
    process: child,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null) child.kill(signal)
      return exited
    }
  }
}

/** Saves a screenshot a person can look at: test-results/screenshots/<test>-<step>.png */
export async function shot(page: Page, info: TestInfo, step: string): Promise<void> {
  const dir = join('test-results', 'screenshots')
  mkdirSync(dir, { recursive: true })
  const name = `${info.titlePath.slice(1).join(' ')} ${step}`
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
  // the page scrolls inside the shell: let it grow for the picture so all of it is in
  // (through the CSSOM, which the CSP allows, unlike a <style> element)
  // (a script, not a function: this file is type-checked without the DOM's types)
  const grow = (on: boolean) =>
    page.evaluate(`{
      const shell = document.querySelector('.shell')
      const content = document.querySelector('.content')
      if (shell) shell.style.height = ${on} ? 'auto' : ''
      if (shell) shell.style.minHeight = ${on} ? '100vh' : ''
      if (content) content.style.overflow = ${on} ? 'visible' : ''
    }`)
  await grow(true)
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true })
  await grow(false)
}

/** Every test gets its own data folder and its own browser-mode server. */
export const test = base.extend<{ app: BrowserMode }>({
  // Playwright reads the fixtures a fixture needs from its first parameter: this one needs none.
  // eslint-disable-next-line no-empty-pattern
  app: async ({}, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'facturo-e2e-'))
    const app = await startBrowserMode(dataDir)
    await use(app)
    await app.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
})

export { expect } from '@playwright/test'

/** Calls a channel of the running app directly, to set up what a test is not about. */
export async function call<T = unknown>(
  app: BrowserMode,
  channel: string,
  input: unknown
): Promise<T> {
  const response = await fetch(`${app.origin}/api/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-facturo-token': app.token },
    body: JSON.stringify(input)
  })
  const result = (await response.json()) as { ok: boolean; value?: T; error?: unknown }
  if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`)
  return result.value as T
}

/** A monthly flat plan, priced in PLN, effective from 2020 (so any start date has a version). */
export const monthlyPlan = (id: string, name: string, amount: string, currency = 'PLN') => ({
  plan: {
    id,
    name,
    currency,
    interval: 'month',
    prices: [{ id: 'fee', description: name, model: 'flat', amount }]
  },
  effectiveFrom: '2020-01-01'
})

/**
 * Subscribes a customer to a plan from the first of this month, runs billing as of today and
 * issues the invoice it makes: what a test of an issued document starts from.
 */
export async function issuedThisMonth(
  app: BrowserMode,
  customerId: number,
  planCode: string
): Promise<{ invoiceId: number; number: string; total: number; today: string }> {
  const now = new Date()
  const first = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-01`
  const today = `${first.slice(0, 8)}${String(now.getDate()).padStart(2, '0')}`
  await call(app, 'subscriptions/create', { customerId, planCode, startDate: first })
  const run = await call<{
    customers: { customerId: number; invoices: { invoiceId: number }[] }[]
  }>(app, 'billing/run', { asOf: today, dryRun: false })
  const invoiceId = run.customers.find((c) => c.customerId === customerId)!.invoices[0]!.invoiceId
  const issued = await call<{ number: string; total: number }>(app, 'invoices/issue', {
    invoiceId,
    issueDate: today
  })
  return { invoiceId, number: issued.number, total: issued.total, today }
}
