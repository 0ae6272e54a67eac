import { createQueues, startJobQueue } from '../jobs/outbox.ts'
import { createOrm, migrateDatabase } from './orm.ts'

/** Brings a database up to date: our migrations, then pg-boss's schema and queues. Idempotent. */
export async function prepareDatabase(databaseUrl: string): Promise<{ applied: string[] }> {
  const orm = await createOrm(databaseUrl, { pool: { min: 0, max: 2 } })
  try {
    const applied = await migrateDatabase(orm)
    const boss = await startJobQueue(databaseUrl)
    try {
      await createQueues(boss)
    } finally {
      await boss.stop({ graceful: false })
    }
    return { applied }
  } finally {
    await orm.close()
  }
}
