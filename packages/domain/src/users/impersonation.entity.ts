import { defineEntity, p } from '@mikro-orm/core'
import { createdAtColumn, idColumn } from '../db/columns.ts'
import { Organization } from '../organizations/organization.entity.ts'
import { User } from './user.entity.ts'

/**
 * Someone of the operator's support, or a seller's sales staff, acting as a buyer user for a
 * while, for a stated reason. The link that starts it works once, within minutes; the session it
 * opens ends at `endsAt` whatever happens, or earlier when ended.
 */
const ImpersonationSchema = defineEntity({
  name: 'Impersonation',
  tableName: 'impersonation',
  properties: {
    id: idColumn(),
    impersonatorUserId: () => p.manyToOne(User).mapToPk().fieldName('impersonator_user_id').index().deleteRule('cascade'),
    /** The organization the impersonator acts for: the operator, or the seller whose customer it is. */
    impersonatorOrganizationId: () => p.manyToOne(Organization).mapToPk().fieldName('impersonator_organization_id').deleteRule('cascade'),
    userId: () => p.manyToOne(User).mapToPk().fieldName('user_id').index().deleteRule('cascade'),
    /** The buyer company the user is acted as a member of. */
    organizationId: () => p.manyToOne(Organization).mapToPk().fieldName('organization_id').index().deleteRule('cascade'),
    reason: p.string().length(500),
    tokenHash: p.string().length(64).unique().hidden(),
    tokenExpiresAt: p.datetime(),
    startedAt: p.datetime().nullable(),
    endsAt: p.datetime(),
    endedAt: p.datetime().nullable(),
    createdAt: createdAtColumn(),
  },
})

export class Impersonation extends ImpersonationSchema.class {}
ImpersonationSchema.setClass(Impersonation)
