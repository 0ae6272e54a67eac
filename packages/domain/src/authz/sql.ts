import type { Ctx } from '../ctx.ts'
import { accessibleWhere, type Action, type SubjectClass } from './ability.ts'

/**
 * The ability as a SQL condition for raw queries: `<column> in (<the ids the actor may act on>)`,
 * compiled by the ORM from the same where-clause the scoped reader uses, so raw SQL never
 * restates a rule by hand. `false` when nothing is allowed. Placeholders are `?`, as for `em.execute`.
 */
export function accessibleSql(ctx: Pick<Ctx, 'ability' | 'em'>, action: Action, subject: SubjectClass, column: string): { sql: string; params: unknown[] } {
  const where = accessibleWhere(ctx.ability, action, subject)
  if (where === null) return { sql: 'false', params: [] }
  const key = `${subject.name}|${JSON.stringify(where, exactly)}`
  let found = compiled.get(key)
  if (!found) {
    const qb = ctx.em.createQueryBuilder(subject as never, 'allowed').select('id' as never).where(where as never)
    found = { sql: qb.getQuery(), params: [...qb.getParams()] }
    if (compiled.size >= COMPILED_MAX) compiled.clear()
    compiled.set(key, found)
  }
  return { sql: `${column} in (${found.sql})`, params: [...found.params] }
}

/**
 * The compiled condition of each where-clause seen (its values included), so the ORM builds the
 * query once rather than on every read of every page: the clauses are few (one per kind of
 * actor and organization), and the cache starts over past a bound.
 */
const compiled = new Map<string, { sql: string; params: unknown[] }>()
const COMPILED_MAX = 5_000

/** JSON that tells apart what the ORM would: a date from its text, a missing value from an absent key. */
function exactly(this: Record<string, unknown>, key: string, value: unknown): unknown {
  const raw = this[key]
  if (raw instanceof Date) return { $date: raw.toISOString() }
  if (raw === undefined) return { $undefined: true }
  return value
}
