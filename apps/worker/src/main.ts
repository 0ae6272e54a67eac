// The background process: delivers the outbox's jobs through pg-boss. Stops cleanly on
// SIGINT/SIGTERM (finishing the job in hand).
import { createServer } from 'node:http'
import { createOrm } from '@tradepost/domain/db'
import { buildSearchDocuments } from '@tradepost/domain/catalog'
import { deliverEmail } from '@tradepost/domain/email'
import { createSearchIndex } from '@tradepost/search'
import { restoreCtx, type SerializedCtx } from '@tradepost/domain/ctx'
import { runImport } from '@tradepost/domain/imports'
import { createQueues, pgBossJobQueue, QUEUES, startJobQueue } from '@tradepost/domain/jobs'
import { sendPasswordReset, sessionStore, sweepThrottles, type PasswordResetJob } from '@tradepost/domain/users'
import { verifyStorefrontHost } from '@tradepost/domain/organizations'
import { Resolver } from 'node:dns/promises'
import { ANONYMOUS } from '@tradepost/domain/authz'
import { createCtx } from '@tradepost/domain/ctx'
import { notifyOrderEvent, type OrderEvent } from '@tradepost/domain/orders'
import { appUrl } from '@tradepost/auth/app-urls'
import { smtpTransport } from './smtp-transport.ts'

const url = process.env.DATABASE_URL
if (!url) throw new Error('DATABASE_URL is not set')

const orm = await createOrm(url, { pool: { min: 0, max: 4 } })
const boss = await startJobQueue(url, { supervise: true })
await createQueues(boss)
const jobs = pgBossJobQueue(boss)
const transport = process.env.SMTP_URL ? smtpTransport(process.env.SMTP_URL) : null

await boss.work<{ emailId: string }>(QUEUES.emailDeliver, { batchSize: 5, pollingIntervalSeconds: 1 }, async (jobs) => {
  for (const job of jobs) await deliverEmail(orm.em.fork(), job.data.emailId, transport)
})

// Search indexing: documents are rebuilt from the database, so a job run twice does no harm.
const searchIndex = createSearchIndex()
await searchIndex.setup()
await boss.work<{ productIds: string[] }>(QUEUES.searchIndex, { batchSize: 20, pollingIntervalSeconds: 1 }, async (jobs) => {
  const { documents, removed } = await buildSearchDocuments(orm.em.fork(), jobs.flatMap((j) => j.data.productIds))
  await searchIndex.upsert(documents)
  await searchIndex.remove(removed)
})

// Imports: one job per uploaded file, run with the uploader's (current) rights.
await boss.work<{ importId: string; ctx: SerializedCtx }>(QUEUES.importRun, { batchSize: 1, pollingIntervalSeconds: 1 }, async ([job]) => {
  const ctx = await restoreCtx(job!.data.ctx, { em: orm.em.fork(), jobs })
  await runImport(ctx, job!.data.importId)
})

// Password reset requests: the account is looked up here, so the request itself takes the same
// time whether or not it exists.
await boss.work<PasswordResetJob>(QUEUES.passwordReset, { batchSize: 5, pollingIntervalSeconds: 1 }, async (batch) => {
  for (const job of batch) await sendPasswordReset(createCtx({ actor: ANONYMOUS, em: orm.em.fork(), jobs }), job.data)
})

// Storefront host names: proved by a TXT record (DNS_SERVERS, comma-separated, picks the resolvers).
const resolver = new Resolver({ timeout: 5000, tries: 2 })
if (process.env.DNS_SERVERS) resolver.setServers(process.env.DNS_SERVERS.split(',').map((s) => s.trim()).filter(Boolean))
await boss.work<{ storefrontId: string }>(QUEUES.storefrontHostVerify, { batchSize: 5, pollingIntervalSeconds: 1 }, async (batch) => {
  for (const job of batch) await verifyStorefrontHost(createCtx({ actor: ANONYMOUS, em: orm.em.fork(), jobs }), resolver, job.data.storefrontId)
})

// Order events: the emails of each, to the people concerned, with links to the apps' public URLs.
const links = { market: appUrl('marketplace'), portal: appUrl('portal') }
await boss.work<OrderEvent>(QUEUES.orderNotify, { batchSize: 5, pollingIntervalSeconds: 1 }, async (batch) => {
  for (const job of batch) {
    await orm.em.fork().transactional((em) => notifyOrderEvent(createCtx({ actor: ANONYMOUS, em, jobs }), job.data, links))
  }
})

const sweep = setInterval(() => {
  void sessionStore.deleteExpired(orm.em.fork()).catch((e) => console.error('[worker] session sweep', e))
  void sweepThrottles(orm.em.fork()).catch((e) => console.error('[worker] throttle sweep', e))
}, 60 * 60_000)
sweep.unref()

const port = Number(process.env.WORKER_PORT ?? 3002)
const health = createServer((req, res) => {
  res.writeHead(req.url === '/healthz' ? 200 : 404, { 'Content-Type': 'text/plain' }).end(req.url === '/healthz' ? 'ok' : 'not found')
}).listen(port, '127.0.0.1')
console.log(`[worker] delivering emails via ${transport ? 'SMTP' : 'the dev mailbox (no SMTP_URL)'}; health on :${port}`)

let stopping = false
async function stop() {
  if (stopping) return
  stopping = true
  health.close()
  await boss.stop({ graceful: true, timeout: 5000 }).catch(() => {})
  await searchIndex.close().catch(() => {})
  await orm.close().catch(() => {})
  process.exit(0)
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
