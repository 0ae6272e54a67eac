import { defineEntity, p } from '@mikro-orm/core'
import { createdAtColumn, idColumn } from '../db/columns.ts'
import { Offer } from '../offers/offer.entity.ts'
import { Organization } from '../organizations/organization.entity.ts'
import { User } from '../users/user.entity.ts'
import { QUOTE_REQUEST_STATUSES } from './quotes.constants.ts'

/**
 * A buyer's request for a price on a "call for price" offer. It belongs to two tenants: the
 * seller that answers it and the buyer company that asked. Answering with a quote comes with
 * the RFQ work; for now it is recorded and listed for the seller.
 */
const QuoteRequestSchema = defineEntity({
  name: 'QuoteRequest',
  tableName: 'quote_request',
  // One open request per person and offer: a double submit finds the first.
  uniques: [{ name: 'quote_request_open_unique', expression: `create unique index "quote_request_open_unique" on "quote_request" ("user_id", "offer_id") where "status" = 'open'` }],
  properties: {
    id: idColumn(),
    sellerOrgId: () => p.manyToOne(Organization).mapToPk().fieldName('seller_org_id').index().deleteRule('cascade'),
    buyerOrgId: () => p.manyToOne(Organization).mapToPk().fieldName('buyer_org_id').index().deleteRule('cascade'),
    userId: () => p.manyToOne(User).mapToPk().fieldName('user_id').deleteRule('cascade'),
    offerId: () => p.manyToOne(Offer).mapToPk().fieldName('offer_id').index().deleteRule('cascade'),
    quantity: p.integer(),
    message: p.text().default(''),
    status: p.enum(QUOTE_REQUEST_STATUSES).default('open'),
    createdAt: createdAtColumn(),
  },
})
export class QuoteRequest extends QuoteRequestSchema.class {}
QuoteRequestSchema.setClass(QuoteRequest)
