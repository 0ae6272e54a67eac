import { defineEntity, p } from '@mikro-orm/core'
import { createdAtColumn, idColumn, updatedAtColumn } from '../db/columns.ts'
import { Organization } from '../organizations/organization.entity.ts'
import { Brand } from './brand.entity.ts'
import { PRODUCT_STATUSES, UNITS_OF_MEASURE, type AttributeValues } from './catalog.constants.ts'
import { Category } from './category.entity.ts'

/**
 * A catalog product. Normally a manufacturer's master product (with its brand); a distributor
 * may also list its own unbranded product (`sellerListed`: not manufacturer-verified).
 */
const ProductSchema = defineEntity({
  name: 'Product',
  tableName: 'product',
  uniques: [{ properties: ['organizationId', 'mpn'] }],
  // Offers name a product by its brand and part number (imports look many up at once).
  indexes: [{ properties: ['brandId', 'mpn'] }],
  properties: {
    id: idColumn(),
    organizationId: () => p.manyToOne(Organization).mapToPk().fieldName('organization_id').index().deleteRule('cascade'),
    brandId: () => p.manyToOne(Brand).mapToPk().fieldName('brand_id').nullable().index().deleteRule('restrict'),
    categoryId: () => p.manyToOne(Category).mapToPk().fieldName('category_id').index().deleteRule('restrict'),
    /** Manufacturer part number, unique per owner. */
    mpn: p.string().length(80),
    slug: p.string().length(160).unique(),
    nameEn: p.string().length(200),
    nameVi: p.string().length(200),
    descriptionEn: p.text().default(''),
    descriptionVi: p.text().default(''),
    attributes: p.json<AttributeValues>(),
    gtin: p.string().length(14).nullable(),
    unitOfMeasure: p.enum(UNITS_OF_MEASURE).default('piece'),
    packSize: p.integer().default(1),
    status: p.enum(PRODUCT_STATUSES).default('draft').index(),
    sellerListed: p.boolean().default(false),
    /**
     * False while the owning organization is suspended: the public read rule requires it, so a
     * suspended manufacturer's products leave public pages and search, and come back with it.
     */
    ownerActive: p.boolean().default(true),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
})
export class Product extends ProductSchema.class {}
ProductSchema.setClass(Product)
