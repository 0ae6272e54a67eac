import { defineEntity, p } from '@mikro-orm/core'
import { createdAtColumn, idColumn, updatedAtColumn } from '../db/columns.ts'
import { Organization } from '../organizations/organization.entity.ts'

/** A seller's own grouping of its customers ("Dealers", "Contractors") that price lists target. */
const CustomerGroupSchema = defineEntity({
  name: 'CustomerGroup',
  tableName: 'customer_group',
  uniques: [{ properties: ['organizationId', 'name'] }],
  properties: {
    id: idColumn(),
    organizationId: () => p.manyToOne(Organization).mapToPk().fieldName('organization_id').index().deleteRule('cascade'),
    name: p.string().length(120),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
})
export class CustomerGroup extends CustomerGroupSchema.class {}
CustomerGroupSchema.setClass(CustomerGroup)
