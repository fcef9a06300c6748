import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  CONTENT_SECURITY_POLICY,
  CSP_HEADER,
  decideNavigation,
  isAppUrl,
  isSafeExternalUrl,
  isTrustedSender,
  secureWebPreferences
} from './security'

const APP = 'file:///opt/Facturo/resources/app.asar/out/renderer/index.html'

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
      preload: '/app/out/preload/index.cjs'
    })
  })
})

describe('the Content-Security-Policy', () => {
  it('allows only the app’s own scripts, styles and connections', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'")
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'")
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-(inline|eval)/)
    expect(CSP_HEADER).toContain("frame-ancestors 'none'")
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
    ['file:///etc/passwd', 'navigate', 'deny'],
    ['file:///opt/Facturo/resources/app.asar/out/renderer/other.html', 'navigate', 'deny'],
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
  })

  it('opens only well-formed https and mailto links outside', () => {
    expect(isSafeExternalUrl('https://ksef.mf.gov.pl')).toBe(true)
    expect(isSafeExternalUrl('mailto:not-an-address')).toBe(false)
    expect(isSafeExternalUrl('https://localhost')).toBe(false)
  })
})

describe('IPC sender check', () => {
  it('trusts only the app page in the top frame', () => {
    expect(isTrustedSender({ url: `${APP}#/`, isTopFrame: true }, APP)).toBe(true)
    expect(isTrustedSender({ url: `${APP}#/`, isTopFrame: false }, APP)).toBe(false)
    expect(isTrustedSender({ url: 'https://evil.example/', isTopFrame: true }, APP)).toBe(false)
    expect(isTrustedSender(null, APP)).toBe(false)
  })
})
