import { defineEntity, p } from '@mikro-orm/core'
import { createdAtColumn, idColumn } from '../db/columns.ts'
import { Organization } from '../organizations/organization.entity.ts'
import { ROLES } from './roles.ts'
import { User } from './user.entity.ts'

const InvitationSchema = defineEntity({
  name: 'Invitation',
  tableName: 'invitation',
  properties: {
    id: idColumn(),
    organizationId: () =>
      p.manyToOne(Organization).mapToPk().fieldName('organization_id').index().deleteRule('cascade'),
    email: p.string().length(320),
    role: p.enum(ROLES),
    tokenHash: p.string().length(64).unique().hidden(),
    invitedByUserId: () => p.manyToOne(User).mapToPk().fieldName('invited_by_user_id').deleteRule('cascade'),
    expiresAt: p.datetime(),
    acceptedAt: p.datetime().nullable(),
    revokedAt: p.datetime().nullable(),
    createdAt: createdAtColumn(),
  },
})

export class Invitation extends InvitationSchema.class {}
InvitationSchema.setClass(Invitation)
