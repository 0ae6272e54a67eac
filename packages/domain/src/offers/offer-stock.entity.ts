import { defineEntity, p } from '@mikro-orm/core'
import { idColumn, updatedAtColumn } from '../db/columns.ts'
import { Organization } from '../organizations/organization.entity.ts'
import { Warehouse } from '../organizations/warehouse.entity.ts'
import { Offer } from './offer.entity.ts'

/** Units of an offer on hand at one of the seller's warehouses. */
const OfferStockSchema = defineEntity({
  name: 'OfferStock',
  tableName: 'offer_stock',
  uniques: [{ properties: ['offerId', 'warehouseId'] }],
  // Never below zero, whatever a checkout or an import does (checkout's updates never try).
  checks: [{ name: 'offer_stock_quantity_check', expression: 'quantity >= 0' }],
  properties: {
    id: idColumn(),
    organizationId: () => p.manyToOne(Organization).mapToPk().fieldName('organization_id').index().deleteRule('cascade'),
    offerId: () => p.manyToOne(Offer).mapToPk().fieldName('offer_id').index().deleteRule('cascade'),
    warehouseId: () => p.manyToOne(Warehouse).mapToPk().fieldName('warehouse_id').index().deleteRule('cascade'),
    quantity: p.integer(),
    updatedAt: updatedAtColumn(),
  },
})
export class OfferStock extends OfferStockSchema.class {}
OfferStockSchema.setClass(OfferStock)
