import { defineEntity, p } from '@mikro-orm/core'
import { createdAtColumn, idColumn, updatedAtColumn } from '../db/columns.ts'
import { Organization } from '../organizations/organization.entity.ts'
import { placeProperties } from '../organizations/place.columns.ts'

/** An address a buyer company receives goods at. Its coordinates are "near me" for its people. */
const ShipToSchema = defineEntity({
  name: 'ShipTo',
  tableName: 'ship_to',
  properties: {
    id: idColumn(),
    organizationId: () => p.manyToOne(Organization).mapToPk().fieldName('organization_id').index().deleteRule('cascade'),
    ...placeProperties(),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
})

export class ShipTo extends ShipToSchema.class {}
ShipToSchema.setClass(ShipTo)
