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
