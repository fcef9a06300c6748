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

/** The headers every response carrying the renderer gets (the app:// protocol, browser mode). */
export const SECURITY_HEADERS = {
  'content-security-policy': CSP_HEADER,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin'
} as const

/**
 * Response headers with the app's CSP as the one Content-Security-Policy, whatever the case of a
 * header already there (the session adds it to every response, app:// and dev server alike).
 */
export function withCspHeader(
  headers: Record<string, string[]> | undefined
): Record<string, string[]> {
  const rest = Object.entries(headers ?? {}).filter(
    ([name]) => name.toLowerCase() !== 'content-security-policy'
  )
  return { ...Object.fromEntries(rest), 'Content-Security-Policy': [CSP_HEADER] }
}

const LOCKED_DOWN = {
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
  // Chromium's spellchecker downloads dictionaries: an offline app makes no calls of its own.
  spellcheck: false
} as const

/** The webPreferences every Facturo window gets. */
export function secureWebPreferences(preloadPath: string) {
  return { preload: preloadPath, ...LOCKED_DOWN } as const
}

/**
 * The print window's: as locked down, with no preload (it reaches no channel) and Chromium's PDF
 * viewer on, which is what it shows and prints.
 */
export function printWindowPreferences() {
  return { ...LOCKED_DOWN, plugins: true } as const
}

/** Every permission a page asks for (camera, notifications, geolocation, …) is refused. */
export function denyPermissionRequest(
  _contents: unknown,
  _permission: string,
  callback: (granted: boolean) => void
): void {
  callback(false)
}

/** Every permission check (does this page have …?) answers no. */
export const denyPermissionCheck = (): boolean => false

function parse(url: string): URL | null {
  try {
    return new URL(url)
  } catch {
    return null
  }
}

/**
 * True when the URL is the app's own page, whatever its hash: the same page on the app:// origin
 * (the packaged renderer), or the same origin as the dev server (electron-vite dev). A file: URL
 * never is: the renderer is not served from file://.
 */
export function isAppUrl(url: string, appUrl: string): boolean {
  const target = parse(url)
  const app = parse(appUrl)
  if (!target || !app || target.username !== '' || target.password !== '') return false
  if (app.protocol === 'http:' || app.protocol === 'https:') return target.origin === app.origin
  if (app.protocol === 'file:') return false
  // A custom scheme has no origin in the URL standard ('null'): compare its parts.
  return (
    target.protocol === app.protocol &&
    target.host === app.host &&
    target.pathname === app.pathname &&
    target.search === app.search
  )
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

/**
 * The URL to hand to the OS for a safe external link, as the URL parser writes it (host names in
 * punycode, so the confirmation shows what will really open), or null when it is not one.
 */
export function externalUrl(url: string): string | null {
  return isSafeExternalUrl(url) ? new URL(url).href : null
}

export type NavigationDecision = 'allow' | 'deny' | 'open-externally'

/**
 * What to do when the page tries to go to a URL (will-navigate, will-redirect) or open a window
 * (window.open). 'open-externally' still asks the user first (external-link.ts).
 */
export function decideNavigation(
  url: string,
  appUrl: string,
  kind: 'navigate' | 'new-window'
): NavigationDecision {
  if (kind === 'navigate' && isAppUrl(url, appUrl)) return 'allow'
  return isSafeExternalUrl(url) ? 'open-externally' : 'deny'
}

export interface Sender {
  url: string
  isTopFrame: boolean
}

/**
 * The URL and place of the frame an IPC call came from (Electron's event.senderFrame), or null
 * when there is none or it went away (navigated or closed) before the call was read: reading a
 * disposed frame throws.
 */
export function senderOf(
  frame: { url: string; parent: unknown } | null | undefined
): Sender | null {
  try {
    if (!frame) return null
    return { url: frame.url, isTopFrame: frame.parent === null }
  } catch {
    return null
  }
}

/** An IPC call is trusted only from the app's own page in the window's top frame. */
export function isTrustedSender(frame: Sender | null, appUrl: string): boolean {
  return frame !== null && frame.isTopFrame && isAppUrl(frame.url, appUrl)
}
