import { defineEntity, p } from '@mikro-orm/core'
import { createdAtColumn, idColumn } from '../db/columns.ts'
import { Organization } from '../organizations/organization.entity.ts'
import { Product } from './product.entity.ts'

/** An image of a product; the bytes live in the file storage under `storageKey`. */
const ProductImageSchema = defineEntity({
  name: 'ProductImage',
  tableName: 'product_image',
  properties: {
    id: idColumn(),
    organizationId: () => p.manyToOne(Organization).mapToPk().fieldName('organization_id').index().deleteRule('cascade'),
    productId: () => p.manyToOne(Product).mapToPk().fieldName('product_id').index().deleteRule('cascade'),
    storageKey: p.string().length(300),
    contentType: p.string().length(40),
    bytes: p.integer(),
    position: p.integer().default(0),
    /** The original's size, and the widths of its WebP renditions (`{storageKey}.{width}.webp`). */
    width: p.integer().nullable(),
    height: p.integer().nullable(),
    widths: p.json<number[]>().default('[]'),
    createdAt: createdAtColumn(),
  },
})
export class ProductImage extends ProductImageSchema.class {}
ProductImageSchema.setClass(ProductImage)
