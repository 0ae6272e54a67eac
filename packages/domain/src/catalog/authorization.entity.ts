import { defineEntity, p } from '@mikro-orm/core'
import { createdAtColumn, idColumn } from '../db/columns.ts'
import { Organization } from '../organizations/organization.entity.ts'
import { Brand } from './brand.entity.ts'

export interface TerritoryCircle {
  latitude: number
  longitude: number
  radiusKm: number
}

/**
 * A manufacturer authorizes a distributor to sell one of its brands within a territory: ISO
 * 3166-2 subdivisions and/or circles. The manufacturer is the tenant that owns the row.
 */
const DistributorAuthorizationSchema = defineEntity({
  name: 'DistributorAuthorization',
  tableName: 'distributor_authorization',
  uniques: [{ properties: ['brandId', 'distributorId'] }],
  properties: {
    id: idColumn(),
    organizationId: () => p.manyToOne(Organization).mapToPk().fieldName('organization_id').index().deleteRule('cascade'),
    distributorId: () => p.manyToOne(Organization).mapToPk().fieldName('distributor_id').index().deleteRule('cascade'),
    brandId: () => p.manyToOne(Brand).mapToPk().fieldName('brand_id').deleteRule('cascade'),
    subdivisions: p.json<string[]>(),
    circles: p.json<TerritoryCircle[]>(),
    createdAt: createdAtColumn(),
  },
})
export class DistributorAuthorization extends DistributorAuthorizationSchema.class {}
DistributorAuthorizationSchema.setClass(DistributorAuthorization)
