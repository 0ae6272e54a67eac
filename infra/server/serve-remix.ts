// Serves a built Remix app: static assets, then every other request through Remix with the
// client's IP in the load context (login throttling needs it). Stops cleanly on SIGINT/SIGTERM.
// Usage: node infra/server/serve-remix.ts <app folder>   (PORT, HOST from the environment)
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
  app.use(compression())
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

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const appDir = resolve(process.argv[2] ?? '.')
  const port = Number(process.env.PORT ?? 3000)
  const host = process.env.HOST ?? '127.0.0.1'
  await serveRemixApp(appDir, { port, host })
  console.log(`[serve] ${appDir} on http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`)
}
