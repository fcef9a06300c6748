import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { connect, type AddressInfo } from 'node:net'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ok } from '@shared/result'
import { tempDir } from '../test-support'
import { MAX_BODY_BYTES, startWebServer, TOKEN_HEADER, type WebServer } from './server'

interface Reply {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

function send(
  port: number,
  options: {
    method?: string
    path: string
    headers?: Record<string, string>
    body?: string | Buffer
  }
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: options.headers
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8')
          })
        )
      }
    )
    req.on('error', (e: NodeJS.ErrnoException) =>
      e.code === 'ECONNRESET' || e.code === 'EPIPE'
        ? resolve({ status: -1, headers: {}, body: '' })
        : reject(e)
    )
    if (options.body) req.write(options.body)
    req.end()
  })
}

let server: WebServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

async function start() {
  const root = tempDir()
  const rendererDir = join(root, 'renderer')
  mkdirSync(join(rendererDir, 'assets'), { recursive: true })
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Facturo</title>')
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)')
  writeFileSync(join(root, 'secret.txt'), 'secret')
  const dispatch = vi.fn(async (channel: string, input: unknown) => ok({ channel, input }))
  server = await startWebServer({ port: 0, rendererDir, dispatch })
  const api = (channel: string, body: unknown, headers: Record<string, string> = {}) =>
    send(server!.port, {
      method: 'POST',
      path: `/api/${channel}`,
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: server!.token, ...headers },
      body: JSON.stringify(body)
    })
  return { server, dispatch, api }
}

describe('browser mode server', () => {
  it('listens on 127.0.0.1 only and prints a URL carrying the token in the fragment', async () => {
    const { server } = await start()
    expect((server.server.address() as AddressInfo).address).toBe('127.0.0.1')
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/#token=${server.token}`)
    expect(server.token).toMatch(/^[\w-]{43}$/)
  })

  it('answers 401 without the token, or with a wrong one, and runs nothing', async () => {
    const { api, dispatch } = await start()
    const missing = await api('company/get', {}, { [TOKEN_HEADER]: '' })
    expect(missing.status).toBe(401)
    expect(JSON.parse(missing.body)).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } })
    expect((await api('company/get', {}, { [TOKEN_HEADER]: 'x'.repeat(43) })).status).toBe(401)
    expect(dispatch).not.toHaveBeenCalled()
  })

  it('passes a call with the token to dispatch and returns its Result', async () => {
    const { api, dispatch } = await start()
    const reply = await api('company/get', { a: 1 })
    expect(reply.status).toBe(200)
    expect(JSON.parse(reply.body)).toEqual({
      ok: true,
      value: { channel: 'company/get', input: { a: 1 } }
    })
    expect(dispatch).toHaveBeenCalledWith('company/get', { a: 1 })
    // domains of two words are written in camelCase
    expect((await api('taxRates/list', {})).status).toBe(200)
    expect(dispatch).toHaveBeenCalledWith('taxRates/list', {})
  })

  it('refuses other hosts (DNS rebinding), methods, content types, bad JSON and huge bodies', async () => {
    const { api, dispatch } = await start()
    const port = server!.port
    expect(
      (await send(port, { path: '/', headers: { host: `evil.example:${port}` } })).status
    ).toBe(421)
    expect(
      (await send(port, { path: '/api/company/get', headers: { [TOKEN_HEADER]: server!.token } }))
        .status
    ).toBe(405)
    expect((await api('company/get', {}, { 'content-type': 'text/plain' })).status).toBe(415)
    const badJson = await send(port, {
      method: 'POST',
      path: '/api/company/get',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: server!.token },
      body: '{"a":'
    })
    expect(badJson.status).toBe(400)
    const huge = await send(port, {
      method: 'POST',
      path: '/api/company/update',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: server!.token },
      body: Buffer.alloc(22 * 1024 * 1024, 32)
    })
    expect(huge.status).toBe(413)
    expect(JSON.parse(huge.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect((await api('company', {})).status).toBe(404)
    expect(dispatch).not.toHaveBeenCalled()
  })

  it('serves the renderer with the CSP and nothing outside its folder', async () => {
    await start()
    const port = server!.port
    const index = await send(port, { path: '/' })
    expect(index.status).toBe(200)
    expect(index.body).toContain('<title>Facturo</title>')
    expect(index.headers['content-security-policy']).toContain("script-src 'self'")
    expect(index.headers['x-content-type-options']).toBe('nosniff')
    expect((await send(port, { path: '/assets/app.js' })).headers['content-type']).toMatch(
      /javascript/
    )
    expect((await send(port, { path: '/../secret.txt' })).status).toBe(404)
    expect((await send(port, { path: '/%2e%2e/secret.txt' })).status).toBe(404)
    expect((await send(port, { path: '/..%2fsecret.txt' })).status).toBe(404)
    expect((await send(port, { path: '/assets%2f..%2f..%2fsecret.txt' })).status).toBe(404)
    expect((await send(port, { path: '/..%5csecret.txt' })).status).toBe(404)
    expect((await send(port, { path: '/missing.js' })).status).toBe(404)
  })

  it('answers bad percent-encoding and control characters with 400 and keeps serving', async () => {
    await start()
    const port = server!.port
    for (const path of ['/%', '/%c0%ae', '/assets/%ff', '/%E0%A4%A', '/index.html%00.js', '/%0a']) {
      const reply = await send(port, { path })
      expect(reply.status, path).toBe(400)
    }
    expect((await send(port, { path: '/' })).status).toBe(200)
  })

  it('answers malformed request lines and targets, and keeps serving', async () => {
    await start()
    const port = server!.port
    const raw = (text: string) =>
      new Promise<string>((resolve) => {
        const socket = connect(port, '127.0.0.1', () => socket.write(text))
        let answer = ''
        socket.on('data', (d) => (answer += d.toString('latin1')))
        socket.on('end', () => resolve(answer))
        socket.on('error', () => resolve(answer))
      })
    expect(
      await raw(`GET http://[ HTTP/1.1\r\nhost: 127.0.0.1:${port}\r\nconnection: close\r\n\r\n`)
    ).toMatch(/^HTTP\/1\.1 400/)
    expect(await raw('NOT HTTP AT ALL\r\n\r\n')).toMatch(/^HTTP\/1\.1 400/)
    expect(await raw(`GET / HTTP/1.1\r\nhost: 127.0.0.1:${port}\r\nx: \u0001\r\n\r\n`)).toMatch(
      /^HTTP\/1\.1 400/
    )
    expect((await send(port, { path: '/' })).status).toBe(200)
  })

  it('turns a failure inside a call into a 500 for that call alone', async () => {
    const root = tempDir()
    const rendererDir = join(root, 'renderer')
    mkdirSync(rendererDir, { recursive: true })
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html>')
    const dispatch = vi.fn(async () => {
      throw new Error('boom')
    })
    server = await startWebServer({ port: 0, rendererDir, dispatch })
    const reply = await send(server.port, {
      method: 'POST',
      path: '/api/company/get',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: server.token },
      body: '{}'
    })
    expect(reply.status).toBe(500)
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    expect((await send(server.port, { path: '/' })).status).toBe(200)
  })

  it('states in docs/architecture.md the body limit it applies', () => {
    const docs = readFileSync(join(import.meta.dirname, '../../../docs/architecture.md'), 'utf8')
    expect(docs).toContain(`at most ${MAX_BODY_BYTES / 1024 / 1024} MiB (413)`)
  })

  it('gives each launch its own token', async () => {
    const first = (await start()).server.token
    await server!.close()
    const second = (await start()).server.token
    expect(second).not.toBe(first)
  })
})
