import { request as httpRequest } from 'node:http'
import type { AddressInfo } from 'node:net'
import express from 'express'
import { afterEach, describe, expect, it } from 'vitest'
import { hostCheck, limitedBody, securityHeaders, trustProxySetting } from './http-guards.ts'

const servers: { close(): void }[] = []
afterEach(() => {
  for (const s of servers.splice(0)) s.close()
})

/** A real express server on a free loopback port, with the guards under test in front. */
async function serve(setup: (app: express.Express) => void): Promise<number> {
  const app = express()
  setup(app)
  const server = app.listen(0, '127.0.0.1')
  await new Promise<void>((done) => server.once('listening', done))
  servers.push(server)
  return (server.address() as AddressInfo).port
}

/** A raw HTTP request, so that Host, chunked bodies and lying lengths can be sent as a client would. */
function send(port: number, options: { method?: string; path?: string; headers?: Record<string, string>; chunks?: Buffer[] }): Promise<{ status: number; body: string; headers: Record<string, string | string[] | undefined> }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path ?? '/', headers: options.headers }, (res) => {
      const parts: Buffer[] = []
      res.on('data', (c: Buffer) => parts.push(c))
      res.on('end', () => resolve({ status: res.statusCode!, body: Buffer.concat(parts).toString(), headers: res.headers }))
    })
    req.on('error', (error: NodeJS.ErrnoException) => (error.code === 'ECONNRESET' || error.code === 'EPIPE' ? undefined : reject(error)))
    const write = async () => {
      for (const chunk of options.chunks ?? []) {
        if (!req.write(chunk)) await new Promise((r) => req.once('drain', r))
        if (req.destroyed) return
      }
      req.end()
    }
    void write()
  })
}

describe('TRUST_PROXY', () => {
  it('takes a hop count or addresses, never "trust everything"', () => {
    expect(trustProxySetting(undefined)).toBe(false)
    expect(trustProxySetting('')).toBe(false)
    expect(trustProxySetting('false')).toBe(false)
    expect(trustProxySetting('1')).toBe(1)
    expect(trustProxySetting('10.0.0.1, 10.0.0.0/8,loopback')).toEqual(['10.0.0.1', '10.0.0.0/8', 'loopback'])
    expect(() => trustProxySetting('true')).toThrow(/hop|addresses/)
    expect(() => trustProxySetting('*')).toThrow()
    expect(() => trustProxySetting('proxy.example.com')).toThrow(/neither/)
  })

  it('takes the client address from the hop the trusted proxy added, not from what the client wrote', async () => {
    const seen = (setting: ReturnType<typeof trustProxySetting>) =>
      serve((app) => {
        app.set('trust proxy', setting)
        app.get('/', (req, res) => res.send(req.ip))
      })
    // The client forged 6.6.6.6; the one proxy in front appended the address it saw.
    const headers = { 'X-Forwarded-For': '6.6.6.6, 203.0.113.7' }
    expect((await send(await seen(1), { headers })).body).toBe('203.0.113.7')
    expect((await send(await seen(['127.0.0.1']), { headers })).body).toBe('203.0.113.7')
    // Without a trusted proxy the header is ignored.
    expect((await send(await seen(false), { headers })).body).toBe('127.0.0.1')
    // A proxy list that does not include the peer trusts nothing.
    expect((await send(await seen(['10.0.0.1']), { headers })).body).toBe('127.0.0.1')
  })
})

describe('the host check', () => {
  const policy = { assertConfigured() {}, allows: async (host: string) => host === 'market.example.com' || host === 'shop.seller.vn' }
  const app = (trust: boolean) =>
    serve((a) => {
      if (trust) a.set('trust proxy', 1)
      a.use(hostCheck(policy, trust))
      a.all('*', (req, res) => res.send(`${req.hostname}|${req.headers['x-forwarded-host'] ?? ''}`))
    })

  it('answers 421 for a host the app does not serve, before the app runs', async () => {
    const port = await app(false)
    expect((await send(port, { headers: { Host: 'market.example.com' } })).status).toBe(200)
    expect((await send(port, { headers: { Host: 'shop.seller.vn:8443' } })).status).toBe(200)
    for (const host of ['evil.example', 'market.example.com.evil.example', 'MARKET.example.com/..', '', `${'a'.repeat(300)}.com`]) {
      const r = await send(port, { method: 'POST', path: '/forgot-password', headers: { Host: host } })
      expect(r.status, host).toBe(421)
      expect(r.body).not.toContain('|')
    }
    // Health checks answer on any host (load balancers use addresses).
    expect((await send(port, { path: '/healthz', headers: { Host: '10.1.2.3' } })).status).toBe(200)
  })

  it('drops X-Forwarded-Host unless a proxy is trusted', async () => {
    const direct = await app(false)
    const forged = await send(direct, { headers: { Host: 'market.example.com', 'X-Forwarded-Host': 'evil.example' } })
    expect(forged.body).toBe('market.example.com|')
    const proxied = await app(true)
    expect((await send(proxied, { headers: { Host: '10.0.0.5', 'X-Forwarded-Host': 'market.example.com' } })).status).toBe(200)
    expect((await send(proxied, { headers: { Host: 'market.example.com', 'X-Forwarded-Host': 'evil.example' } })).status).toBe(421)
  })
})

describe('body caps', () => {
  const LIMIT = 1024
  const app = () =>
    serve((a) => {
      a.post('/', async (req, res) => {
        let reached = 0
        const body = limitedBody(req, res, LIMIT, () => {})
        if (!body) return
        const reader = body.getReader()
        try {
          for (let r = await reader.read(); !r.done; r = await reader.read()) reached += r.value.byteLength
        } catch {
          return // the 413 was sent
        }
        res.send(`read ${reached}`)
      })
    })

  it('refuses a declared length over the cap without reading it', async () => {
    const port = await app()
    const r = await send(await port, { method: 'POST', headers: { 'Content-Length': String(10 * 1024 * 1024) }, chunks: [Buffer.alloc(10)] })
    expect(r.status).toBe(413)
    expect(r.body).toMatch(/too large/)
  })

  it('stops a chunked body as soon as it passes the cap, and lets one under it through', async () => {
    const port = await app()
    const big = await send(port, { method: 'POST', headers: { 'Transfer-Encoding': 'chunked' }, chunks: Array.from({ length: 4096 }, () => Buffer.alloc(1024, 97)) })
    expect(big.status).toBe(413)
    const small = await send(port, { method: 'POST', headers: { 'Transfer-Encoding': 'chunked' }, chunks: [Buffer.alloc(500), Buffer.alloc(500)] })
    expect(small).toMatchObject({ status: 200, body: 'read 1000' })
  })
})

describe('security headers', () => {
  it('send a CSP with a fresh nonce per response, and HSTS only over HTTPS in production', async () => {
    const port = await serve((a) => {
      a.set('trust proxy', 1)
      a.use(securityHeaders(true))
      a.get('/', (_req, res) => res.send(String(res.locals.cspNonce)))
    })
    const one = await send(port, {})
    const two = await send(port, {})
    const csp = String(one.headers['content-security-policy'])
    expect(csp).toContain(`'nonce-${one.body}'`)
    expect(String(two.headers['content-security-policy'])).toContain(`'nonce-${two.body}'`)
    expect(one.body).not.toBe(two.body)
    expect(csp).toMatch(/script-src 'self' 'nonce-[^']+'(;|$)/)
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/)
    for (const directive of ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'"]) expect(csp).toContain(directive)
    expect(one.headers).toMatchObject({ 'x-content-type-options': 'nosniff', 'x-frame-options': 'DENY', 'referrer-policy': 'same-origin' })
    expect(one.headers['strict-transport-security']).toBeUndefined()
    const https = await send(port, { headers: { 'X-Forwarded-Proto': 'https' } })
    expect(https.headers['strict-transport-security']).toMatch(/max-age=\d+/)
  })
})
