import { defineEntity, p } from '@mikro-orm/core'
import { createdAtColumn, idColumn, updatedAtColumn } from '../db/columns.ts'

import { LOCALES, ORGANIZATION_KINDS, ORGANIZATION_STATUSES } from './organization.constants.ts'

export { LOCALES, ORGANIZATION_KINDS, ORGANIZATION_STATUSES }
export type { Locale, OrganizationKind, OrganizationStatus } from './organization.constants.ts'

const OrganizationSchema = defineEntity({
  name: 'Organization',
  tableName: 'organization',
  checks: [
    { name: 'organization_buys_for_check', expression: "buys_for_id is null or kind = 'buyer'" },
    { name: 'organization_territory_share_check', expression: 'territory_share_bp >= 0 and territory_share_bp <= 5000' },
  ],
  properties: {
    id: idColumn(),
    kind: p.enum(ORGANIZATION_KINDS).index(),
    name: p.string().length(200),
    slug: p.string().length(80).unique(),
    country: p.string().length(2),
    defaultCurrency: p.string().length(3),
    locale: p.enum(LOCALES).default('en'),
    status: p.enum(ORGANIZATION_STATUSES).index(),
    parentId: () => p.manyToOne(Organization).mapToPk().nullable().fieldName('parent_id').index(),
    /** A child company gets the price agreements its parent has with each seller (its own come first). */
    inheritPrices: p.boolean().default(false),
    /**
     * A manufacturer's share of each online sale, in basis points, paid to the authorized
     * distributor whose territory the buyer's ship-to lies in (its rules of engagement).
     */
    territoryShareBp: p.integer().default(0).fieldName('territory_share_bp'),
    /** A seller's own buying organization: the company it buys as in the marketplace (decision 009). */
    buysForId: () => p.manyToOne(Organization).mapToPk().nullable().unique().fieldName('buys_for_id'),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
})

export class Organization extends OrganizationSchema.class {}
OrganizationSchema.setClass(Organization)
