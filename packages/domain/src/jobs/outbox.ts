import type { EntityManager } from '@mikro-orm/postgresql'
import { fromKysely, PgBoss, type SendOptions } from 'pg-boss'

/** Every queue the worker serves; created at boot (idempotent). */
export const QUEUES = {
  emailDeliver: 'email-deliver',
  searchIndex: 'search-index',
  importRun: 'import-run',
  passwordReset: 'password-reset',
  storefrontHostVerify: 'storefront-host-verify',
  orderNotify: 'order-notify',
  paymentTransfer: 'payment-transfer',
  paymentRefund: 'payment-refund',
  /** The processor's fee on a paid charge, into the ledger. */
  paymentFee: 'payment-fee',
  /** Scheduled: unpaid card checkouts past their window. */
  paymentExpire: 'payment-expire',
  /** Scheduled: the ledger's card payments and transfers against what the processor reports. */
  paymentReconcile: 'payment-reconcile',
} as const
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES]

/**
 * Follow-up work (emails, indexing, webhooks, transfers) is enqueued in the transaction of the
 * domain write that causes it: it commits or rolls back with it (the outbox).
 */
export interface JobQueue {
  send(em: EntityManager, queue: QueueName, data: object, options?: SendOptions): Promise<void>
}

export function pgBossJobQueue(boss: PgBoss): JobQueue {
  return {
    async send(em, queue, data, options = {}) {
      const trx = em.getTransactionContext()
      if (!trx) throw new Error(`job ${queue} must be enqueued inside a transaction`)
      await boss.send(queue, data, { ...options, db: fromKysely(trx as never) })
    },
  }
}

/** A pg-boss instance for enqueueing from an app or a script: no maintenance, no cron. */
export async function startJobQueue(databaseUrl: string, options: { supervise?: boolean; schedule?: boolean; superviseSeconds?: number } = {}): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: databaseUrl,
    supervise: options.supervise ?? false,
    schedule: options.schedule ?? false,
    ...(options.superviseSeconds ? { superviseIntervalSeconds: options.superviseSeconds, monitorIntervalSeconds: options.superviseSeconds } : {}),
    max: 4,
    application_name: 'tradepost',
  })
  boss.on('error', (error: Error & { code?: string }) => {
    // 57P01: the server is shutting down (Ctrl-C reaches PostgreSQL too); nothing to report.
    if (error.code === '57P01') return
    console.error(`[jobs] ${error.message}`)
  })
  await boss.start()
  return boss
}

/**
 * Money moves through these: a worker that dies holding one stops its heartbeat, and the job is
 * retried soon by another (the processor's idempotency key makes the retry send nothing twice).
 */
const HEARTBEAT_QUEUES: readonly QueueName[] = [QUEUES.paymentTransfer, QUEUES.paymentRefund, QUEUES.paymentFee]

export async function createQueues(boss: PgBoss): Promise<void> {
  for (const name of Object.values(QUEUES)) {
    await boss.createQueue(name, { retryLimit: 8, retryDelay: 5, retryBackoff: true, ...(HEARTBEAT_QUEUES.includes(name) ? { heartbeatSeconds: 10 } : {}) })
  }
}
