// Serves a built Remix app: static assets, then every other request through Remix with the
// client's IP in the load context (login throttling needs it). Stops cleanly on SIGINT/SIGTERM.
// Usage: node infra/server/serve-remix.ts <app folder>   (PORT, HOST, WEB_CONCURRENCY from the
// environment; WEB_CONCURRENCY > 1 runs that many processes sharing the port, one per core).
import cluster from 'node:cluster'
import { createRequestHandler } from '@remix-run/express'
import type { ServerBuild } from '@remix-run/node'
import compression from 'compression'
import express from 'express'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

export async function serveRemixApp(appDir: string, options: { port: number; host: string }) {
  // React and friends pick their production builds from NODE_ENV (several times faster).
  process.env.NODE_ENV ??= 'production'
  const build = (await import(pathToFileURL(join(appDir, 'build', 'server', 'index.js')).href)) as ServerBuild
  const app = express()
  app.disable('x-powered-by')
  if (process.env.TRUST_PROXY === 'true') app.set('trust proxy', true)
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
    const host = process.env.TRUST_PROXY === 'true' ? (req.headers['x-forwarded-host'] ?? req.headers.host) : req.headers.host
    if (originHost && originHost === host) return next()
    res.status(403).type('text/plain').send('Forbidden: cross-origin request')
  })
  app.use('/assets', express.static(join(appDir, 'build', 'client', 'assets'), { immutable: true, maxAge: '1y' }))
  app.use(express.static(join(appDir, 'build', 'client'), { maxAge: '1h' }))
  app.all(
    '*',
    createRequestHandler({
      build,
      mode: 'production',
      getLoadContext: (req) => ({ clientIp: req.ip ?? req.socket.remoteAddress ?? 'unknown' }),
    }),
  )
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
    await serveRemixApp(appDir, { port, host })
    if (cluster.isPrimary) console.log(label)
  }
}
