import { existsSync, statSync } from 'node:fs'
import { join } from 'node:path'
import Sqlite from 'better-sqlite3'
import { StartPage } from './pages/start-page'
import { expect, shot, startBrowserMode, test } from './fixtures'

test('an API call without the token gets 401 and changes nothing', async ({ app }) => {
  const call = (headers: Record<string, string>) =>
    fetch(`${app.origin}/api/files/create`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({
        legalName: 'Intruder',
        country: 'PL',
        defaultCurrency: 'PLN',
        defaultLanguage: 'pl'
      })
    })
  const without = await call({})
  expect(without.status).toBe(401)
  expect(await without.json()).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } })
  expect((await call({ 'x-facturo-token': 'guess' })).status).toBe(401)
  expect(existsSync(join(app.dataDir, 'Companies'))).toBe(false)
})

test('a page opened without the token says how to get in', async ({ page, app }, info) => {
  await page.goto(app.origin)
  await expect(page.getByText('Open Facturo from its own link')).toBeVisible()
  await shot(page, info, '01-no-token')
})

test('SIGTERM closes the company file cleanly and it opens again', async ({ page }, info) => {
  const dataDir = (await import('node:fs')).mkdtempSync(
    join((await import('node:os')).tmpdir(), 'facturo-e2e-')
  )
  const first = await startBrowserMode(dataDir)
  await page.goto(first.url)
  await new StartPage(page).createCompany('Zakład Usług Księgowych Łódź')
  await shot(page, info, '01-before-sigterm')
  const file = join(dataDir, 'Companies', 'Zakład Usług Księgowych Łódź.facturo')
  expect(existsSync(`${file}-wal`)).toBe(true)

  expect(await first.stop('SIGTERM')).toBe(0)
  // the WAL was checkpointed into the file and removed
  expect(existsSync(`${file}-wal`)).toBe(false)
  const db = new Sqlite(file, { readonly: true })
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
  expect(db.prepare('SELECT legal_name FROM company').get()).toEqual({
    legal_name: 'Zakład Usług Księgowych Łódź'
  })
  db.close()
  expect(statSync(file).size).toBeGreaterThan(0)

  const second = await startBrowserMode(dataDir)
  await page.goto(second.url)
  await expect(
    page.getByRole('heading', { level: 1, name: 'Zakład Usług Księgowych Łódź' })
  ).toBeVisible()
  expect(await second.stop('SIGINT')).toBe(0)
})
