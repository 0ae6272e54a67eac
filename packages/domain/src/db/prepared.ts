// Hot reads (and a transaction's own hand-written writes) as named prepared statements. The ORM sends every statement with its values written
// into the text, so PostgreSQL plans each one afresh; for the reads every page makes (the product
// page's offers and prices, the actor's memberships and audience) planning cost as much as running.
// A named statement is parsed once per connection, and PostgreSQL keeps its plan when a generic
// one is as good. Inside a transaction the read goes through the transaction's connection (it must
// see the transaction's own writes), named all the same: the pool's connections know the names.
import type { PostgreSqlConnection } from '@mikro-orm/postgresql'
import { CompiledQuery } from 'kysely'
import type { EntityManager } from './orm.ts'

/** `?` placeholders (outside quoted text) as `$1`, `$2`, …, as PostgreSQL numbers them. */
export function numberPlaceholders(sql: string): string {
  let n = 0
  let out = ''
  let quoted = false
  for (let i = 0; i < sql.length; i++) {
    const c = sql[i]!
    if (c === "'") quoted = !quoted
    out += c === '?' && !quoted ? `$${++n}` : c
  }
  return out
}

/** Each statement's text and name, numbered in this process (each connection prepares a name once). */
const texts = new Map<string, { text: string; name: string }>()
/** The same names by numbered text, as a connection is handed it. */
const namesByText = new Map<string, string>()

type Query = (...args: unknown[]) => unknown

/**
 * Makes the pool's connections send the texts `preparedRead` has named as those named statements,
 * whoever hands them the text: a transaction's reads reach its connection through the ORM's query
 * builder, as text and values. Called on the pool before it opens a connection.
 */
export function nameStatementsOf(pool: object): void {
  const holder = pool as { Client: new (...args: unknown[]) => { query: Query } }
  const Base = holder.Client
  holder.Client = class extends Base {
    constructor(...args: unknown[]) {
      super(...args)
      const query = this.query.bind(this)
      this.query = (...args: unknown[]) => {
        const [text, values, callback] = args
        const name = typeof text === 'string' && Array.isArray(values) && callback === undefined ? namesByText.get(text) : undefined
        return name ? query({ name, text, values }) : query(...args)
      }
    }
  }
}

/**
 * Runs a read with `?` placeholders (a locking read too) as a named statement; rows as
 * `em.execute` returns them. Its plan may be reused for any values, so its shape must not make the
 * best plan depend on them (decision 014). A transaction's own writes go through `preparedWrite`,
 * which sends them this same way.
 */
export async function preparedRead<T>(em: EntityManager, sql: string, params: unknown[]): Promise<T[]> {
  let statement = texts.get(sql)
  if (!statement) {
    // The shapes are few (the SQL of a query and of the ability's conditions, never values); past
    // a thousand something is off, and the read goes the ORM's way.
    if (texts.size >= 1_000) return em.execute<T[]>(sql, params)
    statement = { text: numberPlaceholders(sql), name: `tp_${texts.size + 1}` }
    texts.set(sql, statement)
    namesByText.set(statement.text, statement.name)
  }
  const trx = em.getTransactionContext<{ executeQuery(query: CompiledQuery): Promise<{ rows: unknown[] }> }>()
  if (trx) return (await trx.executeQuery(CompiledQuery.raw(statement.text, params))).rows as T[]
  const pool = await (em.getConnection() as unknown as PostgreSqlConnection).getNativeClient()
  const result = await pool.query({ name: statement.name, text: statement.text, values: params })
  return result.rows as T[]
}

/**
 * A write of a transaction, sent the same way: named on the transaction's connection, so it is
 * parsed and planned once per connection (checkout's stock reservation and invoice numbering were
 * planned on every placing). Only inside a transaction.
 */
export async function preparedWrite<T>(em: EntityManager, sql: string, params: unknown[]): Promise<T[]> {
  if (!em.getTransactionContext()) throw new Error('preparedWrite: only inside a transaction')
  return preparedRead<T>(em, sql, params)
}
