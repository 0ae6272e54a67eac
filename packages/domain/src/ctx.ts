import type { EntityManager } from '@mikro-orm/postgresql'
import { abilityFor, type AppAbility } from './authz/ability.ts'
import type { Actor } from './authz/actor.ts'
import type { JobQueue } from './jobs/outbox.ts'
import type { Locale } from './organizations/organization.entity.ts'
import type { PaymentGateway } from '@tradepost/payments/port'

/** The first argument of every use case. Built once per request or job; never optional. */
export interface Ctx {
  readonly actor: Actor
  readonly ability: AppAbility
  /** A forked EntityManager: one unit of work per request or job. */
  readonly em: EntityManager
  readonly jobs: JobQueue
  /** The card processor (Stripe Connect), or null when card payment is not configured. */
  readonly payments: PaymentGateway | null
  readonly locale: Locale
  readonly requestId: string
}

export interface CtxInput {
  actor: Actor
  em: EntityManager
  jobs: JobQueue
  payments?: PaymentGateway | null
  locale?: Locale
  requestId?: string
}

export function createCtx(input: CtxInput): Ctx {
  return {
    actor: input.actor,
    ability: abilityFor(input.actor),
    em: input.em,
    jobs: input.jobs,
    payments: input.payments ?? null,
    locale: input.locale ?? 'en',
    requestId: input.requestId ?? crypto.randomUUID(),
  }
}

/** What a job carries so the worker can rebuild the context it was enqueued with. */
export interface SerializedCtx {
  actor: Actor
  locale: Locale
  requestId: string
}

export function serializeCtx(ctx: Ctx): SerializedCtx {
  return { actor: ctx.actor, locale: ctx.locale, requestId: ctx.requestId }
}

/**
 * Rebuilds a job's context. The actor is resolved again from the database, so a job runs with
 * the member's current role and organization status, not the ones it was enqueued with.
 */
export async function restoreCtx(serialized: SerializedCtx, deps: { em: EntityManager; jobs: JobQueue; payments?: PaymentGateway | null }): Promise<Ctx> {
  const { resolveActor } = await import('./users/memberships.ts')
  const a = serialized.actor
  const actor = a.userId
    ? await resolveActor(deps.em, { userId: a.userId, activeOrganizationId: a.membership?.organizationId ?? null, impersonatorUserId: a.impersonatorUserId }, a.membership ? [a.membership.organizationKind] : [])
    : a
  return createCtx({ actor, em: deps.em, jobs: deps.jobs, payments: deps.payments, locale: serialized.locale, requestId: serialized.requestId })
}
