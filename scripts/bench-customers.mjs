/* global window, document, requestAnimationFrame -- the functions given to page.evaluate run in the page */
// npm run bench:customers — 100,000 customers in a company file, the customers screen open in
// Chromium (browser mode), and the time from the last keystroke in the search box to the
// filtered list on screen. Printed next to a baseline measured in the same run: the same
// search asked of the running app over HTTP without the UI (customers/list), and as a ratio.
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import { ensureBuilt, ROOT } from './build.mjs'
import { ensureSupportedNode } from './node-runtime.mjs'

await ensureSupportedNode()

const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 100_000)
const ROUNDS = 15
const SURNAMES = [
  'Nowak',
  'Kowalska',
  'Wiśniewski',
  'Wójcik',
  'Kamińska',
  'Lewandowski',
  'Zieliński',
  'Szymańska',
  'Woźniak',
  'Dąbrowski'
]
const CITIES = ['Łódź', 'Kraków', 'Gdańsk', 'Poznań', 'Wrocław']

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const p95 = (xs) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))]
const ms = (x) => `${x.toFixed(1)} ms`

function startApp(dataDir) {
  const child = spawn(
    process.execPath,
    [join(ROOT, 'out/main/web.js'), '--port', '0', '--data', dataDir],
    {
      stdio: ['ignore', 'pipe', 'inherit']
    }
  )
  return new Promise((resolve, reject) => {
    let out = ''
    child.stdout.on('data', (d) => {
      out += d
      const url = /running at (\S+)/.exec(out)?.[1]
      if (url)
        resolve({
          child,
          url,
          origin: new URL(url).origin,
          token: new URL(url).hash.replace('#token=', '')
        })
    })
    child.once('exit', (code) => reject(new Error(`browser mode exited with ${code}`)))
  })
}

async function call(app, channel, input) {
  const response = await fetch(`${app.origin}/api/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-facturo-token': app.token },
    body: JSON.stringify(input)
  })
  const result = await response.json()
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`)
  return result.value
}

/** The customers, imported as a bookkeeper would: CSV files through the import, 20,000 rows each. */
async function importCustomers(app) {
  for (let from = 1; from <= CUSTOMERS; from += 20_000) {
    const lines = ['code,name,country,currency,language,emails,city']
    for (let i = from; i < Math.min(from + 20_000, CUSTOMERS + 1); i++) {
      const surname = SURNAMES[i % SURNAMES.length]
      lines.push(
        `K${String(i).padStart(6, '0')},${surname} ${i} Sp. z o.o.,PL,PLN,pl,biuro${i}@example.pl,${CITIES[i % CITIES.length]}`
      )
    }
    const report = await call(app, 'usage/import', {
      kind: 'customers',
      dataBase64: Buffer.from(`${lines.join('\n')}\n`).toString('base64'),
      dryRun: false
    })
    if (report.problems.length) throw new Error(JSON.stringify(report.problems.slice(0, 3)))
  }
}

/**
 * In the page: types a query up to its last character, then the last one, and measures from
 * that keystroke's input event until the list shows what main answers for the query: its count
 * and its first row.
 */
async function typeAndWait(page, query, expected) {
  const box = page.getByRole('searchbox')
  await box.fill(query.slice(0, -1))
  await page.waitForTimeout(300)
  await page.evaluate(() => {
    window.__typedAt = undefined
    document
      .querySelector('input[type=search]')
      .addEventListener('input', () => (window.__typedAt = performance.now()), { once: true })
  })
  await box.press(query.slice(-1))
  return page.evaluate(
    (want) =>
      new Promise((resolve) => {
        const started = performance.now()
        const check = () => {
          const first = document.querySelector('.vt-row a.row-link')?.textContent
          const count = document.querySelector('.result-count')?.textContent
          if (window.__typedAt !== undefined && first === want.first && count === want.count)
            resolve(performance.now() - window.__typedAt)
          else if (performance.now() - started > 10_000)
            resolve(`not shown after 10 s (shown: ${count}, first row ${first})`)
          else requestAnimationFrame(check)
        }
        check()
      }),
    expected
  )
}

/** Times a set of queries typed in the UI, and the same searches asked of main directly. */
async function measure(page, app, queries) {
  const ui = []
  const api = []
  for (const query of queries) {
    const start = performance.now()
    const answer = await call(app, 'customers/list', { query, limit: 100 })
    api.push(performance.now() - start)
    const expected = {
      first: answer.rows[0].name,
      count: `${answer.total.toLocaleString('en-GB')} ${answer.total === 1 ? 'customer' : 'customers'}`
    }
    const took = await typeAndWait(page, query, expected)
    if (typeof took !== 'number') throw new Error(`"${query}": ${took}`)
    ui.push(took)
    await page.getByRole('searchbox').fill('')
    await page.waitForTimeout(200)
  }
  return { ui, api }
}

function report(label, { ui, api }) {
  console.log(
    `${label}: typing → list shown median ${ms(median(ui))}, p95 ${ms(p95(ui))}; ` +
      `baseline (same search over HTTP, no UI) median ${ms(median(api))}; ratio ${(median(ui) / median(api)).toFixed(2)}×`
  )
}

async function main() {
  ensureBuilt()
  const executablePath = [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome'
  ].find(existsSync)
  const dataDir = mkdtempSync(join(tmpdir(), 'facturo-bench-customers-'))
  const app = await startApp(dataDir)
  let browser
  try {
    await call(app, 'files/create', {
      legalName: 'Bench',
      country: 'PL',
      defaultCurrency: 'PLN',
      defaultLanguage: 'pl'
    })
    let start = performance.now()
    await importCustomers(app)
    console.log(
      `Customer search benchmark: ${CUSTOMERS.toLocaleString('en-GB')} customers (imported in ${((performance.now() - start) / 1000).toFixed(1)} s)`
    )

    browser = await chromium.launch({
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run'
      ]
    })
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'en-GB' })
    await page.goto(app.url)
    await page.goto(`${app.origin}/#/customers`)
    await page
      .getByText(`${CUSTOMERS.toLocaleString('en-GB')} customers`)
      .waitFor({ timeout: 60_000 })
      .catch(async (error) => {
        await page.screenshot({ path: join(tmpdir(), 'bench-customers.png') })
        throw error
      })

    const numbers = Array.from({ length: ROUNDS }, (_, r) => 1 + ((r * 7919) % CUSTOMERS))
    // one customer: an email address typed as far as the @
    report(
      'one match (biuro123@)',
      await measure(
        page,
        app,
        numbers.map((n) => `biuro${n}@`)
      )
    )
    // many: a surname and part of a number ("nowak 12" matches hundreds)
    report(
      'many matches (nowak 12)',
      await measure(
        page,
        app,
        numbers.map((n) => `${SURNAMES[n % SURNAMES.length].slice(0, 5).toLowerCase()} ${n % 100}`)
      )
    )
    console.log('target: under 100 ms from the last keystroke to the filtered list')
  } finally {
    await browser?.close()
    app.child.kill('SIGTERM')
    await new Promise((resolve) => app.child.once('exit', resolve))
    rmSync(dataDir, { recursive: true, force: true })
  }
}

await main()
