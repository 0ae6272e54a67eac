import { defineEntity, p } from '@mikro-orm/core'
import { createdAtColumn, idColumn, updatedAtColumn } from '../db/columns.ts'
import { Organization } from './organization.entity.ts'
import { placeProperties } from './place.columns.ts'

/** A place a seller ships from. Coordinates feed "nearest stock" and lead routing. */
const WarehouseSchema = defineEntity({
  name: 'Warehouse',
  tableName: 'warehouse',
  properties: {
    id: idColumn(),
    organizationId: () => p.manyToOne(Organization).mapToPk().fieldName('organization_id').index().deleteRule('cascade'),
    ...placeProperties(),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
})

export class Warehouse extends WarehouseSchema.class {}
WarehouseSchema.setClass(Warehouse)
