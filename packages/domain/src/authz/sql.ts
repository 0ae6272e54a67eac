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
  const qb = ctx.em.createQueryBuilder(subject as never, 'allowed').select('id' as never).where(where as never)
  return { sql: `${column} in (${qb.getQuery()})`, params: [...qb.getParams()] }
}
