/**
 * The security rules of the desktop shell, written as pure functions so they are tested without
 * Electron (electron/electron docs/tutorial/security.md, items 1-20).
 */

/** The Content-Security-Policy of the renderer. index.html carries the same value in a meta tag. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
  "frame-src 'none'"
].join('; ')

/** Directives only honoured in an HTTP header (not in a meta tag). */
export const CSP_HEADER = `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`

/** The webPreferences every Facturo window gets. */
export function secureWebPreferences(preloadPath: string) {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: true
  } as const
}

function parse(url: string): URL | null {
  try {
    return new URL(url)
  } catch {
    return null
  }
}

/** True when the URL is the app's own page (same file, or same dev-server origin), whatever its hash. */
export function isAppUrl(url: string, appUrl: string): boolean {
  const target = parse(url)
  const app = parse(appUrl)
  if (!target || !app) return false
  if (app.protocol === 'file:') {
    return (
      target.protocol === 'file:' && target.pathname === app.pathname && target.host === app.host
    )
  }
  return target.origin === app.origin
}

/**
 * Links a user may open outside the app: https pages and mailto addresses, without credentials
 * and with a real host. Everything else (file:, javascript:, http:, custom schemes) is refused.
 */
export function isSafeExternalUrl(url: string): boolean {
  const target = parse(url)
  if (!target) return false
  if (target.protocol === 'mailto:')
    return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(decodeURIComponent(target.pathname))
  if (target.protocol !== 'https:') return false
  return target.username === '' && target.password === '' && /\./.test(target.hostname)
}

export type NavigationDecision = 'allow' | 'deny' | 'open-externally'

/** What to do when the page tries to go to a URL (will-navigate) or open a window (window.open). */
export function decideNavigation(
  url: string,
  appUrl: string,
  kind: 'navigate' | 'new-window'
): NavigationDecision {
  if (kind === 'navigate' && isAppUrl(url, appUrl)) return 'allow'
  return isSafeExternalUrl(url) ? 'open-externally' : 'deny'
}

/** An IPC call is trusted only from the app's own page in the window's top frame. */
export function isTrustedSender(
  frame: { url: string; isTopFrame: boolean } | null,
  appUrl: string
): boolean {
  return frame !== null && frame.isTopFrame && isAppUrl(frame.url, appUrl)
}
