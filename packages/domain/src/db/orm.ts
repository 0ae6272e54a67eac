import { Migrator } from '@mikro-orm/migrations'
import { defineConfig, MikroORM, type Options } from '@mikro-orm/postgresql'
import { entities } from './entities.ts'
import { migrationsList } from './migrations/index.ts'
import { nameStatementsOf } from './prepared.ts'

export type { EntityManager } from '@mikro-orm/postgresql'
export { MikroORM }

export function ormConfig(databaseUrl: string, overrides: Partial<Options> = {}): Options {
  return defineConfig({
    clientUrl: databaseUrl,
    entities,
    extensions: [Migrator],
    migrations: {
      migrationsList,
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      tableName: 'mikro_orm_migrations',
      silent: true,
    },
    pool: { min: 0, max: Number(process.env.DATABASE_POOL_MAX ?? 10) },
    // Transactions' connections run the prepared reads as named statements too.
    driverOptions: { onPoolCreated: nameStatementsOf },
    debug: false,
    ...overrides,
  })
}

export async function createOrm(databaseUrl: string, overrides: Partial<Options> = {}): Promise<MikroORM> {
  return MikroORM.init(ormConfig(databaseUrl, overrides))
}

/** Applies every pending migration. Safe to run on every start. */
export async function migrateDatabase(orm: MikroORM): Promise<string[]> {
  const applied = await orm.migrator.up()
  return applied.map((m) => m.name)
}
