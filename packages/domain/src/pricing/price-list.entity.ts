import { defineEntity, p } from '@mikro-orm/core'
import { createdAtColumn, idColumn, updatedAtColumn } from '../db/columns.ts'
import { CURRENCIES } from '../money.ts'
import { Offer } from '../offers/offer.entity.ts'
import { Organization } from '../organizations/organization.entity.ts'
import { CustomerGroup } from './customer-group.entity.ts'
import { Customer } from './customer.entity.ts'
import { PRICE_LIST_SCOPES, type PriceTier } from './pricing.constants.ts'

/**
 * A seller's price list in one currency, valid within an optional window. Whom it is for is its
 * scope and, below everyone, its targets (customer groups, or customers for company lists and
 * contracts). Higher priority wins within a scope.
 */
const PriceListSchema = defineEntity({
  name: 'PriceList',
  tableName: 'price_list',
  uniques: [{ properties: ['organizationId', 'name'] }],
  checks: [{ name: 'price_list_window_check', expression: 'valid_to is null or valid_from is null or valid_to > valid_from' }],
  properties: {
    id: idColumn(),
    organizationId: () => p.manyToOne(Organization).mapToPk().fieldName('organization_id').index().deleteRule('cascade'),
    name: p.string().length(120),
    currency: p.enum(CURRENCIES),
    scope: p.enum(PRICE_LIST_SCOPES),
    priority: p.integer().default(0),
    validFrom: p.datetime().nullable(),
    validTo: p.datetime().nullable(),
    active: p.boolean().default(true),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
})
export class PriceList extends PriceListSchema.class {}
PriceListSchema.setClass(PriceList)

/** Who a group, company or contract list is for: one customer group or one customer per row. */
const PriceListTargetSchema = defineEntity({
  name: 'PriceListTarget',
  tableName: 'price_list_target',
  uniques: [{ properties: ['priceListId', 'groupId'] }, { properties: ['priceListId', 'customerId'] }],
  checks: [{ name: 'price_list_target_one_check', expression: '(group_id is null) <> (customer_id is null)' }],
  properties: {
    id: idColumn(),
    organizationId: () => p.manyToOne(Organization).mapToPk().fieldName('organization_id').index().deleteRule('cascade'),
    priceListId: () => p.manyToOne(PriceList).mapToPk().fieldName('price_list_id').index().deleteRule('cascade'),
    groupId: () => p.manyToOne(CustomerGroup).mapToPk().nullable().fieldName('group_id').index().deleteRule('cascade'),
    customerId: () => p.manyToOne(Customer).mapToPk().nullable().fieldName('customer_id').index().deleteRule('cascade'),
  },
})
export class PriceListTarget extends PriceListTargetSchema.class {}
PriceListTargetSchema.setClass(PriceListTarget)

/**
 * One offer's price in a list: tier breaks (from n units on, this unit price), or a percentage
 * off the offer's own price in basis points (1250 = 12.5 %).
 */
const PriceListEntrySchema = defineEntity({
  name: 'PriceListEntry',
  tableName: 'price_list_entry',
  uniques: [{ properties: ['priceListId', 'offerId'] }],
  // Resolution reads an offer's entries from the index alone: one index page per offer instead
  // of a heap page per entry.
  indexes: [{ name: 'price_list_entry_offer_covering_index', expression: 'create index "price_list_entry_offer_covering_index" on "price_list_entry" ("offer_id") include ("price_list_id", "percent_off_bp", "tiers")' }],
  checks: [
    { name: 'price_list_entry_one_check', expression: '(tiers is null) <> (percent_off_bp is null)' },
    { name: 'price_list_entry_percent_check', expression: 'percent_off_bp is null or (percent_off_bp > 0 and percent_off_bp <= 10000)' },
  ],
  properties: {
    id: idColumn(),
    organizationId: () => p.manyToOne(Organization).mapToPk().fieldName('organization_id').index().deleteRule('cascade'),
    priceListId: () => p.manyToOne(PriceList).mapToPk().fieldName('price_list_id').deleteRule('cascade'),
    offerId: () => p.manyToOne(Offer).mapToPk().fieldName('offer_id').deleteRule('cascade'),
    tiers: p.json<PriceTier[]>().nullable(),
    percentOffBp: p.integer().nullable(),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
})
export class PriceListEntry extends PriceListEntrySchema.class {}
PriceListEntrySchema.setClass(PriceListEntry)
