import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { APP_PAGE_URL } from './app-protocol'
import {
  CONTENT_SECURITY_POLICY,
  CSP_HEADER,
  decideNavigation,
  denyPermissionCheck,
  denyPermissionRequest,
  externalUrl,
  isAppUrl,
  isSafeExternalUrl,
  isTrustedSender,
  printWindowPreferences,
  secureWebPreferences,
  SECURITY_HEADERS,
  senderOf,
  withCspHeader
} from './security'

const APP = APP_PAGE_URL

describe('window options', () => {
  it('turn every protection on', () => {
    const prefs = secureWebPreferences('/app/out/preload/index.cjs')
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      preload: '/app/out/preload/index.cjs'
    })
    expect(prefs).not.toHaveProperty('enableBlinkFeatures')
  })

  it('turn the spellchecker off: it would download dictionaries', () => {
    expect(secureWebPreferences('/p.cjs').spellcheck).toBe(false)
  })

  it('keep every protection in the print window, which has no preload and shows the PDF viewer', () => {
    const prefs = printWindowPreferences()
    const { preload: _preload, ...locked } = secureWebPreferences('/p.cjs')
    expect(prefs).toMatchObject(locked)
    expect(prefs).not.toHaveProperty('preload')
    expect(prefs.plugins).toBe(true)
  })
})

describe('permissions', () => {
  it.each(['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal'])(
    '%s is refused, and checks answer no',
    (permission) => {
      const answers: boolean[] = []
      denyPermissionRequest({}, permission, (granted) => answers.push(granted))
      expect(answers).toEqual([false])
      expect(denyPermissionCheck()).toBe(false)
    }
  )
})

describe('the Content-Security-Policy', () => {
  it('allows only the app’s own scripts, styles and connections', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'")
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'")
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-(inline|eval)/)
    expect(CSP_HEADER).toContain("frame-ancestors 'none'")
  })

  it('goes with the security headers on every response', () => {
    expect(SECURITY_HEADERS).toMatchObject({
      'content-security-policy': CSP_HEADER,
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY'
    })
  })

  it('is the one CSP header the session sets, whatever was there', () => {
    expect(
      withCspHeader({
        'content-type': ['text/html'],
        'content-security-policy': ['default-src *'],
        'CONTENT-SECURITY-POLICY': ["script-src 'unsafe-eval'"]
      })
    ).toEqual({ 'content-type': ['text/html'], 'Content-Security-Policy': [CSP_HEADER] })
    expect(withCspHeader(undefined)).toEqual({ 'Content-Security-Policy': [CSP_HEADER] })
  })

  it('is the one index.html carries', () => {
    const html = readFileSync(join(import.meta.dirname, '../renderer/index.html'), 'utf8')
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1]
    expect(meta).toBe(CONTENT_SECURITY_POLICY)
  })
})

describe('navigation guard', () => {
  it.each([
    [`${APP}#/settings/company`, 'navigate', 'allow'],
    [APP, 'navigate', 'allow'],
    ['app://facturo/other.html', 'navigate', 'deny'],
    ['app://facturo/index.html?x=1', 'navigate', 'deny'],
    ['app://evil/index.html', 'navigate', 'deny'],
    ['app://user@facturo/index.html', 'navigate', 'deny'],
    ['facturo://facturo/index.html', 'navigate', 'deny'],
    ['file:///etc/passwd', 'navigate', 'deny'],
    ['file:///opt/Facturo/resources/app.asar/out/renderer/index.html', 'navigate', 'deny'],
    ['https://www.podatki.gov.pl/ksef/', 'navigate', 'open-externally'],
    ['https://www.podatki.gov.pl/ksef/', 'new-window', 'open-externally'],
    [`${APP}#/x`, 'new-window', 'deny'],
    ['mailto:biuro@zuk-lodz.pl', 'new-window', 'open-externally'],
    ['http://example.com/', 'navigate', 'deny'],
    ['javascript:alert(1)', 'navigate', 'deny'],
    ['https://user:pass@example.com/', 'new-window', 'deny'],
    ['smb://fileserver/share', 'new-window', 'deny'],
    ['not a url', 'navigate', 'deny']
  ] as const)('%s (%s) → %s', (url, kind, decision) => {
    expect(decideNavigation(url, APP, kind)).toBe(decision)
  })

  it('treats a dev server as the app by origin', () => {
    expect(isAppUrl('http://localhost:5173/#/settings', 'http://localhost:5173/')).toBe(true)
    expect(isAppUrl('http://localhost:5174/', 'http://localhost:5173/')).toBe(false)
    expect(isAppUrl(APP, 'http://localhost:5173/')).toBe(false)
  })

  it('never treats a file: page as the app', () => {
    const file = 'file:///opt/Facturo/out/renderer/index.html'
    expect(isAppUrl(file, file)).toBe(false)
  })

  it('opens only well-formed https and mailto links outside', () => {
    expect(isSafeExternalUrl('https://ksef.mf.gov.pl')).toBe(true)
    expect(isSafeExternalUrl('mailto:not-an-address')).toBe(false)
    expect(isSafeExternalUrl('https://localhost')).toBe(false)
  })

  it('hands the OS the URL as parsed, host names in punycode', () => {
    expect(externalUrl('https://ksef.mf.gov.pl')).toBe('https://ksef.mf.gov.pl/')
    expect(externalUrl('https://żuk.example/ś')).toBe('https://xn--uk-vva.example/%C5%9B')
    expect(externalUrl('mailto:biuro@zuk-lodz.pl')).toBe('mailto:biuro@zuk-lodz.pl')
    expect(externalUrl('file:///etc/passwd')).toBeNull()
  })
})

describe('IPC sender check', () => {
  it('trusts only the app page in the top frame', () => {
    expect(isTrustedSender({ url: `${APP}#/`, isTopFrame: true }, APP)).toBe(true)
    expect(isTrustedSender({ url: `${APP}#/`, isTopFrame: false }, APP)).toBe(false)
    expect(isTrustedSender({ url: 'https://evil.example/', isTopFrame: true }, APP)).toBe(false)
    expect(isTrustedSender(null, APP)).toBe(false)
    expect(isTrustedSender({ url: 'app://facturo/x.html', isTopFrame: true }, APP)).toBe(false)
    expect(
      isTrustedSender({ url: 'file:///opt/Facturo/out/renderer/index.html', isTopFrame: true }, APP)
    ).toBe(false)
  })

  it('trusts the dev server page under electron-vite dev', () => {
    const dev = 'http://localhost:5173'
    expect(isTrustedSender({ url: `${dev}/#/`, isTopFrame: true }, dev)).toBe(true)
    expect(isTrustedSender({ url: `${APP}#/`, isTopFrame: true }, dev)).toBe(false)
  })

  it('reads the sender frame, and no frame when it has gone away', () => {
    const top = { url: `${APP}#/`, parent: null }
    expect(senderOf(top)).toEqual({ url: `${APP}#/`, isTopFrame: true })
    expect(senderOf({ url: `${APP}#/`, parent: top })?.isTopFrame).toBe(false)
    expect(senderOf(null)).toBeNull()
    const disposed = {
      get url(): string {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed')
      },
      parent: null
    }
    expect(senderOf(disposed)).toBeNull()
  })
})
