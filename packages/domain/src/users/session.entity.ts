import { defineEntity, p } from '@mikro-orm/core'
import { createdAtColumn } from '../db/columns.ts'
import { Organization } from '../organizations/organization.entity.ts'
import { User } from './user.entity.ts'

/** A login session. The primary key is the SHA-256 of the id in the cookie, never the id itself. */
const SessionSchema = defineEntity({
  name: 'Session',
  tableName: 'session',
  properties: {
    idHash: p.string().length(64).primary(),
    userId: () => p.manyToOne(User).mapToPk().fieldName('user_id').index().deleteRule('cascade'),
    activeOrganizationId: () =>
      p.manyToOne(Organization).mapToPk().fieldName('active_organization_id').nullable().deleteRule('set null'),
    /** Set when an operator acts as this user (audited impersonation). */
    impersonatorUserId: () =>
      p.manyToOne(User).mapToPk().fieldName('impersonator_user_id').nullable().deleteRule('cascade'),
    expiresAt: p.datetime().index(),
    createdAt: createdAtColumn(),
  },
})

export class Session extends SessionSchema.class {}
SessionSchema.setClass(Session)
