import { defineEntity, p } from '@mikro-orm/core'
import { createdAtColumn, idColumn, updatedAtColumn } from '../db/columns.ts'
import { Organization } from './organization.entity.ts'

/** A place a seller ships from. Coordinates feed "nearest stock" and lead routing. */
const WarehouseSchema = defineEntity({
  name: 'Warehouse',
  tableName: 'warehouse',
  properties: {
    id: idColumn(),
    organizationId: () => p.manyToOne(Organization).mapToPk().fieldName('organization_id').index().deleteRule('cascade'),
    name: p.string().length(200),
    addressLine: p.string().length(300),
    city: p.string().length(120),
    /** ISO 3166-2, e.g. VN-HN, VN-DN, VN-SG. */
    subdivisionCode: p.string().length(10).index(),
    country: p.string().length(2),
    latitude: p.double().$type<number>().runtimeType('number'),
    longitude: p.double().$type<number>().runtimeType('number'),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
})

export class Warehouse extends WarehouseSchema.class {}
WarehouseSchema.setClass(Warehouse)
