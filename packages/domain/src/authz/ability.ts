import { AbilityBuilder, createMongoAbility, type InferSubjects, type MongoAbility } from '@casl/ability'
import { rulesToCondition } from '@casl/ability/extra'
import { AuditEvent } from '../audit/audit-event.entity.ts'
import { Organization } from '../organizations/organization.entity.ts'
import { Invitation } from '../users/invitation.entity.ts'
import { Membership } from '../users/membership.entity.ts'
import type { Actor } from './actor.ts'

export type Action = 'manage' | 'read' | 'create' | 'update' | 'delete' | 'approve' | 'suspend' | 'operate'
export type Subject = InferSubjects<typeof Organization | typeof Membership | typeof Invitation | typeof AuditEvent> | 'all'
export type AppAbility = MongoAbility<[Action, Subject]>
export type SubjectClass = typeof Organization | typeof Membership | typeof Invitation | typeof AuditEvent

/**
 * The one place that says who may do what. Every rule on tenant data carries a condition on a
 * tenant column, so `accessibleWhere` can turn it into a query.
 */
export function defineAbilityFor(actor: Actor): AppAbility {
  const { can, build } = new AbilityBuilder<AppAbility>(createMongoAbility)

  // Everyone, signed in or not: the public profile of active sellers.
  can('read', Organization, { status: 'active', kind: { $in: ['manufacturer', 'distributor'] } })

  if (actor.userId) {
    // A user sees their own memberships, whatever the organization (the switcher lists them).
    can('read', Membership, { userId: actor.userId })
  }

  const m = actor.membership
  if (actor.userId && m) {
    const org = m.organizationId
    // Pending, rejected or suspended organizations: members may see its status, nothing else.
    can('read', Organization, { id: org })
    if (m.organizationStatus === 'active') {
      can('read', Membership, { organizationId: org })
      if (m.role === 'admin') {
        can('update', Organization, { id: org })
        can(['read', 'create', 'delete'], Invitation, { organizationId: org })
        can(['update', 'delete'], Membership, { organizationId: org })
        can('read', AuditEvent, { organizationId: org })
      }
      if (m.organizationKind === 'operator') {
        // 'operate': use the operator console at all.
        can(['read', 'operate'], Organization)
        can('read', [Membership, AuditEvent])
        if (m.role === 'admin') can(['approve', 'suspend'], Organization)
      }
    }
  }

  return build({ detectSubjectType: (object) => object.constructor as SubjectClass })
}

/**
 * The ability as a MikroORM where-clause (CASL rules → Mongo-style conditions, which is
 * MikroORM's own query language). `null` means nothing is allowed: callers must deny and
 * never query with `{}`.
 */
export function accessibleWhere(ability: AppAbility, action: Action, subject: SubjectClass): Record<string, unknown> | null {
  return rulesToCondition(
    ability.rulesFor(action, subject),
    (rule) => (rule.inverted ? { $not: rule.conditions } : (rule.conditions as Record<string, unknown>)),
    {
      and: (conditions) => ({ $and: conditions }),
      or: (conditions) => (conditions.length === 1 ? conditions[0]! : { $or: conditions }),
      empty: () => ({}),
    },
  )
}
