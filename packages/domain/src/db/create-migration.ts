// Writes a new migration from the difference between the entities and a migrated database.
// Run through `npx pnpm@10.34.9 migration:create <name>` (infra/scripts/create-migration.ts).
import { MikroORM, ormConfig } from './orm.ts'
import { fileURLToPath } from 'node:url'
import { dirname, join } from 'node:path'

const url = process.env.DATABASE_URL
if (!url) throw new Error('set DATABASE_URL to a migrated database')
const config = ormConfig(url)
config.migrations = { ...config.migrations, path: join(dirname(fileURLToPath(import.meta.url)), 'migrations'), emit: 'ts' }
const orm = await MikroORM.init(config)
await orm.migrator.up()
const result = await orm.migrator.create(undefined, false, false, process.argv[2])
console.log(result.fileName ? `wrote ${result.fileName}; add it to migrations/index.ts` : 'no changes')
await orm.close()
