// `npm start`: build both apps, start PostgreSQL (embedded unless DATABASE_URL), migrate, seed
// the demo world, then serve the marketplace, the seller portal and the worker until Ctrl-C.
import { join } from 'node:path'
import { prepareDatabase } from '@tradepost/domain/db/prepare'
import { createOrm } from '@tradepost/domain/db'
import { startEmbeddedPostgres, type RunningPostgres } from '@tradepost/infra/postgres'
import { createSearchIndex, reindexAll } from '@tradepost/search'
import { createFileStorage } from '@tradepost/infra/storage'
import { DEMO_LOGINS, DEMO_PASSWORD, seedDemo } from '@tradepost/seeds/demo'
import { fail, log, pnpm, root, startService, stopServices, waitForHttp, type Service } from './lib.ts'

const started = Date.now()
const marketplacePort = Number(process.env.MARKETPLACE_PORT ?? 3000)
const portalPort = Number(process.env.PORTAL_PORT ?? 3001)
const workerPort = Number(process.env.WORKER_PORT ?? 3002)
const host = process.env.HOST ?? '127.0.0.1'

log('building the apps')
if (pnpm(['exec', 'turbo', 'run', 'build', '--output-logs=errors-only']) !== 0) fail('the build failed (see above)')

let postgres: RunningPostgres | undefined
let databaseUrl = process.env.DATABASE_URL
if (databaseUrl) {
  log('using the PostgreSQL server in DATABASE_URL')
} else {
  postgres = await startEmbeddedPostgres({ dataDir: join(root, '.tradepost', 'postgres'), log })
  databaseUrl = await postgres.ensureDatabase('tradepost')
  log(`embedded PostgreSQL on port ${postgres.port} (data in ${postgres.dataDir})`)
}

const services: Service[] = []
let stopping = false
async function shutdown(signal: NodeJS.Signals) {
  if (stopping) return
  stopping = true
  log('stopping…')
  await stopServices(services, signal === 'SIGINT' ? 'SIGINT' : 'SIGTERM')
  await postgres?.stop()
  log('stopped')
  process.exit(0)
}
process.on('SIGINT', () => void shutdown('SIGINT'))
process.on('SIGTERM', () => void shutdown('SIGTERM'))

try {
  const { applied } = await prepareDatabase(databaseUrl)
  if (applied.length) log(`applied ${applied.length} migration(s)`)
  const orm = await createOrm(databaseUrl, { pool: { min: 0, max: 2 } })
  const seeded = await seedDemo(orm.em.fork(), { storage: createFileStorage({ ...process.env, UPLOAD_DIR: process.env.UPLOAD_DIR ?? join(root, '.tradepost/uploads') }) })
  const searchIndex = createSearchIndex({ ...process.env, DATABASE_URL: databaseUrl })
  const indexed = await reindexAll(orm.em, searchIndex)
  await searchIndex.close()
  await orm.close()
  log(`search index: ${indexed} products`)
  log(seeded.organizations || seeded.users ? `seeded the demo world (${seeded.organizations} organizations, ${seeded.users} users)` : 'demo world already present')
} catch (error) {
  await postgres?.stop()
  fail(`could not prepare the database: ${error instanceof Error ? error.message : String(error)}`)
}

// Each app's public URL (the base of emailed links, the host it answers): these addresses unless set.
const env = {
  DATABASE_URL: databaseUrl,
  HOST: host,
  APP_ENV: process.env.APP_ENV ?? 'development',
  MARKETPLACE_URL: process.env.MARKETPLACE_URL ?? `http://localhost:${marketplacePort}`,
  SELLER_PORTAL_URL: process.env.SELLER_PORTAL_URL ?? `http://localhost:${portalPort}`,
} as Record<string, string>
// Card payments: Stripe when STRIPE_SECRET_KEY is set; otherwise a local Stripe (test mode) unless
// STRIPE_MOCK=0, so the card flow works out of the box. Its connected accounts survive restarts.
const stripeMockPort = Number(process.env.STRIPE_MOCK_PORT ?? 12111)
const stripeMock = !process.env.STRIPE_SECRET_KEY && process.env.STRIPE_MOCK !== '0'
if (stripeMock) {
  const secret = 'whsec_local_mock'
  services.push(
    startService('stripe-mock', ['packages/payments/src/mock/main.ts'], {
      STRIPE_MOCK_PORT: String(stripeMockPort),
      STRIPE_MOCK_WEBHOOK_URL: `${env.MARKETPLACE_URL}/webhooks/stripe`,
      STRIPE_WEBHOOK_SECRET: secret,
      STRIPE_MOCK_STATE: join(root, '.tradepost', 'stripe-mock.json'),
    }),
  )
  Object.assign(env, { STRIPE_SECRET_KEY: 'sk_test_local_mock', STRIPE_WEBHOOK_SECRET: secret, STRIPE_API_BASE: `http://127.0.0.1:${stripeMockPort}` })
}
services.push(startService('worker', ['apps/worker/src/main.ts'], { ...env, WORKER_PORT: String(workerPort) }))
services.push(startService('marketplace', ['infra/server/serve-remix.ts', 'apps/marketplace'], { ...env, PORT: String(marketplacePort) }))
services.push(startService('seller-portal', ['infra/server/serve-remix.ts', 'apps/seller-portal'], { ...env, PORT: String(portalPort) }))
for (const s of services) {
  s.child.once('exit', (code) => {
    if (!stopping) {
      log(`${s.name} exited (${code}); stopping everything`)
      void shutdown('SIGTERM')
    }
  })
}

try {
  await Promise.all([waitForHttp(`http://${host}:${marketplacePort}/healthz`), waitForHttp(`http://${host}:${portalPort}/healthz`)])
} catch (error) {
  log(String(error))
  await shutdown('SIGTERM')
}

const pad = (s: string, n: number) => s.padEnd(n)
log(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s`)
console.log(`
  Marketplace     http://localhost:${marketplacePort}
  Seller portal   http://localhost:${portalPort}   (dev mailbox: http://localhost:${portalPort}/dev/mailbox)
  Card payments   ${process.env.STRIPE_SECRET_KEY ? 'Stripe (STRIPE_SECRET_KEY)' : stripeMock ? `a local Stripe in test mode on http://127.0.0.1:${stripeMockPort} (STRIPE_MOCK=0 turns it off)` : 'off'}

  Demo logins (password for all: ${DEMO_PASSWORD})
${DEMO_LOGINS.map(([who, email, where]) => `    ${pad(who, 38)} ${pad(email, 44)} ${where}`).join('\n')}

  Ctrl-C stops everything.
`)
