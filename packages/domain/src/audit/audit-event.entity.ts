import { defineEntity, p } from '@mikro-orm/core'
import { createdAtColumn, idColumn } from '../db/columns.ts'
import { Organization } from '../organizations/organization.entity.ts'
import { User } from '../users/user.entity.ts'

/** Append-only: a database trigger refuses UPDATE and DELETE on this table. */
const AuditEventSchema = defineEntity({
  name: 'AuditEvent',
  tableName: 'audit_event',
  indexes: [{ properties: ['organizationId', 'createdAt'] }],
  triggers: [
    {
      name: 'audit_event_no_update_or_delete',
      timing: 'before',
      events: ['update', 'delete'],
      forEach: 'row',
      body: `raise exception 'audit_event is append-only';`,
    },
  ],
  properties: {
    id: idColumn(),
    actorUserId: () => p.manyToOne(User).mapToPk().fieldName('actor_user_id').nullable().deleteRule('no action'),
    impersonatorUserId: () =>
      p.manyToOne(User).mapToPk().fieldName('impersonator_user_id').nullable().deleteRule('no action'),
    organizationId: () => p.manyToOne(Organization).mapToPk().fieldName('organization_id').deleteRule('no action'),
    action: p.string().length(100).index(),
    subjectType: p.string().length(60),
    subjectId: p.string().length(100),
    details: p.json<Record<string, unknown>>(),
    createdAt: createdAtColumn(),
  },
})

export class AuditEvent extends AuditEventSchema.class {}
AuditEventSchema.setClass(AuditEvent)
