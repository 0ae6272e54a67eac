// Who sees an offer: one definition. The ability's public read rule of offers is built here;
// raw SQL reads derive their filter from the ability (authz/sql.ts), and the search document
// builder takes the listed offers with their audiences, which the search engines match against
// the viewer's audiences (`searchViewer`). A property test over random worlds holds every read
// path to the ability.
import type { EntityManager } from '@mikro-orm/postgresql'
import type { Actor } from '../authz/actor.ts'
import { BUYER_CUSTOMERS_CTE } from '../pricing/pricing.constants.ts'
import { preparedRead } from '../db/prepared.ts'

/** Everyone's audience: an offer for everyone carries it, and so does every viewer. */
export const PUBLIC_AUDIENCE = 'public'

/** The audience of a seller's customer group, and of one of its customers (a buyer company). */
export const groupAudience = (groupId: string) => `group:${groupId}`
export const customerAudience = (customerId: string) => `customer:${customerId}`

/** What puts an offer on the market at all: active, of an active seller. */
export const OFFER_LISTED = { status: 'active', sellerActive: true } as const

/**
 * The public read rule of offers: listed, and meant for one of the viewer's audiences (CASL's
 * `$in` on an array field means "shares an element", which SQL reads as an overlap).
 */
export function offerReadRule(audience: readonly string[]) {
  return { ...OFFER_LISTED, visibleTo: { $in: [...audience] } }
}

/** Columns holding arrays: their `$in` conditions become `$overlap` in SQL. */
export const ARRAY_FIELDS: ReadonlySet<string> = new Set(['visibleTo'])

/** The audiences of an actor: everyone's, and those its buyer company was given (absent: everyone's only). */
export function audienceOf(actor: Actor): readonly string[] {
  return actor.audience ?? [PUBLIC_AUDIENCE]
}

/**
 * The audiences of a buyer company: everyone's, and for each approved customer relationship of
 * the company and of the parents whose agreements it inherits, the customer and its group. The
 * same chain prices follow, so a child that inherits its parent's contract also sees the offers
 * restricted to its parent.
 */
export async function buyerAudience(em: EntityManager, buyerId: string): Promise<string[]> {
  const rows = await preparedRead<{ tag: string }>(em, `${BUYER_CUSTOMERS_CTE} ${AUDIENCE_TAGS_SQL} order by 1`, [buyerId])
  return buyerAudienceOf(rows.map((r) => r.tag))
}

/** The audience tags (`customer:<id>`, `group:<id>`) of the relationships in `cust` (after `BUYER_CUSTOMERS_CTE`), one per row. */
export const AUDIENCE_TAGS_SQL = `select 'customer:' || id as tag from cust union select 'group:' || group_id from cust where group_id is not null`

/** A buyer company's audiences from its relationships' tags: everyone's offers, and those meant for it. */
export function buyerAudienceOf(tags: string[]): string[] {
  return [PUBLIC_AUDIENCE, ...tags]
}

/**
 * What the search engines need to know of the viewer, built by the domain from the actor: its
 * audiences (which offers it may see) and whether it is signed in (which prices it may see).
 */
export interface SearchViewer {
  audience: string[]
  signedIn: boolean
}

export function searchViewer(actor: Actor): SearchViewer {
  return { audience: [...audienceOf(actor)], signedIn: actor.userId !== null }
}

/** An offer as a search document holds it: whom it is for and how its price is shown. */
export interface OfferExposure {
  visibleTo?: string[]
  priceOnRequest?: boolean
  pricesSignedInOnly?: boolean
}

/** The viewer may see the offer (documents indexed before audiences existed are for everyone). */
export function offerVisibleTo(viewer: SearchViewer, offer: OfferExposure): boolean {
  const to = offer.visibleTo ?? [PUBLIC_AUDIENCE]
  return to.some((a) => viewer.audience.includes(a))
}

/** The viewer may see the offer's price: not a call for price, and not kept for signed-in buyers from a visitor. */
export function offerPriceShownTo(viewer: SearchViewer, offer: OfferExposure): boolean {
  return !offer.priceOnRequest && (viewer.signedIn || !offer.pricesSignedInOnly)
}
