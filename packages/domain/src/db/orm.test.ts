import pg from 'pg'
import { describe, expect, it } from 'vitest'
import { useTestDatabase } from '../testing/test-database.ts'
import { preparedRead } from './prepared.ts'

const db = useTestDatabase()

describe('the database connection pool', () => {
  it('outlives the database closing its idle connections (a restart, a failover) and reconnects', async () => {
    const em = db().orm.em.fork()
    // Connections idle in the pool: one the ORM used, one a prepared read used.
    const ormPid = (await em.execute<{ pid: number }[]>('select pg_backend_pid() as pid'))[0]!.pid
    const readPid = (await preparedRead<{ pid: number }>(em, 'select pg_backend_pid() as pid', []))[0]!.pid
    const admin = new pg.Client({ connectionString: db().url })
    await admin.connect()
    try {
      await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where pid = any($1::int[])', [[ormPid, readPid]])
    } finally {
      await admin.end()
    }
    // The pool hears of it on its idle clients: an error no one listened to would end the process.
    await new Promise((resolve) => setTimeout(resolve, 200))
    const [row] = await em.execute<{ ok: number }[]>('select 1 as ok')
    expect(row?.ok).toBe(1)
    const [again] = await preparedRead<{ pid: number }>(em, 'select pg_backend_pid() as pid', [])
    expect([ormPid, readPid]).not.toContain(again!.pid)
  })
})

describe('prepared reads in a transaction', () => {
  it("see the transaction's own writes and run as named statements on its connection", async () => {
    const em = db().orm.em.fork()
    const sql = `select count(*)::int as n from organization where slug = ?`
    const slug = `prepared-in-tx-${Date.now()}`
    const seen = await em.transactional(async (tx) => {
      await tx.execute(`insert into organization (id, kind, name, slug, country, default_currency, locale, status, created_at, updated_at) values (gen_random_uuid(), 'buyer', 'Prepared in a transaction', ?, 'VN', 'VND', 'en', 'active', now(), now())`, [slug])
      const [inside] = await preparedRead<{ n: number }>(tx, sql, [slug])
      // The same statement again, and what its connection has prepared by then.
      await preparedRead(tx, sql, [slug])
      const prepared = await tx.execute<{ name: string; statement: string }[]>(`select name, statement from pg_prepared_statements`)
      throw Object.assign(new Error('roll back'), { inside: inside!.n, prepared })
    }).catch((error: { inside: number; prepared: { name: string; statement: string }[] }) => error)
    expect(seen.inside).toBe(1)
    expect(seen.prepared.filter((p) => p.statement.includes('from organization where slug = $1'))).toHaveLength(1)
    expect(seen.prepared.find((p) => p.statement.includes('from organization where slug = $1'))?.name).toMatch(/^tp_\d+$/)
    // Rolled back: outside, nothing.
    const [after] = await preparedRead<{ n: number }>(em, sql, [slug])
    expect(after!.n).toBe(0)
  })
})
