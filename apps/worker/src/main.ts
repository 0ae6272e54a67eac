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
import { cancelUnpaidOrder } from '@tradepost/domain/orders'
import { expireUnpaidPayments, reconcilePayments, recordProcessorFee, sendRefund, sendTransfer } from '@tradepost/domain/payments'
import { createPaymentGateway } from '@tradepost/payments'
import { smtpTransport } from './smtp-transport.ts'

const url = process.env.DATABASE_URL
if (!url) throw new Error('DATABASE_URL is not set')

const orm = await createOrm(url, { pool: { min: 0, max: 4 } })
// JOBS_SUPERVISE_SECONDS: how often stuck jobs are looked for (a worker killed mid-job); pg-boss's minute by default.
const boss = await startJobQueue(url, { supervise: true, schedule: true, superviseSeconds: Number(process.env.JOBS_SUPERVISE_SECONDS ?? 0) || undefined })
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

// Card payments (when a processor is configured): each share's transfer, each refund and each
// charge's processor fee is a job of its own, retried on failure; unpaid card checkouts expire every minute; the ledger is
// reconciled with the processor every night.
const payments = createPaymentGateway()
const paymentCtx = () => createCtx({ actor: ANONYMOUS, em: orm.em.fork(), jobs, payments })
if (payments) {
  await boss.work<{ transferId: string }>(QUEUES.paymentTransfer, { batchSize: 1, pollingIntervalSeconds: 1 }, async ([job]) => {
    await sendTransfer(paymentCtx(), job!.data.transferId)
  })
  await boss.work<{ refundId: string }>(QUEUES.paymentRefund, { batchSize: 1, pollingIntervalSeconds: 1 }, async ([job]) => {
    await sendRefund(paymentCtx(), job!.data.refundId)
  })
  await boss.work<{ paymentId: string }>(QUEUES.paymentFee, { batchSize: 1, pollingIntervalSeconds: 1 }, async ([job]) => {
    await recordProcessorFee(paymentCtx(), job!.data.paymentId)
  })
  await boss.work(QUEUES.paymentExpire, { batchSize: 1, pollingIntervalSeconds: 5 }, async () => {
    await expireUnpaidPayments(paymentCtx(), cancelUnpaidOrder)
  })
  await boss.work(QUEUES.paymentReconcile, { batchSize: 1, pollingIntervalSeconds: 30 }, async () => {
    const r = await reconcilePayments(paymentCtx())
    if (r.mismatches.length) console.error(`[worker] reconciliation: ${r.mismatches.length} difference(s) with the processor (see the operator's audit log)`)
  })
  await boss.schedule(QUEUES.paymentExpire, '* * * * *')
  await boss.schedule(QUEUES.paymentReconcile, '17 3 * * *')
}

const sweep = setInterval(() => {
  void sessionStore.deleteExpired(orm.em.fork()).catch((e) => console.error('[worker] session sweep', e))
  void sweepThrottles(orm.em.fork()).catch((e) => console.error('[worker] throttle sweep', e))
}, 60 * 60_000)
sweep.unref()

// WORKER_PORT=0 takes any free port (the tests' workers do).
const port = Number(process.env.WORKER_PORT ?? 3002)
const health = createServer((req, res) => {
  res.writeHead(req.url === '/healthz' ? 200 : 404, { 'Content-Type': 'text/plain' }).end(req.url === '/healthz' ? 'ok' : 'not found')
})
await new Promise<void>((resolve) => health.listen(port, '127.0.0.1', resolve))
const listening = (health.address() as { port: number }).port
console.log(`[worker] delivering emails via ${transport ? 'SMTP' : 'the dev mailbox (no SMTP_URL)'}; card payments ${payments ? `on (${payments.mode})` : 'off (no STRIPE_SECRET_KEY)'}; health on :${listening}`)

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
