import { readFile, stat } from 'node:fs/promises'
import { extname, join, normalize, sep } from 'node:path'
import { SECURITY_HEADERS } from './security'

/**
 * The packaged renderer is served from app://facturo/ rather than file:// (electron/electron
 * docs/tutorial/security.md, item 18): the page gets a real origin, and nothing but the files of
 * the built renderer folder can be loaded through it.
 */
export const APP_SCHEME = 'app'
export const APP_HOST = 'facturo'
export const APP_PAGE_URL = `${APP_SCHEME}://${APP_HOST}/index.html`

/**
 * The privileges registered before app ready: standard (relative URLs resolve, the page has an
 * origin), secure (a secure context, like https) and the fetch API. corsEnabled stays off, so no
 * other origin may read app:// responses.
 */
export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true
} as const

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2'
}

/**
 * The file of the renderer folder an app:// URL names, without looking at the disk: 'bad-request'
 * when the URL cannot be parsed, its path is not valid percent-encoded UTF-8 or holds a control
 * character or a backslash; 'not-found' when it names another host or a place outside the folder.
 * The same rules as browser mode's staticFile (web/server.ts).
 */
export function appFileFor(url: string, rendererDir: string): string | 'bad-request' | 'not-found' {
  let target: URL
  try {
    target = new URL(url)
  } catch {
    return 'bad-request'
  }
  if (target.protocol !== `${APP_SCHEME}:` || target.host !== APP_HOST) return 'not-found'
  if (target.username !== '' || target.password !== '') return 'bad-request'
  let relative: string
  try {
    relative = decodeURIComponent(target.pathname.slice(1))
  } catch {
    return 'bad-request'
  }
  // eslint-disable-next-line no-control-regex -- control characters are what is refused
  if (/[\u0000-\u001f\u007f\\]/.test(relative)) return 'bad-request'
  const root = normalize(rendererDir)
  const file = normalize(join(root, relative === '' ? 'index.html' : relative))
  return file.startsWith(root.endsWith(sep) ? root : root + sep) ? file : 'not-found'
}

function textResponse(status: number, text: string, extra: Record<string, string> = {}): Response {
  return new Response(text, {
    status,
    headers: { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8', ...extra }
  })
}

async function fileContents(file: string): Promise<Buffer | null> {
  try {
    return (await stat(file)).isFile() ? await readFile(file) : null
  } catch {
    return null
  }
}

/**
 * Answers one app:// request from the renderer folder (GET and HEAD only), with the CSP and the
 * security headers on every response. Runs under plain Node: protocol.handle only passes it on.
 */
export async function appResponse(
  request: { method: string; url: string },
  rendererDir: string
): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD')
    return textResponse(405, 'Method not allowed', { allow: 'GET, HEAD' })
  const file = appFileFor(request.url, rendererDir)
  if (file === 'bad-request') return textResponse(400, 'Bad request')
  const contents = file === 'not-found' ? null : await fileContents(file)
  if (file === 'not-found' || contents === null) return textResponse(404, 'Not found')
  const type = extname(file)
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(contents), {
    status: 200,
    headers: {
      ...SECURITY_HEADERS,
      'content-type': Object.hasOwn(CONTENT_TYPES, type)
        ? CONTENT_TYPES[type]!
        : 'application/octet-stream',
      'content-length': String(contents.length),
      'cache-control': file.endsWith('index.html') ? 'no-store' : 'no-cache'
    }
  })
}
