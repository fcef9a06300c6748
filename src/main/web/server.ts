import { randomBytes, timingSafeEqual } from 'node:crypto'
import { createReadStream, statSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, sep } from 'node:path'
import { fail, type Result } from '@shared/result'
import { log } from '../log'
import { CSP_HEADER } from '../security'

export const TOKEN_HEADER = 'x-facturo-token'
/** 21 MiB: a CSV import may carry 20 MB of base64 (the contract's limit), plus its JSON envelope. */
export const MAX_BODY_BYTES = 21 * 1024 * 1024
/** What a refused body may still send before the connection is cut (its 413 is read after it). */
const MAX_DRAINED_BYTES = 64 * 1024 * 1024
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

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'content-type': 'text/plain; charset=utf-8',
    'content-length': Buffer.byteLength(text)
  })
  res.end(text)
}

/**
 * The body, or 'too-large' as soon as it passes the limit. A refused body is still read (and
 * dropped) up to MAX_DRAINED_BYTES: a client that is still sending when the socket closes gets a
 * reset instead of the 413 it was answered.
 */
function readBody(req: IncomingMessage): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size <= MAX_BODY_BYTES) {
        chunks.push(chunk)
        return
      }
      chunks.length = 0
      req.off('data', onData)
      let drained = 0
      req.on('data', (rest: Buffer) => {
        drained += rest.length
        if (drained > MAX_DRAINED_BYTES) req.destroy()
      })
      resolve('too-large')
    }
    req.on('data', onData)
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
    res.setHeader('connection', 'close')
    sendJson(
      res,
      413,
      fail('VALIDATION', `The request is larger than ${MAX_BODY_BYTES / 1024 / 1024} MiB.`)
    )
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
  const file = staticFile(pathname, rendererDir)
  if (file === 'bad-request') {
    sendText(res, 400, 'Bad request')
    return
  }
  if (!file) {
    sendText(res, 404, 'Not found')
    return
  }
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'content-type': Object.hasOwn(CONTENT_TYPES, extname(file))
      ? CONTENT_TYPES[extname(file)]
      : 'application/octet-stream',
    'cache-control': file.endsWith('index.html') ? 'no-store' : 'no-cache'
  })
  if (req.method === 'HEAD') {
    res.end()
    return
  }
  const stream = createReadStream(file)
  stream.on('error', () => res.destroy())
  stream.pipe(res)
}

/**
 * The renderer file a URL path names: null when there is none, 'bad-request' when the path is
 * not valid percent-encoded UTF-8 or holds a control character. Never a file outside the folder.
 */
export function staticFile(pathname: string, rendererDir: string): string | null | 'bad-request' {
  let relative: string
  try {
    relative = pathname === '/' ? 'index.html' : decodeURIComponent(pathname.slice(1))
  } catch {
    return 'bad-request'
  }
  // eslint-disable-next-line no-control-regex -- control characters are what is refused
  if (/[\u0000-\u001f\u007f]/.test(relative)) return 'bad-request'
  const file = normalize(join(rendererDir, relative))
  if (!file.startsWith(rendererDir + sep)) return null
  try {
    return statSync(file).isFile() ? file : null
  } catch {
    return null
  }
}

/** The path of a request target (origin or absolute form), or null when it cannot be parsed. */
function requestPath(target: string | undefined): string | null {
  try {
    return new URL(target ?? '/', 'http://127.0.0.1').pathname
  } catch {
    return null
  }
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
  const route = (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`]
    if (!allowedHosts.includes(req.headers.host ?? '')) {
      sendText(res, 421, 'Misdirected request')
      return Promise.resolve()
    }
    const pathname = requestPath(req.url)
    if (pathname === null) {
      sendText(res, 400, 'Bad request')
      return Promise.resolve()
    }
    const api = API_PATH.exec(pathname)
    if (api) return handleApi(req, res, api[1]!, settings)
    if (pathname.startsWith('/api/')) sendJson(res, 404, fail('NOT_FOUND', 'There is no such API.'))
    else serveStatic(req, res, pathname, settings.rendererDir)
    return Promise.resolve()
  }
  // Whatever a client sends, it gets an answer and the process goes on: a failure in one request
  // (thrown or rejected) becomes a 500 for that request alone.
  const server = createServer((req, res) => {
    req.on('error', () => res.destroy())
    res.on('error', () => req.destroy())
    let work: Promise<void>
    try {
      work = route(req, res)
    } catch (error) {
      work = Promise.reject(error)
    }
    work.catch((error: unknown) => {
      // a client that went away before its body arrived is no fault of Facturo's
      if (req.destroyed && (error as NodeJS.ErrnoException).code === 'ECONNRESET') return
      log.error('browser mode: a request failed', error)
      if (!res.headersSent)
        sendJson(res, 500, fail('INTERNAL', 'The request failed inside Facturo.'))
      else res.destroy()
    })
  })
  // CONNECT (proxy tunnels) and protocol upgrades are not served: say so, then close
  const refuse = (_req: IncomingMessage, socket: import('node:stream').Duplex) => {
    socket.on('error', () => socket.destroy())
    socket.end('HTTP/1.1 405 Method Not Allowed\r\nconnection: close\r\ncontent-length: 0\r\n\r\n')
  }
  server.on('connect', refuse)
  server.on('upgrade', refuse)
  server.on('clientError', (_error, socket) => {
    if (socket.writable && !socket.writableEnded) {
      socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\ncontent-length: 0\r\n\r\n')
    } else socket.destroy()
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
