import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { APP_PAGE_URL, APP_SCHEME_PRIVILEGES, appFileFor, appResponse } from './app-protocol'
import { CSP_HEADER, isAppUrl } from './security'

const DIR = '/opt/Facturo/resources/app.asar/out/renderer'

describe('the app:// origin', () => {
  it('is a standard, secure scheme that other origins may not read', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({ standard: true, secure: true, supportFetchAPI: true })
    expect(APP_SCHEME_PRIVILEGES).not.toHaveProperty('corsEnabled')
    expect(APP_SCHEME_PRIVILEGES).not.toHaveProperty('bypassCSP')
  })

  it('serves the page the window loads, which the guards know as the app', () => {
    expect(APP_PAGE_URL).toBe('app://facturo/index.html')
    expect(appFileFor(APP_PAGE_URL, DIR)).toBe(`${DIR}/index.html`)
    expect(isAppUrl(`${APP_PAGE_URL}#/invoices`, APP_PAGE_URL)).toBe(true)
  })
})

describe('an app:// URL names a file of the renderer folder', () => {
  it.each([
    ['app://facturo/', `${DIR}/index.html`],
    ['app://facturo', `${DIR}/index.html`],
    ['app://facturo/assets/index-C3hO-5XE.js', `${DIR}/assets/index-C3hO-5XE.js`],
    ['app://facturo/assets/index.js?v=1#x', `${DIR}/assets/index.js`],
    ['app://facturo/a%20b.png', `${DIR}/a b.png`],
    ['app://facturo/assets/../favicon.svg', `${DIR}/favicon.svg`],
    // The URL parser removes dot segments, encoded or not, before the path is read.
    ['app://facturo/../../etc/passwd', `${DIR}/etc/passwd`],
    ['app://facturo/%2e%2e/%2e%2e/etc/passwd', `${DIR}/etc/passwd`]
  ])('%s → %s', (url, file) => {
    expect(appFileFor(url, DIR)).toBe(file)
  })

  it.each([
    ['app://facturo/..%2F..%2Fetc%2Fpasswd', 'not-found'],
    ['app://facturo/assets%2F..%2F..%2F..%2Fsecret', 'not-found'],
    ['app://facturo/..%2Frenderer-other/x.js', 'not-found'],
    ['app://other/index.html', 'not-found'],
    ['https://facturo/index.html', 'not-found'],
    ['file:///opt/Facturo/resources/app.asar/out/renderer/index.html', 'not-found'],
    ['app://facturo/%E0%A4%A', 'bad-request'],
    ['app://facturo/%FF.js', 'bad-request'],
    ['app://facturo/index.html%00.png', 'bad-request'],
    ['app://facturo/a%0Ab', 'bad-request'],
    ['app://facturo/a%7Fb', 'bad-request'],
    ['app://facturo/..%5C..%5Cwindows%5Cwin.ini', 'bad-request'],
    ['app://facturo/a\\b', 'bad-request'],
    ['app://user:pw@facturo/index.html', 'bad-request'],
    ['not a url', 'bad-request']
  ] as const)('%s → %s', (url, answer) => {
    expect(appFileFor(url, DIR)).toBe(answer)
  })

  it('accepts the folder with or without a trailing separator', () => {
    expect(appFileFor('app://facturo/x.js', `${DIR}/`)).toBe(`${DIR}/x.js`)
    expect(appFileFor('app://facturo/..%2Frenderer2/x.js', `${DIR}/`)).toBe('not-found')
  })
})

describe('the app:// handler', () => {
  let root: string
  let renderer: string
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'facturo-app-protocol-'))
    renderer = join(root, 'renderer')
    mkdirSync(join(renderer, 'assets'), { recursive: true })
    writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Facturo</title>')
    writeFileSync(join(renderer, 'assets', 'index.js'), 'export {}')
    writeFileSync(join(renderer, 'assets', 'data.bin'), 'x')
    writeFileSync(join(root, 'secret.txt'), 'not for the page')
  })
  afterAll(() => rmSync(root, { recursive: true, force: true }))

  const get = (url: string, method = 'GET') => appResponse({ method, url }, renderer)

  it('serves index.html with its type, uncached, and the CSP', async () => {
    const res = await get('app://facturo/index.html')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(res.headers.get('cache-control')).toBe('no-store')
    expect(res.headers.get('content-security-policy')).toBe(CSP_HEADER)
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(await res.text()).toContain('<title>Facturo</title>')
  })

  it('serves a module script as JavaScript (module scripts need the right type)', async () => {
    const res = await get('app://facturo/assets/index.js')
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(await res.text()).toBe('export {}')
  })

  it('gives an unknown extension no type the page could run', async () => {
    const res = await get('app://facturo/assets/data.bin')
    expect(res.headers.get('content-type')).toBe('application/octet-stream')
  })

  it('answers HEAD without a body', async () => {
    const res = await get('app://facturo/index.html', 'HEAD')
    expect(res.status).toBe(200)
    expect(await res.text()).toBe('')
  })

  it.each([
    ['app://facturo/..%2Fsecret.txt', 404],
    ['app://facturo/missing.js', 404],
    ['app://facturo/assets/', 404],
    ['app://facturo/assets', 404],
    ['app://facturo/%FF', 400],
    ['app://facturo/index.html%00', 400]
  ])('%s → %i, with the CSP', async (url, status) => {
    const res = await get(url)
    expect(res.status).toBe(status)
    expect(res.headers.get('content-security-policy')).toBe(CSP_HEADER)
    expect(await res.text()).not.toContain('not for the page')
  })

  it('refuses other methods', async () => {
    const res = await get('app://facturo/index.html', 'POST')
    expect(res.status).toBe(405)
    expect(res.headers.get('allow')).toBe('GET, HEAD')
    expect(res.headers.get('content-security-policy')).toBe(CSP_HEADER)
  })
})
