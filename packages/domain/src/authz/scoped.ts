import type { FilterQuery, FindOptions } from '@mikro-orm/core'
import type { Ctx } from '../ctx.ts'
import { DomainError } from '../errors.ts'
import { accessibleWhere, type Action, type SubjectClass } from './ability.ts'

type Entity<C extends SubjectClass> = InstanceType<C>

/**
 * The only way use cases read tenant data: every query is AND-ed with the actor's ability for
 * the action. When the ability allows nothing, no query runs at all.
 */
export function scoped(ctx: Ctx) {
  function whereFor<C extends SubjectClass>(action: Action, entity: C, where: FilterQuery<Entity<C>>) {
    const allowed = accessibleWhere(ctx.ability, action, entity)
    if (allowed === null) return null
    return { $and: [allowed, where] } as unknown as FilterQuery<Entity<C>>
  }
  return {
    async find<C extends SubjectClass>(
      entity: C,
      where: FilterQuery<Entity<C>> = {} as FilterQuery<Entity<C>>,
      options: FindOptions<Entity<C>, never> = {},
      action: Action = 'read',
    ): Promise<Entity<C>[]> {
      const query = whereFor(action, entity, where)
      if (query === null) return []
      return (await ctx.em.find(entity as never, query as never, options as never)) as Entity<C>[]
    },
    async findAndCount<C extends SubjectClass>(
      entity: C,
      where: FilterQuery<Entity<C>>,
      options: FindOptions<Entity<C>, never> = {},
      action: Action = 'read',
    ): Promise<[Entity<C>[], number]> {
      const query = whereFor(action, entity, where)
      if (query === null) return [[], 0]
      return (await ctx.em.findAndCount(entity as never, query as never, options as never)) as [Entity<C>[], number]
    },
    async findOne<C extends SubjectClass>(entity: C, where: FilterQuery<Entity<C>>, action: Action = 'read'): Promise<Entity<C> | null> {
      const query = whereFor(action, entity, where)
      if (query === null) return null
      return (await ctx.em.findOne(entity as never, query as never)) as Entity<C> | null
    },
    /** Not found and not allowed look the same from outside: 404, never a hint that it exists. */
    async findOneOrThrow<C extends SubjectClass>(entity: C, where: FilterQuery<Entity<C>>, action: Action = 'read'): Promise<Entity<C>> {
      const found = await this.findOne(entity, where, action)
      if (!found) throw new DomainError('not_found', 'NOT_FOUND')
      return found
    },
  }
}

/** The guard on every write: the actor may do `action` on this very object. */
export function authorize(ctx: Ctx, action: Action, subject: InstanceType<SubjectClass>): void {
  if (!ctx.ability.can(action, subject)) throw new DomainError('forbidden', 'FORBIDDEN')
}

/** The guard before creating: may the actor do `action` on some object of this type at all? */
export function authorizeType(ctx: Ctx, action: Action, subject: SubjectClass): void {
  if (!ctx.ability.can(action, subject)) throw new DomainError('forbidden', 'FORBIDDEN')
}

/** May the actor do `action` on an object of this type with these tenant columns (for showing a control)? */
export function may<C extends SubjectClass>(ctx: Ctx, action: Action, subject: C, fields: Partial<InstanceType<C>>): boolean {
  return ctx.ability.can(action, Object.assign(Object.create(subject.prototype) as InstanceType<C>, fields))
}
