import { defineEntity, p } from '@mikro-orm/core'
import { createdAtColumn, idColumn } from '../db/columns.ts'
import { Organization } from '../organizations/organization.entity.ts'
import { ROLES } from './roles.ts'
import { User } from './user.entity.ts'

const MembershipSchema = defineEntity({
  name: 'Membership',
  tableName: 'membership',
  uniques: [{ properties: ['userId', 'organizationId'] }],
  properties: {
    id: idColumn(),
    userId: () => p.manyToOne(User).mapToPk().fieldName('user_id').index().deleteRule('cascade'),
    organizationId: () =>
      p.manyToOne(Organization).mapToPk().fieldName('organization_id').index().deleteRule('cascade'),
    role: p.enum(ROLES),
    createdAt: createdAtColumn(),
  },
})

export class Membership extends MembershipSchema.class {}
MembershipSchema.setClass(Membership)
