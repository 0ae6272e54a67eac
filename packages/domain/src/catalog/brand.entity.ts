import { defineEntity, p } from '@mikro-orm/core'
import { createdAtColumn, idColumn } from '../db/columns.ts'
import { Organization } from '../organizations/organization.entity.ts'

/** A brand a manufacturer owns. */
const BrandSchema = defineEntity({
  name: 'Brand',
  tableName: 'brand',
  properties: {
    id: idColumn(),
    organizationId: () => p.manyToOne(Organization).mapToPk().fieldName('organization_id').index().deleteRule('cascade'),
    name: p.string().length(120),
    slug: p.string().length(80).unique(),
    /** The logo, stored as a WebP rendition (`brands/{id}/logo-….webp`); null without one. */
    logoKey: p.string().length(300).nullable(),
    createdAt: createdAtColumn(),
  },
})
export class Brand extends BrandSchema.class {}
BrandSchema.setClass(Brand)
