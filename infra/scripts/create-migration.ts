// Writes a new migration from the difference between the entities and the committed migrations,
// using a throw-away embedded PostgreSQL (or DATABASE_URL's server when set).
// Usage: npx pnpm@10 migration:create <name>
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startEmbeddedPostgres } from '../postgres/embedded.ts'

const dir = mkdtempSync(join(tmpdir(), 'tradepost-migration-'))
const server = process.env.DATABASE_URL ? undefined : await startEmbeddedPostgres({ dataDir: join(dir, 'pg'), fast: true })
try {
  if (server) process.env.DATABASE_URL = await server.ensureDatabase(`migration_${Date.now()}`)
  await import('../../packages/domain/src/db/create-migration.ts')
} finally {
  await server?.stop()
  rmSync(dir, { recursive: true, force: true })
}
