import { defineEntity, p } from '@mikro-orm/core'
import { createdAtColumn, idColumn } from '../db/columns.ts'
import { ShipTo } from '../companies/ship-to.entity.ts'
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
    /** A buyer's chosen ship-to address: "near me" on every page (null: none chosen). */
    shipToId: () => p.manyToOne(ShipTo).mapToPk().nullable().fieldName('ship_to_id').deleteRule('set null'),
    createdAt: createdAtColumn(),
  },
})

export class Membership extends MembershipSchema.class {}
MembershipSchema.setClass(Membership)
