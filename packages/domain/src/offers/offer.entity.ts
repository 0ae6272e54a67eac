import { defineEntity, p } from '@mikro-orm/core'
import { Product } from '../catalog/product.entity.ts'
import { createdAtColumn, idColumn, updatedAtColumn } from '../db/columns.ts'
import { Organization } from '../organizations/organization.entity.ts'
import { CURRENCIES } from '../money.ts'
import { OFFER_CONDITIONS, OFFER_STATUSES } from './offers.constants.ts'

/** A seller's offer for a catalog product: its price (minor units), MOQ, multiple, lead time. */
const OfferSchema = defineEntity({
  name: 'Offer',
  tableName: 'offer',
  // The seller's SKU identifies an offer; a seller may offer one product several times (conditions…).
  uniques: [{ properties: ['organizationId', 'sku'] }],
  properties: {
    id: idColumn(),
    organizationId: () => p.manyToOne(Organization).mapToPk().fieldName('organization_id').index().deleteRule('cascade'),
    productId: () => p.manyToOne(Product).mapToPk().fieldName('product_id').index().deleteRule('cascade'),
    sku: p.string().length(80),
    priceAmount: p.bigint('number'),
    currency: p.enum(CURRENCIES),
    minOrderQty: p.integer().default(1),
    orderMultiple: p.integer().default(1),
    leadTimeDays: p.integer().default(0),
    condition: p.enum(OFFER_CONDITIONS).default('new'),
    status: p.enum(OFFER_STATUSES).default('active').index(),
    /**
     * Whom the offer is for (see visibility.ts): `public`, or the seller's own customer groups and
     * customers (`group:<id>`, `customer:<id>`) for a restricted catalog.
     */
    visibleTo: p.array().defaultRaw(`'{public}'`),
    /** The seller is active (kept in step with its status, as products' `ownerActive`). */
    sellerActive: p.boolean().default(true),
    /** Call for price: buyers see "request a quote" instead of a price. */
    priceOnRequest: p.boolean().default(false),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
})
export class Offer extends OfferSchema.class {}
OfferSchema.setClass(Offer)
