import { defineEntity, p } from '@mikro-orm/core'
import { createdAtColumn, idColumn, updatedAtColumn } from '../db/columns.ts'
import { Organization } from '../organizations/organization.entity.ts'
import { CustomerGroup } from './customer-group.entity.ts'

/**
 * The relationship between a seller (the tenant that owns the row) and a buyer company: the
 * seller's account number for it, its customer group, and whether it is approved. Only an
 * approved customer gets the prices of its group, its company lists and its contracts.
 */
const CustomerSchema = defineEntity({
  name: 'Customer',
  tableName: 'customer',
  uniques: [{ properties: ['organizationId', 'buyerId'] }],
  properties: {
    id: idColumn(),
    organizationId: () => p.manyToOne(Organization).mapToPk().fieldName('organization_id').index().deleteRule('cascade'),
    buyerId: () => p.manyToOne(Organization).mapToPk().fieldName('buyer_id').index().deleteRule('cascade'),
    groupId: () => p.manyToOne(CustomerGroup).mapToPk().nullable().fieldName('group_id').index().deleteRule('set null'),
    accountNumber: p.string().length(60).nullable(),
    approved: p.boolean().default(true),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
})
export class Customer extends CustomerSchema.class {}
CustomerSchema.setClass(Customer)
