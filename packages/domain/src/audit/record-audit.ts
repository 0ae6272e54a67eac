import type { Ctx } from '../ctx.ts'
import { AuditEvent } from './audit-event.entity.ts'

export interface AuditInput {
  organizationId: string
  action: string
  subjectType: string
  subjectId: string
  details?: Record<string, unknown>
  /** Overrides the actor's user, e.g. for a sign-up where the new user is the actor. */
  actorUserId?: string | null
}

/** Who (and on whose behalf), what, when: persisted with the change, in its transaction. */
export function recordAudit(ctx: Ctx, input: AuditInput): AuditEvent {
  const event = ctx.em.create(AuditEvent, {
    actorUserId: input.actorUserId === undefined ? ctx.actor.userId : input.actorUserId,
    impersonatorUserId: ctx.actor.impersonatorUserId,
    organizationId: input.organizationId,
    action: input.action,
    subjectType: input.subjectType,
    subjectId: input.subjectId,
    details: input.details ?? {},
  })
  ctx.em.persist(event)
  return event
}
