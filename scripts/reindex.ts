// `pnpm reindex`: rebuilds the search index from the database without downtime (a new index is
// filled and swapped in). Uses DATABASE_URL, else the embedded PostgreSQL of `npm start`.
import { join } from 'node:path'
import { createOrm } from '@tradepost/domain/db'
import { startEmbeddedPostgres } from '@tradepost/infra/postgres'
import { createSearchIndex, reindexAll } from '@tradepost/search'
import { log, root } from './lib.ts'

const postgres = process.env.DATABASE_URL ? undefined : await startEmbeddedPostgres({ dataDir: join(root, '.tradepost', 'postgres'), log })
const databaseUrl = process.env.DATABASE_URL ?? (await postgres!.ensureDatabase('tradepost'))
try {
  const orm = await createOrm(databaseUrl, { pool: { min: 0, max: 2 } })
  const index = createSearchIndex({ ...process.env, DATABASE_URL: databaseUrl })
  const t = performance.now()
  const n = await reindexAll(orm.em, index)
  log(`reindexed ${n} products into ${index.engine} in ${((performance.now() - t) / 1000).toFixed(1)} s`)
  await index.close()
  await orm.close()
} finally {
  await postgres?.stop()
}
