import type { PgBoss } from 'pg-boss'
import { createOrm, type MikroORM } from '@tradepost/domain/db'
import { pgBossJobQueue, startJobQueue, type JobQueue } from '@tradepost/domain/jobs'
import { createSearchIndex, type SearchIndex } from '@tradepost/search'
import { createFileStorage, type FileStorage } from '@tradepost/infra/storage'
import { createPaymentGateway, type PaymentGateway } from '@tradepost/payments'

export interface Services {
  orm: MikroORM
  boss: PgBoss
  jobs: JobQueue
  search: SearchIndex
  /** Uploaded files: local disk (UPLOAD_DIR) by default. */
  storage: FileStorage
  /** The card processor when STRIPE_SECRET_KEY is set (Stripe, or the local mock), else null. */
  payments: PaymentGateway | null
}

declare global {
  var __tradepostServices: Promise<Services> | undefined
}

/** The process's database and job queue, created on first use (cached across dev reloads). */
export function getServices(): Promise<Services> {
  globalThis.__tradepostServices ??= (async () => {
    const url = process.env.DATABASE_URL
    if (!url) throw new Error('DATABASE_URL is not set')
    const orm = await createOrm(url)
    const boss = await startJobQueue(url)
    return { orm, boss, jobs: pgBossJobQueue(boss), search: createSearchIndex(), storage: createFileStorage(), payments: createPaymentGateway() }
  })()
  globalThis.__tradepostServices.catch(() => {
    globalThis.__tradepostServices = undefined
  })
  return globalThis.__tradepostServices
}
