// Integration tests run against a real PostgreSQL: one database per test file, copied from a
// template the global setup migrated once.
import { afterAll, beforeAll, inject } from 'vitest'
import type { PgBoss } from 'pg-boss'
import pg from 'pg'
import { createCtx, type Ctx } from '../ctx.ts'
import { createOrm, type MikroORM } from '../db/orm.ts'
import { pgBossJobQueue, startJobQueue } from '../jobs/outbox.ts'
import type { Actor } from '../authz/actor.ts'
import type { EntityManager } from '@mikro-orm/postgresql'

declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of the test server's maintenance database (`postgres`). */
    testServerUrl: string
    templateDatabase: string
  }
}

export interface TestDatabase {
  url: string
  orm: MikroORM
  boss: PgBoss
  /** A context for `actor` over a fresh EntityManager. */
  ctx(actor: Actor): Ctx
  close(): Promise<void>
}

function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl)
  url.pathname = `/${database}`
  return url.toString()
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = inject('testServerUrl')
  const template = inject('templateDatabase')
  const name = `tp_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`
  const admin = new pg.Client({ connectionString: serverUrl })
  await admin.connect()
  try {
    await admin.query(`create database "${name}" template "${template}"`)
  } finally {
    await admin.end()
  }
  const url = databaseUrl(serverUrl, name)
  const orm = await createOrm(url, { pool: { min: 0, max: 4 } })
  const boss = await startJobQueue(url)
  const jobs = pgBossJobQueue(boss)
  return {
    url,
    orm,
    boss,
    ctx: (actor) => createCtx({ actor, em: orm.em.fork(), jobs }),
    async close() {
      await boss.stop({ graceful: false })
      await orm.close()
      const cleanup = new pg.Client({ connectionString: serverUrl })
      await cleanup.connect()
      try {
        await cleanup.query(`drop database if exists "${name}" with (force)`)
      } finally {
        await cleanup.end()
      }
    },
  }
}

/**
 * Runs `fn` in a transaction that is always rolled back: a test writes a whole world, reads it
 * through the code under test (which must use the transaction's EntityManager), and leaves
 * nothing behind. Failures inside propagate.
 */
export async function rolledBack(em: EntityManager, fn: (tx: EntityManager) => Promise<void>): Promise<void> {
  class Rollback extends Error {}
  try {
    await em.transactional(async (tx) => {
      await fn(tx)
      throw new Rollback()
    })
  } catch (error) {
    if (!(error instanceof Rollback)) throw error
  }
}

/** A database of its own for this test file: created before its tests, dropped after. */
export function useTestDatabase(): () => TestDatabase {
  let db: TestDatabase | undefined
  beforeAll(async () => {
    db = await createTestDatabase()
  })
  afterAll(async () => {
    await db?.close()
  })
  return () => {
    if (!db) throw new Error('the test database is not ready (use it inside a test)')
    return db
  }
}
