// What the app server checks before a request reaches Remix: which proxies to believe, which
// Host it answers, how large a body may be, and the security headers of every response.
import { randomBytes } from 'node:crypto'
import type { NextFunction, Request as ExpressRequest, Response as ExpressResponse } from 'express'

/** What an app's server entry may export to shape these checks (see entry.server.tsx). */
export interface AppServerHooks {
  hostPolicy?: {
    /** Throws when the app must not start (production without its configured URL). */
    assertConfigured(): void
    allows(hostname: string): Promise<boolean>
  }
  /** The largest body, in bytes, a request to this path with this content type may send. */
  bodyLimit?: (pathname: string, contentType: string) => number
  /** Other origins the app's pages load images from (the portal shows storefront images the marketplace serves). */
  imageOrigins?: () => string[]
  /** Runs around each request Remix handles (a scope where its loaders share who is asking). */
  aroundRequest?: <T>(run: () => Promise<T>) => Promise<T>
}

/** Form posts of every page fit in this; uploads get their own cap from the app. */
export const DEFAULT_BODY_LIMIT = 256 * 1024

/**
 * TRUST_PROXY: the number of proxies in front of the app (`1`), or their addresses or subnets
 * (`10.0.0.1, 10.0.0.0/8`, or express's names `loopback`, `uniquelocal`). The client IP is then
 * the entry of X-Forwarded-For that the nearest untrusted hop added; anything the client wrote
 * to the left of it is ignored. `true` (trust every hop) is refused: any client could then
 * choose its own address.
 */
export function trustProxySetting(value: string | undefined): false | number | string[] {
  const v = value?.trim() ?? ''
  if (!v || v === 'false' || v === '0') return false
  if (v === 'true' || v === '*') {
    throw new Error('TRUST_PROXY=true would believe X-Forwarded-For from anyone. Set the number of proxies in front of the app (e.g. TRUST_PROXY=1) or their addresses (TRUST_PROXY=10.0.0.1,10.0.0.2).')
  }
  if (/^\d+$/.test(v)) return Number(v)
  const list = v.split(',').map((s) => s.trim()).filter(Boolean)
  for (const entry of list) {
    if (!/^(loopback|linklocal|uniquelocal|[0-9a-fA-F:.]+(\/\d{1,3})?)$/.test(entry)) throw new Error(`TRUST_PROXY: ${JSON.stringify(entry)} is neither a hop count nor an address or subnet`)
  }
  return list
}

const HOSTNAME = /^[a-z0-9]([a-z0-9-]{0,62}\.)*[a-z0-9-]{1,63}$|^\[[0-9a-f:.]+\]$/

/**
 * Answers 421 to a request for a host this app does not serve, before anything runs: a forged
 * Host can then neither reach a page nor shape a link. Health checks answer on any host.
 */
export function hostCheck(policy: AppServerHooks['hostPolicy'], trustProxy: boolean) {
  return async (req: ExpressRequest, res: ExpressResponse, next: NextFunction) => {
    // Without a trusted proxy, X-Forwarded-Host is the client's word: drop it.
    if (!trustProxy) delete req.headers['x-forwarded-host']
    if (!policy || req.path === '/healthz' || req.path === '/readyz') return next()
    const hostname = (req.hostname ?? '').toLowerCase()
    try {
      if (hostname.length <= 253 && HOSTNAME.test(hostname) && (await policy.allows(hostname))) return next()
    } catch (error) {
      return next(error)
    }
    res.status(421).type('text/plain').send('Misdirected request: this server does not serve that host name.')
  }
}

export class BodyTooLarge extends Error {
  override name = 'BodyTooLarge'
  readonly limit: number
  constructor(limit: number) {
    super(`request body larger than ${limit} bytes`)
    this.limit = limit
  }
}

const tooLarge = (res: ExpressResponse, limit: number) => {
  res.status(413).type('text/plain').send(`Request body too large: at most ${Math.floor(limit / 1024)} KB here.`)
}

/**
 * Refuses a body over the limit: one whose declared length is over it is never handed to the
 * app, and a chunked (or understated) one is cut off for the app as soon as it passes it. The
 * 413 is sent once the client has finished sending (what it still sends is read and dropped, at
 * most for a couple of seconds): Node closes a connection whose request was not read to the end,
 * and a close with unread data resets it, so the client would lose the answer. Returns the body
 * to hand to the app, or null when the request is refused already.
 */
export function limitedBody(req: ExpressRequest, res: ExpressResponse, limit: number, onExceeded: () => void): ReadableStream<Uint8Array> | null {
  const refuse = () => {
    res.locals.bodyTooLarge = true
    const answer = () => {
      if (!res.headersSent) tooLarge(res, limit)
    }
    req.once('end', answer)
    setTimeout(answer, 2000).unref()
    discardRest(req, 3000)
  }
  const declared = Number(req.headers['content-length'])
  if (Number.isFinite(declared) && declared > limit) {
    refuse()
    return null
  }
  // The app answered without reading all of it (a redirect to sign in): drain the rest, as Node
  // does for bodies nobody listens to, so that the client gets the answer.
  res.once('finish', () => {
    if (!req.complete) discardRest(req, 5000)
  })
  let seen = 0
  return new ReadableStream<Uint8Array>({
    start(controller) {
      req.on('data', (chunk: Buffer) => {
        seen += chunk.byteLength
        if (seen > limit) {
          onExceeded()
          refuse()
          controller.error(new BodyTooLarge(limit))
          return
        }
        controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength))
        if ((controller.desiredSize ?? 1) <= 0) req.pause()
      })
      req.once('end', () => {
        if (seen <= limit) controller.close()
      })
      req.once('error', (error) => controller.error(error))
      req.pause()
    },
    pull() {
      req.resume()
    },
    cancel() {
      discardRest(req, 5000)
    },
  })
}

/** Reads and drops what the client still sends; cuts the connection if it has not finished within `ms`. */
function discardRest(req: ExpressRequest, ms: number) {
  req.removeAllListeners('data')
  req.on('data', () => {})
  req.resume()
  setTimeout(() => {
    if (!req.complete) req.destroy()
  }, ms).unref()
}

/**
 * Headers of every response: a Content-Security-Policy whose scripts must carry this request's
 * nonce (Remix's inline scripts get it), no framing, no sniffing, and HSTS over HTTPS in production.
 */
export function securityHeaders(production: boolean, imageOrigins: string[] = [], formOrigins: string[] = [], stripeJs = false) {
  const images = ["'self'", 'data:', ...imageOrigins].join(' ')
  const forms = ["'self'", ...formOrigins].join(' ')
  // Stripe.js (live card payments) loads from, frames and calls Stripe's own hosts.
  const stripe = stripeJs ? { script: ' https://js.stripe.com', connect: ' https://api.stripe.com', frames: ['frame-src https://js.stripe.com https://hooks.stripe.com'] } : { script: '', connect: '', frames: [] }
  return (req: ExpressRequest, res: ExpressResponse, next: NextFunction) => {
    const nonce = randomBytes(16).toString('base64')
    res.locals.cspNonce = nonce
    res.setHeader(
      'Content-Security-Policy',
      [
        "default-src 'self'",
        `script-src 'self' 'nonce-${nonce}'${stripe.script}`,
        // Storefront colours are set as style attributes.
        "style-src 'self' 'unsafe-inline'",
        `img-src ${images}`,
        "font-src 'self'",
        `connect-src 'self'${stripe.connect}`,
        ...stripe.frames,
        // A form may lead to the card processor's onboarding (its redirect counts as the form's target).
        `form-action ${forms}`,
        "frame-ancestors 'none'",
        "object-src 'none'",
        "base-uri 'self'",
      ].join('; '),
    )
    res.setHeader('X-Content-Type-Options', 'nosniff')
    res.setHeader('X-Frame-Options', 'DENY')
    res.setHeader('Referrer-Policy', 'same-origin')
    if (production && req.secure) res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains')
    next()
  }
}

/**
 * A URL whose path or query decodes to a NUL or another control character is nobody's page
 * (and a NUL cannot even be looked up in PostgreSQL): 400, before anything runs.
 */
export function refuseControlCharacters(req: ExpressRequest, res: ExpressResponse, next: NextFunction) {
  let decoded: string
  try {
    decoded = decodeURIComponent(req.originalUrl.replaceAll('+', ' '))
  } catch {
    return void res.status(400).type('text/plain').send('Bad request: the address is not valid UTF-8.')
  }
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(decoded)) return void res.status(400).type('text/plain').send('Bad request: the address holds control characters.')
  next()
}
