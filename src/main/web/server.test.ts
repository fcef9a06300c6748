import { mkdirSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ok } from '@shared/result'
import { tempDir } from '../test-support'
import { startWebServer, TOKEN_HEADER, type WebServer } from './server'

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
    expect([413, -1]).toContain(huge.status)
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

  it('gives each launch its own token', async () => {
    const first = (await start()).server.token
    await server!.close()
    const second = (await start()).server.token
    expect(second).not.toBe(first)
  })
})
