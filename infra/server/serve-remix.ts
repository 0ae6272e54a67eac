// Serves a built Remix app: security headers, the host check and body caps (http-guards.ts),
// static assets, then every other request through Remix with the client's IP (login throttling
// needs it) and the page's CSP nonce in the load context. Stops cleanly on SIGINT/SIGTERM.
// Usage: node infra/server/serve-remix.ts <app folder>   (PORT, HOST, WEB_CONCURRENCY from the
// environment; WEB_CONCURRENCY > 1 runs that many processes sharing the port, one per core).
import cluster from 'node:cluster'
import { createRequestHandler, writeReadableStreamToWritable, type ServerBuild } from '@remix-run/node'
import compression from 'compression'
import express, { type Request as ExpressRequest, type Response as ExpressResponse } from 'express'
import { readdirSync } from 'node:fs'
import { join, relative, resolve, sep } from 'node:path'
import { pathToFileURL } from 'node:url'
import { DEFAULT_BODY_LIMIT, hostCheck, limitedBody, refuseControlCharacters, securityHeaders, trustProxySetting, type AppServerHooks } from './http-guards.ts'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/** Where the card processor's pages are (Stripe's onboarding, or the local mock), when one is configured. */
function processorOrigins(env: NodeJS.ProcessEnv = process.env): string[] {
  if (!env.STRIPE_SECRET_KEY) return []
  return [env.STRIPE_API_BASE ? new URL(env.STRIPE_API_BASE).origin : 'https://connect.stripe.com']
}

export async function serveRemixApp(appDir: string, options: { port: number; host: string }) {
  // React and friends pick their production builds from NODE_ENV (several times faster).
  process.env.NODE_ENV ??= 'production'
  const production = (process.env.APP_ENV ?? 'production') === 'production'
  const build = (await import(pathToFileURL(join(appDir, 'build', 'server', 'index.js')).href)) as ServerBuild
  const hooks = build.entry.module as unknown as AppServerHooks
  // Refuse to start rather than serve with a configuration that cannot be trusted.
  const trustProxy = trustProxySetting(process.env.TRUST_PROXY)
  hooks.hostPolicy?.assertConfigured()

  const app = express()
  app.disable('x-powered-by')
  app.set('trust proxy', trustProxy)
  app.use(securityHeaders(production, hooks.imageOrigins?.() ?? [], processorOrigins(), !!process.env.STRIPE_PUBLISHABLE_KEY && !process.env.STRIPE_API_BASE))
  app.use(hostCheck(hooks.hostPolicy, trustProxy !== false))
  app.use(refuseControlCharacters)
  // Pages are rendered per request: compress them fast rather than small (gzip level 1 costs a
  // third of the default's CPU for a few percent more bytes).
  app.use(compression({ level: 1 }))
  // A state-changing request from another origin is refused before it reaches the app (the apps
  // check Origin too, and also refuse requests without one).
  app.use((req, res, next) => {
    const origin = req.headers.origin
    if (SAFE_METHODS.has(req.method) || !origin) return next()
    let originHost: string | undefined
    try {
      originHost = new URL(origin).host
    } catch {
      originHost = undefined
    }
    const host = (trustProxy !== false ? req.headers['x-forwarded-host'] : undefined) ?? req.headers.host
    if (originHost && originHost === host) return next()
    res.status(403).type('text/plain').send('Forbidden: cross-origin request')
  })
  app.use('/assets', express.static(join(appDir, 'build', 'client', 'assets'), { immutable: true, maxAge: '1y' }))
  // The other public files (favicon, robots.txt) are known at start: a page's address is not looked
  // up on disk first (a stat per request, measurable under load).
  const publicDir = join(appDir, 'build', 'client')
  const publicFiles = new Set(readdirSync(publicDir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => '/' + relative(publicDir, join(e.parentPath, e.name)).split(sep).join('/')))
  const servePublic = express.static(publicDir, { maxAge: '1h', index: false, redirect: false })
  app.use((req, res, next) => (publicFiles.has(req.path) ? servePublic(req, res, next) : next()))
  const handle = createRequestHandler(build, 'production')
  app.all('*', async (req, res, next) => {
    try {
      const request = remixRequest(req, res, hooks.bodyLimit?.(req.path, req.headers['content-type'] ?? '') ?? DEFAULT_BODY_LIMIT)
      if (!request) return
      const context = { clientIp: req.ip ?? req.socket.remoteAddress ?? 'unknown', cspNonce: res.locals.cspNonce as string }
      const response = hooks.aroundRequest ? await hooks.aroundRequest(() => handle(request, context)) : await handle(request, context)
      // A body over the limit is answered with 413 (once the client has sent it), not by the app.
      if (res.headersSent || res.locals.bodyTooLarge) return
      await sendResponse(res, response)
    } catch (error) {
      if (res.headersSent || res.locals.bodyTooLarge) return
      next(error)
    }
  })
  const server = app.listen(options.port, options.host)
  await new Promise<void>((done, fail) => {
    server.once('listening', done)
    server.once('error', fail)
  })
  let closing = false
  const shutdown = () => {
    if (closing) return
    closing = true
    server.close(() => process.exit(0))
    server.closeIdleConnections()
    // Streaming responses may hold a socket for a while: do not wait for them.
    setTimeout(() => {
      server.closeAllConnections()
      process.exit(0)
    }, 1500).unref()
  }
  process.on('SIGINT', shutdown)
  process.on('SIGTERM', shutdown)
  return server
}

/** Writes Remix's answer to the socket (as @remix-run/express does). */
async function sendResponse(res: ExpressResponse, response: Response) {
  res.statusMessage = response.statusText
  res.status(response.status)
  for (const [key, value] of response.headers.entries()) res.append(key, value)
  if (response.body) await writeReadableStreamToWritable(response.body, res)
  else res.end()
}

/**
 * The Fetch Request Remix handles (as @remix-run/express builds it), with a body that stops at
 * `limit` bytes. Null when the declared length was already over it (a 413 was sent).
 */
function remixRequest(req: ExpressRequest, res: ExpressResponse, limit: number): Request | null {
  const port = /:(\d+)$/.exec(req.get('host') ?? '')?.[1]
  const url = new URL(`${req.protocol}://${req.hostname}${port ? `:${port}` : ''}${req.originalUrl}`)
  const controller = new AbortController()
  const headers = new Headers()
  for (const [key, values] of Object.entries(req.headers)) {
    if (values === undefined) continue
    for (const value of Array.isArray(values) ? values : [values]) headers.append(key, value)
  }
  const init: RequestInit & { duplex?: 'half' } = { method: req.method, headers, signal: controller.signal }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    // An aborted signal also keeps the app's error log quiet about the cut-off body.
    const body = limitedBody(req, res, limit, () => controller.abort())
    if (!body) return null
    init.body = body
    init.duplex = 'half'
  }
  let finished = false
  res.on('finish', () => (finished = true))
  res.on('close', () => {
    if (!finished) controller.abort()
  })
  return new Request(url.href, init)
}

/** Runs `processes` copies of this server on one port (node:cluster); replaces one that dies. */
function runCluster(processes: number, label: string) {
  let stopping = false
  const started = new Map<number, number>()
  const fork = () => started.set(cluster.fork().id, Date.now())
  for (let i = 0; i < processes; i++) fork()
  let listening = 0
  cluster.on('listening', () => {
    if (++listening === processes) console.log(`${label} (${processes} processes)`)
  })
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (!Object.keys(cluster.workers ?? {}).length) process.exit(0)
      return
    }
    // A process that dies right after starting would only die again: stop instead of looping.
    if (Date.now() - (started.get(worker.id) ?? 0) < 5000) {
      console.error(`[serve] a server process exited during startup (${signal ?? code}); stopping`)
      process.exit(1)
    }
    console.error(`[serve] a server process exited (${signal ?? code}); starting another`)
    fork()
  })
  const stop = () => {
    if (stopping) return
    stopping = true
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM')
    setTimeout(() => process.exit(0), 3000).unref()
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const appDir = resolve(process.argv[2] ?? '.')
  const port = Number(process.env.PORT ?? 3000)
  const host = process.env.HOST ?? '127.0.0.1'
  const processes = Math.max(1, Math.floor(Number(process.env.WEB_CONCURRENCY ?? 1)) || 1)
  const label = `[serve] ${appDir} on http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`
  if (processes > 1 && cluster.isPrimary) runCluster(processes, label)
  else {
    try {
      await serveRemixApp(appDir, { port, host })
    } catch (error) {
      console.error(`[serve] ${appDir} did not start: ${error instanceof Error ? error.message : String(error)}`)
      process.exit(1)
    }
    if (cluster.isPrimary) console.log(label)
  }
}
