import { createHash } from 'node:crypto'
import { mkdirSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { connect } from 'node:net'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { CHANNELS } from '@shared/channels'
import { ERROR_CODES } from '@shared/result'
import { dispatch } from '../ipc/dispatch'
import { buildFixture } from '../ipc/sweep-fixture'
import { snapshotFile, tempDir } from '../test-support'
import { MAX_BODY_BYTES, startWebServer, TOKEN_HEADER, type WebServer } from './server'

/**
 * Issue 9, browser mode: the real server in front of a real backend, sent a few hundred
 * malformed requests over node:http and raw sockets. Every request gets an HTTP status line of
 * the expected kind, API answers are JSON Results and never INTERNAL for bad input, nothing
 * sent changes the company file, and the server still serves the page afterwards.
 */

interface Reply {
  /** -1 when the connection closed (or timed out) without a status line. */
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

const NO_ANSWER: Reply = { status: -1, headers: {}, body: '' }
const WAIT_MS = 10_000

/** Parses the first response on a raw connection: its status, headers and body. */
function parseRaw(text: string): Reply {
  const match = /^HTTP\/1\.[01] (\d{3})[^\r\n]*\r\n/.exec(text)
  if (!match) return { ...NO_ANSWER, body: text.slice(0, 200) }
  const end = text.indexOf('\r\n\r\n')
  const headers: Record<string, string> = {}
  for (const line of text.slice(match[0].length, end).split('\r\n')) {
    const colon = line.indexOf(':')
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim()
  }
  return { status: Number(match[1]), headers, body: end < 0 ? '' : text.slice(end + 4) }
}

/** Writes bytes on a fresh connection and reads until the server closes it (or WAIT_MS). */
function raw(
  port: number,
  parts: (string | Buffer)[],
  options: { halfClose?: boolean; waitMs?: number } = {}
) {
  return new Promise<Reply>((resolve) => {
    const chunks: Buffer[] = []
    const socket = connect(port, '127.0.0.1', () => {
      for (const part of parts) socket.write(part)
      if (options.halfClose) socket.end()
    })
    const done = () => {
      clearTimeout(timer)
      socket.destroy()
      resolve(parseRaw(Buffer.concat(chunks).toString('latin1')))
    }
    const timer = setTimeout(done, options.waitMs ?? WAIT_MS)
    socket.on('data', (d: Buffer) => chunks.push(d))
    socket.on('end', done)
    socket.on('close', done)
    socket.on('error', done)
  })
}

/** A request through node:http (which refuses to send some of the worst, hence raw above). */
function send(
  port: number,
  options: {
    method?: string
    path: string
    headers?: Record<string, string>
    body?: string | Buffer
  },
  waitMs = WAIT_MS
): Promise<Reply> {
  return new Promise((resolve) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: options.headers,
        agent: false
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? -1,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8')
          })
        )
        res.on('error', () => resolve(NO_ANSWER))
      }
    )
    req.setTimeout(waitMs, () => req.destroy())
    req.on('error', () => resolve(NO_ANSWER))
    if (options.body !== undefined) req.write(options.body)
    req.end()
  })
}

interface Case {
  name: string
  send: () => Promise<Reply>
  /** The statuses that are right for this request. */
  statuses: number[]
  /** An API answer: its body must be a JSON Result (with this code, when given). */
  api?: boolean
  code?: string
  /** A HEAD request: no body comes back. */
  head?: boolean
  /** Sent on its own once the others are answered (it may keep the server busy). */
  alone?: boolean
}

/** What is wrong with a reply to a case (empty when nothing is). */
function replyProblems(c: Case, reply: Reply): string[] {
  if (reply.status === -1) return ['no HTTP status line came back']
  const problems: string[] = []
  if (!c.statuses.includes(reply.status))
    problems.push(`status ${reply.status}, expected one of ${c.statuses.join('/')}`)
  if (reply.status === 500) problems.push('a 500: a request failed inside Facturo')
  if (!c.api) return problems
  // a 400 from the HTTP parser (clientError) has no body; an API answer of the server has one
  if (reply.body === '') {
    if (c.head !== true && [200, 401, 413, 415].includes(reply.status))
      problems.push(`a ${reply.status} without a Result in its body`)
    return problems
  }
  if (!String(reply.headers['content-type'] ?? '').startsWith('application/json'))
    problems.push(`content-type ${String(reply.headers['content-type'])}, not JSON`)
  let result: unknown
  try {
    result = JSON.parse(reply.body)
  } catch {
    return [...problems, `the body is not JSON: ${reply.body.slice(0, 120)}`]
  }
  const r = result as { ok?: unknown; error?: { code?: unknown; message?: unknown } }
  if (typeof r !== 'object' || r === null || typeof r.ok !== 'boolean')
    return [...problems, 'the body is not a Result']
  if (r.ok === false) {
    const code = r.error?.code
    if (!(ERROR_CODES as readonly unknown[]).includes(code))
      problems.push(`error code ${String(code)} is not one of ERROR_CODES`)
    if (code === 'INTERNAL') problems.push(`INTERNAL: ${String(r.error?.message)}`)
    if (typeof r.error?.message !== 'string' || r.error.message === '')
      problems.push('an error without a message')
    if (c.code && code !== c.code) problems.push(`code ${String(code)}, expected ${c.code}`)
  } else if (c.code) problems.push(`accepted, expected ${c.code}`)
  return problems
}

let server: WebServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

async function start() {
  const root = tempDir()
  const fixture = await buildFixture(join(root, 'data'))
  const rendererDir = join(root, 'renderer')
  mkdirSync(join(rendererDir, 'assets'), { recursive: true })
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Facturo</title>')
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)')
  writeFileSync(join(root, 'secret.txt'), 'secret')
  server = await startWebServer({
    port: 0,
    rendererDir,
    dispatch: (channel, input) => dispatch(fixture.backend.handlers, channel, input)
  })
  return { fixture, server }
}

/** The cases: static paths, request lines, headers, hosts, tokens, methods, types and bodies. */
function cases(port: number, token: string): Case[] {
  const host = `127.0.0.1:${port}`
  const out: Case[] = []
  const get = (path: string, statuses: number[], method = 'GET') =>
    out.push({
      name: `${method} ${path.slice(0, 60)}`,
      send: () => send(port, { method, path }),
      statuses
    })
  const line = (name: string, text: string | Buffer, statuses: number[], api = false) =>
    out.push({ name, send: () => raw(port, [text]), statuses, api })
  const headers = { 'content-type': 'application/json', [TOKEN_HEADER]: token }
  const head = (extra: string) =>
    `POST /api/customers/list HTTP/1.1\r\nhost: ${host}\r\n${TOKEN_HEADER}: ${token}\r\ncontent-type: application/json\r\n${extra}\r\n`
  const post = (
    name: string,
    channel: string,
    body: string | Buffer,
    statuses: number[],
    code?: string,
    extra: Record<string, string> = {}
  ) =>
    out.push({
      name,
      send: () =>
        send(port, {
          method: 'POST',
          path: `/api/${channel}`,
          headers: { ...headers, ...extra },
          body
        }),
      statuses,
      api: true,
      code
    })

  // static files: bad percent-encoding and control characters are 400, escapes are 404
  for (const method of ['GET', 'HEAD']) {
    for (const path of [
      '/%',
      '/%c0%ae',
      '/assets/%ff',
      '/%00',
      '/%E0%A4%A',
      '/index.html%00.js',
      '/%0a',
      '/%7f',
      '/%1b[31m',
      '/%C3',
      '/a%2',
      '/%%41',
      '/%ed%a0%80',
      '/%f4%90%80%80'
    ])
      get(path, [400], method)
    for (const path of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/..%5csecret.txt',
      '/missing.js',
      '/assets/',
      '/%2e%2e%2f%2e%2e%2fsecret.txt',
      '/assets/app.js%2f',
      '/index.html/',
      `/${'a'.repeat(8000)}`
    ])
      get(path, [404], method)
    for (const path of [
      '/',
      '/index.html',
      '/assets/app.js',
      '/?x=%ff',
      '/#frag',
      '/assets/./app.js',
      '//127.0.0.1/'
    ])
      get(path, [200, 404], method)
  }
  // request lines that node:http would not send
  const req = (target: string, extra = '') =>
    `GET ${target} HTTP/1.1\r\nhost: ${host}\r\nconnection: close\r\n${extra}\r\n`
  line('control character in the path', req('/a\u0001b'), [400])
  line('DEL in the path', req('/a\u007fb'), [400])
  line('space in the path', req('/a b'), [400])
  line('raw NUL in the path', req('/a\u0000b'), [400])
  line('raw UTF-8 in the path', Buffer.from(req('/ł.html'), 'utf8'), [400, 404])
  line(
    'raw invalid UTF-8 in the path',
    Buffer.concat([
      Buffer.from('GET /\xff\xfe HTTP/1.1\r\n', 'latin1'),
      Buffer.from(`host: ${host}\r\nconnection: close\r\n\r\n`)
    ]),
    [400, 404]
  )
  line('absolute-form target', req(`http://${host}/`), [200])
  line('absolute-form with another host', req('http://evil.example/'), [200, 400, 421])
  line('absolute-form to the API', req(`http://${host}/api/company/get`), [405, 401], true)
  line('broken absolute-form', req('http://['), [400])
  line('asterisk target', req('*'), [400, 404])
  line('empty target', `GET  HTTP/1.1\r\nhost: ${host}\r\nconnection: close\r\n\r\n`, [400])
  line('target without a slash', req('index.html'), [400, 404])
  line('backslash target', req('\\..\\secret.txt'), [400, 404])
  line(
    'OPTIONS *',
    `OPTIONS * HTTP/1.1\r\nhost: ${host}\r\nconnection: close\r\n\r\n`,
    [400, 404, 405]
  )
  line('CONNECT', `CONNECT 127.0.0.1:22 HTTP/1.1\r\nhost: 127.0.0.1:22\r\n\r\n`, [400, 405, 501])
  line(
    'upgrade to a websocket',
    req(
      '/',
      'upgrade: websocket\r\nconnection: upgrade\r\nsec-websocket-key: dGhlIHNhbXBsZSBub25jZQ==\r\nsec-websocket-version: 13\r\n'
    ),
    [200, 400, 404, 405, 426, 501]
  )
  line(
    'unknown method',
    `BREW / HTTP/1.1\r\nhost: ${host}\r\nconnection: close\r\n\r\n`,
    [400, 405, 501]
  )
  line(
    'lowercase method',
    `get / HTTP/1.1\r\nhost: ${host}\r\nconnection: close\r\n\r\n`,
    [400, 405, 501]
  )
  line('HTTP/9.9', `GET / HTTP/9.9\r\nhost: ${host}\r\nconnection: close\r\n\r\n`, [400, 505])
  line('HTTP/0.9 style', 'GET /\r\n\r\n', [400, 421])
  line('not HTTP at all', 'NOT HTTP AT ALL\r\n\r\n', [400])
  line('TLS hello on the plain port', Buffer.from('16030100a5010000a10303', 'hex'), [400])
  line(
    'binary garbage',
    Buffer.concat([
      Buffer.from(Array.from({ length: 64 }, (_, i) => (i * 37) % 256)),
      Buffer.from('\r\n\r\n')
    ]),
    [400]
  )
  line('very long request line', req(`/${'a'.repeat(70_000)}`), [400, 414, 431])
  line('very long API path', req(`/api/${'a'.repeat(5000)}/get`), [401, 404, 400, 414, 431], true)
  // headers
  const noHost = (extra: string) => `GET / HTTP/1.1\r\n${extra}connection: close\r\n\r\n`
  line('no Host (HTTP/1.1)', noHost(''), [400, 421])
  line('no Host (HTTP/1.0)', 'GET / HTTP/1.0\r\n\r\n', [400, 421])
  line('two Host headers', noHost(`host: ${host}\r\nhost: evil.example\r\n`), [200, 400, 421])
  line(
    'two Host headers, foreign first',
    noHost(`host: evil.example\r\nhost: ${host}\r\n`),
    [400, 421]
  )
  line('empty Host', noHost('host: \r\n'), [400, 421])
  line('Host without the port', noHost('host: 127.0.0.1\r\n'), [421])
  line('Host of another port', noHost(`host: 127.0.0.1:${port + 1}\r\n`), [421])
  line('Host with a trailing dot', noHost(`host: localhost.:${port}\r\n`), [421])
  line('Host with userinfo', noHost(`host: user@127.0.0.1:${port}\r\n`), [400, 421])
  line('Host with a NUL', noHost(`host: 127.0.0.1\u0000:${port}\r\n`), [400])
  line('huge Host', noHost(`host: ${'a'.repeat(10_000)}\r\n`), [400, 421, 431])
  line('localhost Host', noHost(`host: localhost:${port}\r\n`), [200])
  line('uppercase Host', noHost(`host: LOCALHOST:${port}\r\n`), [200, 421])
  line('header of 20 kB', noHost(`host: ${host}\r\nx-big: ${'a'.repeat(20_000)}\r\n`), [400, 431])
  line('3,000 headers', noHost(`host: ${host}\r\n${'x-n: 1\r\n'.repeat(3000)}`), [200, 400, 431])
  line('header with a control character', noHost(`host: ${host}\r\nx: a\u0001b\r\n`), [400])
  line('header without a colon', noHost(`host: ${host}\r\nbroken header\r\n`), [400])
  line('header name with a space', noHost(`host: ${host}\r\nx y: 1\r\n`), [400])
  line('folded header', noHost(`host: ${host}\r\nx-a: 1\r\n  folded\r\n`), [400])
  line('bare LF line ends', `GET / HTTP/1.1\nhost: ${host}\nconnection: close\n\n`, [200, 400])
  const body = (extra: string, content = '{}') =>
    `POST /api/company/get HTTP/1.1\r\nhost: ${host}\r\n${TOKEN_HEADER}: ${token}\r\ncontent-type: application/json\r\nconnection: close\r\n${extra}\r\n${content}`
  line(
    'two different Content-Length',
    body('content-length: 2\r\ncontent-length: 3\r\n'),
    [400],
    true
  )
  line(
    'Content-Length and chunked',
    body('content-length: 2\r\ntransfer-encoding: chunked\r\n', '0\r\n\r\n'),
    [400],
    true
  )
  line('negative Content-Length', body('content-length: -1\r\n'), [400], true)
  line('Content-Length not a number', body('content-length: two\r\n'), [400], true)
  line('unknown transfer coding', body('transfer-encoding: gzip\r\n'), [400, 501], true)
  line(
    'chunk size not hex',
    body('transfer-encoding: chunked\r\n', 'zz\r\n{}\r\n0\r\n\r\n'),
    [400],
    true
  )
  line('chunked JSON', body('transfer-encoding: chunked\r\n', '2\r\n{}\r\n0\r\n\r\n'), [200], true)
  // hosts, tokens, methods and content types on the API
  const api = (
    name: string,
    options: { method?: string; headers: Record<string, string>; body?: string },
    statuses: number[],
    code?: string
  ) =>
    out.push({
      name,
      send: () => send(port, { path: '/api/company/get', ...options }),
      statuses,
      api: true,
      code
    })
  api(
    'no token',
    { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' },
    [401],
    'UNAUTHORIZED'
  )
  api(
    'empty token',
    { method: 'POST', headers: { ...headers, [TOKEN_HEADER]: '' }, body: '{}' },
    [401],
    'UNAUTHORIZED'
  )
  api(
    'wrong token of the same length',
    {
      method: 'POST',
      headers: { ...headers, [TOKEN_HEADER]: 'x'.repeat(token.length) },
      body: '{}'
    },
    [401],
    'UNAUTHORIZED'
  )
  api(
    'token and more',
    { method: 'POST', headers: { ...headers, [TOKEN_HEADER]: `${token}x` }, body: '{}' },
    [401],
    'UNAUTHORIZED'
  )
  api(
    'token as a prefix',
    { method: 'POST', headers: { ...headers, [TOKEN_HEADER]: token.slice(0, 10) }, body: '{}' },
    [401],
    'UNAUTHORIZED'
  )
  // UTF-8 bytes in the header (node:http will not send them): same byte length as the token
  line(
    'token in ł letters',
    Buffer.from(
      body(`content-length: 2\r\n`).replace(
        `${TOKEN_HEADER}: ${token}`,
        `${TOKEN_HEADER}: ${'ł'.repeat(token.length / 2)}`
      ),
      'utf8'
    ),
    [400, 401],
    true
  )
  api(
    'huge token',
    { method: 'POST', headers: { ...headers, [TOKEN_HEADER]: 'a'.repeat(10_000) }, body: '{}' },
    [401],
    'UNAUTHORIZED'
  )
  line('two tokens', body(`${TOKEN_HEADER}: ${token}\r\ncontent-length: 2\r\n`), [401], true)
  line(
    'foreign Host with the token',
    body('content-length: 2\r\n').replace(`host: ${host}`, 'host: evil.example'),
    [421]
  )
  for (const method of ['GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'])
    api(`${method} on the API`, { method, headers }, [405], 'UNSUPPORTED')
  out.push({
    name: 'HEAD on the API',
    send: () => send(port, { method: 'HEAD', path: '/api/company/get', headers }),
    statuses: [405],
    api: true,
    head: true
  })
  for (const type of [
    '',
    'text/plain',
    'multipart/form-data; boundary=x',
    'application/x-www-form-urlencoded',
    'text/json',
    'application/xml'
  ])
    api(
      `content-type ${type || '(none)'}`,
      {
        method: 'POST',
        headers: { [TOKEN_HEADER]: token, ...(type ? { 'content-type': type } : {}) },
        body: '{}'
      },
      [415],
      'VALIDATION'
    )
  for (const type of [
    'application/json; charset=utf-8',
    'application/json; charset=latin1',
    'APPLICATION/JSON',
    'application/jsonp'
  ])
    api(
      `content-type ${type}`,
      { method: 'POST', headers: { ...headers, 'content-type': type }, body: '{}' },
      [200, 415]
    )
  // API paths
  for (const path of [
    '/api/company/get/',
    '/api/company',
    '/api/',
    '/api',
    '/api/Company/get',
    '/api/company%2fget',
    '/api/__proto__/x',
    '/api/company/get%00',
    '/api/company/get/../get'
  ])
    out.push({
      name: `POST ${path}`,
      send: () => send(port, { method: 'POST', path, headers, body: '{}' }),
      statuses: [200, 400, 404, 405],
      api: true
    })
  for (const channel of [
    'nope/verb',
    'constructor/name',
    'toString/valueOf',
    'company/constructor',
    'files/__proto__'
  ])
    post(`unknown channel ${channel}`, channel, '{}', [200, 404], 'NOT_FOUND')
  post('query string', 'company/get?x=1', '{}', [200])
  // bodies that are not JSON, or JSON of the wrong shape
  for (const [name, text] of [
    ['truncated JSON', '{"a":'],
    ['undefined', 'undefined'],
    ['NaN', 'NaN'],
    ['single quotes', "{'a':1}"],
    ['trailing garbage', '{}garbage'],
    ['trailing comma', '{"a":1,}'],
    ['a NUL', '\u0000'],
    ['a BOM before {}', '\ufeff{}'],
    ['comments', '{/* x */}']
  ] as const)
    post(`body: ${name}`, 'customers/list', text, [400, 200], undefined)
  post('body: invalid UTF-8', 'customers/list', Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), [400])
  post('body: empty', 'customers/list', '', [200, 400], 'VALIDATION')
  post('body: 1e999', 'customers/get', '{"customerId":1e999}', [200], 'VALIDATION')
  post('body: -0', 'customers/get', '{"customerId":-0}', [200], 'VALIDATION')
  post(
    'body: huge integer',
    'customers/get',
    `{"customerId":${'9'.repeat(400)}}`,
    [200],
    'VALIDATION'
  )
  post(
    'body: duplicate keys',
    'customers/get',
    '{"customerId":"x","customerId":999999}',
    [200],
    'NOT_FOUND'
  )
  post(
    'body: __proto__ key',
    'customers/create',
    '{"__proto__":{"name":"x"},"name":"Ana","country":"PL","language":"pl","currency":"PLN"}',
    [200],
    'VALIDATION'
  )
  post(
    'body: constructor key',
    'customers/list',
    '{"constructor":{"prototype":{"x":1}}}',
    [200],
    'VALIDATION'
  )
  post(
    'body: 100k string',
    'customers/search',
    JSON.stringify({ query: 'a'.repeat(100_000) }),
    [200],
    'VALIDATION'
  )
  post('body: escaped NUL', 'customers/search', JSON.stringify({ query: 'a\u0000b' }), [200])
  post(
    'body: NUL in a name',
    'customers/create',
    JSON.stringify({ name: 'a\u0000b', country: 'PL', language: 'pl', currency: 'PLN' }),
    [200],
    'VALIDATION'
  )
  post('body: lone surrogate', 'customers/search', '{"query":"\\ud800"}', [200])
  const nested = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`
  post('body: arrays nested 100,000 deep', 'customers/list', nested(100_000), [200, 400], undefined)
  post(
    'body: objects nested 100,000 deep',
    'customers/get',
    `{"customerId":${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}}`,
    [200, 400]
  )
  // the heaviest bodies go alone, after the others, so a slow answer delays no other request
  const deepest = nested(2_000_000)
  out.push({
    name: 'body: arrays nested 2,000,000 deep',
    send: () =>
      send(port, { method: 'POST', path: '/api/customers/list', headers, body: deepest }, 120_000),
    statuses: [200, 400, 413],
    api: true,
    alone: true
  })
  // a list the contract gives no maximum: a million entries (5 MB) must still be answered
  const million = `{"customerId":1,"date":"2026-01-05","method":"cash","amount":1,"currency":"PLN","allocations":[${'null,'.repeat(999_999)}null]}`
  out.push({
    name: 'body: a million nulls in a list without a limit',
    send: () =>
      raw(
        port,
        [
          head(`content-length: ${million.length}\r\nconnection: close\r\n`).replace(
            'customers/list',
            'payments/record'
          ),
          million
        ],
        { waitMs: 120_000 }
      ),
    statuses: [200],
    api: true,
    code: 'VALIDATION',
    alone: true
  })
  for (const channel of CHANNELS)
    for (const text of ['[]', '"x"', 'null', '{"unexpected":1}', '{"__proto__":1}'])
      post(`${channel} with ${text}`, channel, text, [200], 'VALIDATION')
  for (const channel of [
    'company/get',
    'customers/list',
    'invoices/list',
    'ledger/verify',
    'dashboard/summary'
  ])
    post(`${channel}, valid`, channel, '{}', [200])
  // sizes: truncated bodies, the limit, and past it
  out.push({
    name: 'body shorter than its Content-Length, then the client stops sending',
    send: () => raw(port, [head('content-length: 100\r\n'), '{"query":'], { halfClose: true }),
    statuses: [400, 408],
    api: true
  })
  out.push({
    name: 'chunked body cut off, then the client stops sending',
    send: () =>
      raw(port, [head('transfer-encoding: chunked\r\n'), '5\r\n{"que'], { halfClose: true }),
    statuses: [400, 408],
    api: true
  })
  out.push({
    name: 'headers cut off, then the client stops sending',
    send: () =>
      raw(port, [`POST /api/customers/list HTTP/1.1\r\nhost: ${host}\r\ncontent-ty`], {
        halfClose: true
      }),
    statuses: [400, 408]
  })
  const limit = (extra: number) =>
    Buffer.concat([
      Buffer.from('{"query":"'),
      Buffer.alloc(MAX_BODY_BYTES - 13 + extra, 0x61),
      Buffer.from('"}')
    ])
  post(
    'body of exactly the limit',
    'customers/list',
    Buffer.concat([Buffer.alloc(MAX_BODY_BYTES - 2, 0x20), Buffer.from('{}')]),
    [200]
  )
  post('body one byte over the limit', 'customers/list', limit(2), [413], 'VALIDATION')
  post('body of 22 MiB', 'usage/import', Buffer.alloc(22 * 1024 * 1024, 0x20), [413], 'VALIDATION')
  out.push({
    name: 'chunked body over the limit',
    send: () =>
      raw(port, [
        head('transfer-encoding: chunked\r\nconnection: close\r\n'),
        `${(MAX_BODY_BYTES + 1024).toString(16)}\r\n`,
        Buffer.alloc(MAX_BODY_BYTES + 1024, 0x20),
        '\r\n0\r\n\r\n'
      ]),
    statuses: [413],
    api: true,
    code: 'VALIDATION'
  })
  out.push({
    name: 'Content-Length of a terabyte, body over the limit',
    send: () =>
      raw(
        port,
        [head('content-length: 1000000000000\r\n'), Buffer.alloc(MAX_BODY_BYTES + 1024, 0x20)],
        { halfClose: true }
      ),
    statuses: [413],
    api: true,
    code: 'VALIDATION'
  })
  // random request targets: percent signs, escapes and bytes in any order
  const piece = fc.oneof(
    fc.constantFrom(
      '%',
      '%2',
      '%00',
      '%ff',
      '%c0%ae',
      '%2e',
      '%2f',
      '%5c',
      '..',
      '.',
      '/',
      '//',
      '?',
      '#',
      'a',
      'ł',
      '%e2%82%ac',
      '%C3%28'
    ),
    fc.string({ unit: 'binary-ascii', maxLength: 3 }).map(encodeURIComponent)
  )
  const targets = fc.sample(
    fc.array(piece, { maxLength: 8 }).map((p) => `/${p.join('')}`),
    { numRuns: 100, seed: 9 }
  )
  for (const target of targets) line(`random target ${target}`, req(target), [200, 400, 404])
  return out
}

/** Requests that took more than a second (printed, never asserted: timing is for benchmarks). */
const slow: string[] = []
afterAll(() => {
  if (slow.length > 0) console.warn(`slow requests:\n${slow.join('\n')}`)
})

/** Runs the cases a few at a time; every problem is collected, so one run lists them all. */
async function run(all: Case[], width = 6): Promise<string[]> {
  const problems: string[] = []
  const together = all.filter((c) => !c.alone)
  let next = 0
  const worker = async (list: Case[]) => {
    while (next < list.length) {
      const c = list[next++]!
      const started = performance.now()
      const reply = await c.send()
      const ms = performance.now() - started
      if (ms > 1000) slow.push(`${c.name}: ${Math.round(ms)} ms, status ${reply.status}`)
      for (const problem of replyProblems(c, reply)) problems.push(`${c.name}: ${problem}`)
    }
  }
  await Promise.all(Array.from({ length: width }, () => worker(together)))
  next = 0
  await worker(all.filter((c) => c.alone))
  return problems
}

describe('browser mode under hostile requests', () => {
  it('answers every malformed request with an HTTP status and keeps serving', async () => {
    const { fixture, server } = await start()
    const before = createHash('sha256').update(snapshotFile(fixture.path)).digest('hex')
    const all = cases(server.port, server.token)
    expect(all.length).toBeGreaterThan(300)
    const problems = await run(all)
    expect(problems, `${problems.length} of ${all.length} requests`).toEqual([])
    // nothing it was sent was a write the books accepted
    expect(createHash('sha256').update(snapshotFile(fixture.path)).digest('hex')).toBe(before)
    const index = await send(server.port, { path: '/' })
    expect(index.status).toBe(200)
    expect(index.body).toContain('<title>Facturo</title>')
    expect(server.server.listening).toBe(true)
    const company = await send(server.port, {
      method: 'POST',
      path: '/api/company/get',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: server.token },
      body: '{}'
    })
    expect(JSON.parse(company.body)).toMatchObject({ ok: true })
    await fixture.backend.shutdown()
  }, 240_000)
})
