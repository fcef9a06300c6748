import { randomBytes, timingSafeEqual } from 'node:crypto'
import { createReadStream, existsSync, statSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, sep } from 'node:path'
import { fail, type Result } from '@shared/result'
import { CSP_HEADER } from '../security'

export const TOKEN_HEADER = 'x-facturo-token'
// a CSV import may carry 20 MB of base64 (the contract's limit), plus its JSON envelope
const MAX_BODY_BYTES = 21 * 1024 * 1024
const API_PATH = /^\/api\/([a-z][a-zA-Z]*\/[a-zA-Z]+)$/

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
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8'
}

const SECURITY_HEADERS = {
  'content-security-policy': CSP_HEADER,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin'
}

export type Dispatch = (channel: string, input: unknown) => Promise<Result<unknown>>

export interface WebServerOptions {
  port: number
  rendererDir: string
  dispatch: Dispatch
  token?: string
}

export interface WebServer {
  url: string
  port: number
  token: string
  server: Server
  close(): Promise<void>
}

/** A per-launch secret: 32 random bytes, URL-safe. */
export const newToken = (): string => randomBytes(32).toString('base64url')

function sameSecret(given: string | undefined, token: string): boolean {
  if (typeof given !== 'string') return false
  const a = Buffer.from(given)
  const b = Buffer.from(token)
  return a.length === b.length && timingSafeEqual(a, b)
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body)
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'content-length': Buffer.byteLength(json)
  })
  res.end(json)
}

function readBody(req: IncomingMessage): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY_BYTES) {
        resolve('too-large')
        req.destroy()
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

async function handleApi(
  req: IncomingMessage,
  res: ServerResponse,
  channel: string,
  options: Required<WebServerOptions>
): Promise<void> {
  if (!sameSecret(req.headers[TOKEN_HEADER] as string | undefined, options.token)) {
    sendJson(
      res,
      401,
      fail('UNAUTHORIZED', 'This request lacks the access token of this Facturo launch.')
    )
    return
  }
  if (req.method !== 'POST') {
    res.setHeader('allow', 'POST')
    sendJson(res, 405, fail('UNSUPPORTED', 'API calls use POST.'))
    return
  }
  if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
    sendJson(res, 415, fail('VALIDATION', 'API calls send JSON (content-type: application/json).'))
    return
  }
  const body = await readBody(req)
  if (body === 'too-large') {
    sendJson(res, 413, fail('VALIDATION', `The request is larger than ${MAX_BODY_BYTES} bytes.`))
    return
  }
  let input: unknown
  try {
    input = body.length === 0 ? undefined : JSON.parse(body.toString('utf8'))
  } catch {
    sendJson(res, 400, fail('VALIDATION', 'The request body is not valid JSON.'))
    return
  }
  sendJson(res, 200, await options.dispatch(channel, input))
}

function serveStatic(
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
  rendererDir: string
): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { ...SECURITY_HEADERS, allow: 'GET, HEAD' }).end()
    return
  }
  const relative = pathname === '/' ? 'index.html' : decodeURIComponent(pathname.slice(1))
  const file = normalize(join(rendererDir, relative))
  if (!file.startsWith(rendererDir + sep) || !existsSync(file) || !statSync(file).isFile()) {
    res
      .writeHead(404, { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8' })
      .end('Not found')
    return
  }
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
    'cache-control': file.endsWith('index.html') ? 'no-store' : 'no-cache'
  })
  if (req.method === 'HEAD') res.end()
  else createReadStream(file).pipe(res)
}

/**
 * Browser mode: the built renderer and `POST /api/<domain>/<verb>` on 127.0.0.1 only.
 * Every API call must carry the launch token; a foreign Host header (DNS rebinding) is refused.
 */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const settings = {
    ...options,
    token: options.token ?? newToken(),
    rendererDir: normalize(options.rendererDir)
  }
  let port = options.port
  const server = createServer((req, res) => {
    const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`]
    if (!allowedHosts.includes(req.headers.host ?? '')) {
      res.writeHead(421, { 'content-type': 'text/plain; charset=utf-8' }).end('Misdirected request')
      return
    }
    const pathname = new URL(req.url ?? '/', `http://${req.headers.host}`).pathname
    const api = API_PATH.exec(pathname)
    const work = api
      ? handleApi(req, res, api[1]!, settings)
      : pathname.startsWith('/api/')
        ? Promise.resolve(sendJson(res, 404, fail('NOT_FOUND', `No API at ${pathname}.`)))
        : Promise.resolve(serveStatic(req, res, pathname, settings.rendererDir))
    work.catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, fail('INTERNAL', String(error)))
      else res.destroy()
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, '127.0.0.1', () => resolve())
  })
  port = (server.address() as AddressInfo).port
  return {
    url: `http://127.0.0.1:${port}/#token=${settings.token}`,
    port,
    token: settings.token,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
  }
}
