// Killing the worker (SIGKILL) while card transfers are queued and one is in flight at the
// processor: a second worker finishes them, and the processor holds exactly one transfer per
// share (the retried call carries the same idempotency key). Runs the real worker process
// against a real PostgreSQL and the local Stripe.
import { spawn, type ChildProcess } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkoutPayments, myPaymentAccount, payWithTestCard, PaymentTransfer } from '@tradepost/domain/payments'
import { paymentsWorld } from '@tradepost/domain/testing/payments-world'
import { useTestDatabase } from '@tradepost/domain/testing/test-database'
import { startMockStripe, type MockStripe } from '@tradepost/payments/mock'
import { stripeGateway, type PaymentGateway } from '@tradepost/payments'

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..')
const db = useTestDatabase()
const secret = 'whsec_worker_kill'
let mock: MockStripe
let gateway: PaymentGateway
const workers: ChildProcess[] = []

beforeAll(async () => {
  mock = await startMockStripe({ webhookSecret: secret, transferDelayMs: 250 })
  gateway = stripeGateway({ secretKey: 'sk_test_worker', webhookSecret: secret, apiBase: mock.url })
})
afterAll(async () => {
  for (const w of workers) w.kill('SIGKILL')
  await mock?.close()
})

/** A worker process; its health check listens on any free port (a port picked here could be taken). */
function startWorker(): ChildProcess {
  const child = spawn(process.execPath, ['apps/worker/src/main.ts'], {
    cwd: root,
    stdio: process.env.WORKER_KILL_DEBUG ? 'inherit' : 'ignore',
    env: { ...process.env, APP_ENV: 'test', MARKETPLACE_URL: 'http://127.0.0.1:1', SELLER_PORTAL_URL: 'http://127.0.0.1:2', DATABASE_URL: db().url, STRIPE_SECRET_KEY: 'sk_test_worker', STRIPE_WEBHOOK_SECRET: secret, STRIPE_API_BASE: mock.url, JOBS_SUPERVISE_SECONDS: '1', WORKER_PORT: '0' },
  })
  workers.push(child)
  return child
}

const statuses = async () => {
  const rows = await db().orm.em.fork().find(PaymentTransfer, {})
  return { sent: rows.filter((r) => r.status === 'sent').length, total: rows.length, rows }
}

async function until(check: () => Promise<boolean>, timeoutMs: number, worker: ChildProcess) {
  const end = Date.now() + timeoutMs
  while (Date.now() < end) {
    if (await check()) return
    if (worker.exitCode !== null) throw new Error(`the worker exited (${worker.exitCode})`)
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error('timed out')
}

describe('the worker, killed mid-transfer', () => {
  it('loses no transfer and sends none twice', { timeout: 120_000 }, async () => {
    const { ctxOf, world, onboard, buyByCard } = paymentsWorld(db, () => gateway)
    const w = await world({ stock: 1_000 })
    await onboard(w.maker.admin.actor)
    await onboard(w.distributor.admin.actor)
    // No webhooks here: the accounts' state is read back from the processor (as the portal does on return).
    for (const admin of [w.maker.admin, w.distributor.admin]) expect((await myPaymentAccount(ctxOf(admin.actor), { refresh: true })).account?.transfers).toBe('active')
    const checkouts = 8
    for (let i = 0; i < checkouts; i++) {
      const placed = await buyByCard(w, { maker: 1, distributor: 1 })
      const [payment] = await checkoutPayments(ctxOf(w.buyer.members.buyer!.actor), placed.checkoutId)
      const paid = await payWithTestCard(ctxOf(w.buyer.members.buyer!.actor), payment!.id, 'pm_card_visa')
      expect(paid.ok).toBe(true)
    }
    expect((await statuses()).total).toBe(checkouts * 3)

    const first = startWorker()
    // Killed while a transfer is in flight at the processor: it is made there, never recorded here.
    await until(async () => (await statuses()).sent >= 3 && mock.transfersInFlight() > 0, 60_000, first)
    first.kill('SIGKILL')
    await new Promise((r) => first.once('exit', r))
    const atKill = (await statuses()).sent
    expect(atKill).toBeLessThan(checkouts * 3)
    await new Promise((r) => setTimeout(r, 400))
    const madeAtKill = mock.events().filter((e) => e.type === 'transfer.created').length
    console.log(`[worker kill] killed with ${atKill} of ${checkouts * 3} transfers recorded, ${madeAtKill} made at the processor`)
    expect(madeAtKill).toBeGreaterThan(atKill)

    const second = startWorker()
    await until(async () => (await statuses()).sent === checkouts * 3, 90_000, second)

    const { rows } = await statuses()
    const remote = (await Promise.all([...new Set(rows.map((r) => r.paymentId))].map(async (paymentId) => {
      const [p] = await db().orm.em.fork().execute<{ checkout_id: string }[]>('select checkout_id from payment where id = ?', [paymentId])
      return gateway.listTransfers(`checkout_${p!.checkout_id}`)
    }))).flat()
    // Exactly one transfer at the processor per share, each the one we recorded.
    expect(remote).toHaveLength(checkouts * 3)
    expect(new Set(remote.map((t) => t.id))).toEqual(new Set(rows.map((r) => r.providerTransferId)))
    expect(new Set(remote.map((t) => t.metadata.transfer_id)).size).toBe(checkouts * 3)
  })
})
