import { defineEntity, p } from '@mikro-orm/core'
import { Organization } from './organization.entity.ts'

/** Views of a seller's storefront, one counter per seller per day (Vietnam's calendar day). */
const StorefrontViewSchema = defineEntity({
  name: 'StorefrontView',
  tableName: 'storefront_view',
  properties: {
    organizationId: () => p.manyToOne(Organization).mapToPk().fieldName('organization_id').primary().deleteRule('cascade'),
    day: p.string().columnType('date').primary(),
    views: p.integer().default(0),
  },
})
export class StorefrontView extends StorefrontViewSchema.class {}
StorefrontViewSchema.setClass(StorefrontView)
