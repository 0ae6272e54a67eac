// Price resolution: the one function every page, search result, cart and checkout reads prices
// through. For a buyer (its company, the parent companies it inherits from) and a batch of
// (offer, quantity) lines it returns each unit price, the tier applied, the list that won and
// why — in one query, however many price lists there are.
import { accessibleSql } from '../authz/sql.ts'
import type { Ctx } from '../ctx.ts'
import { Offer } from '../offers/offer.entity.ts'
import { lowestPerCurrency, type Currency, type Money } from '../money.ts'
import { BUYER_CUSTOMERS_CTE, PRICE_LIST_SCOPES, type PriceListScope, type PriceTier } from './pricing.constants.ts'
import { preparedRead } from '../db/prepared.ts'

export interface PriceLine {
  offerId: string
  /** Units ordered; without it, the offer's minimum order quantity (what a "from" price means). */
  quantity?: number
}

/** A list that offers this offer a price for this buyer (its entry, how near the buyer it is assigned). */
export interface PriceCandidate {
  listId: string
  listName: string
  scope: PriceListScope
  priority: number
  /** 0: assigned to the buyer's own company (or everyone); 1: to its parent, and so on. */
  depth: number
  tiers: PriceTier[] | null
  percentOffBp: number | null
}

export type PassedOverReason = 'WEAKER_SCOPE' | 'INHERITED' | 'LOWER_PRIORITY' | 'HIGHER_PRICE' | 'SAME_PRICE' | 'BELOW_FIRST_TIER'

export interface ResolvedPrice {
  offerId: string
  quantity: number
  /** What the buyer pays per unit. */
  unit: Money
  /** The seller's own price of the offer, before any list. */
  base: Money
  /** The list whose price applies, or null: the offer's own price. */
  list: { id: string; name: string; scope: PriceListScope; priority: number; inherited: boolean } | null
  /** The break applied, for tiered entries. */
  tier: PriceTier | null
  percentOffBp: number | null
  /** Every other list that had a price for this offer, and why it did not win. */
  passedOver: { id: string; name: string; scope: PriceListScope; unit: Money | null; reason: PassedOverReason }[]
}

/** Who prices are resolved for: a buyer company (null: a visitor, or an organization that does not buy). */
export interface PriceViewer {
  buyerId: string | null
}

/** The viewer of the request: the active buyer company of the actor, if any. */
export function priceViewer(ctx: Ctx): PriceViewer {
  const m = ctx.actor.membership
  return { buyerId: m && m.organizationKind === 'buyer' && m.organizationStatus === 'active' ? m.organizationId : null }
}

const scopeRank = (scope: PriceListScope) => PRICE_LIST_SCOPES.indexOf(scope)

/** `base` less `bp` basis points, rounded half up to the minor unit (exact, whatever the size). */
export function percentOff(base: number, bp: number): number {
  const off = (BigInt(base) * BigInt(bp) + 5000n) / 10000n
  return base - Number(off)
}

/** The unit price a candidate gives at a quantity, with the break used; null below its first break. */
export function candidateUnit(base: number, quantity: number, c: Pick<PriceCandidate, 'tiers' | 'percentOffBp'>): { amount: number; tier: PriceTier | null } | null {
  if (c.percentOffBp !== null) return { amount: percentOff(base, c.percentOffBp), tier: null }
  let best: PriceTier | null = null
  for (const t of c.tiers ?? []) if (t.minQty <= quantity && (!best || t.minQty > best.minQty)) best = t
  return best ? { amount: best.amount, tier: best } : null
}

/**
 * Picks the price among the candidates: the strongest scope (contract > company > group >
 * everyone), then the buyer's own agreements before inherited ones, then the higher priority,
 * then the lower price (then the list id, so the answer never depends on row order).
 */
export function pickPrice(offerId: string, base: Money, quantity: number, candidates: PriceCandidate[]): ResolvedPrice {
  // Strongest first; a list without a price at this quantity after every list with one.
  const priced = candidates
    .map((c) => ({ c, unit: candidateUnit(base.amount, quantity, c) }))
    .sort((a, b) => Number(!a.unit) - Number(!b.unit) || scopeRank(a.c.scope) - scopeRank(b.c.scope) || a.c.depth - b.c.depth || b.c.priority - a.c.priority || (a.unit?.amount ?? 0) - (b.unit?.amount ?? 0) || (a.c.listId < b.c.listId ? -1 : a.c.listId > b.c.listId ? 1 : 0))
  const winner = priced[0]?.unit ? (priced[0] as { c: PriceCandidate; unit: NonNullable<(typeof priced)[number]['unit']> }) : undefined
  const reasonAgainst = (p: (typeof priced)[number]): PassedOverReason => {
    if (!p.unit) return 'BELOW_FIRST_TIER'
    const w = winner!
    if (scopeRank(p.c.scope) !== scopeRank(w.c.scope)) return 'WEAKER_SCOPE'
    if (p.c.depth !== w.c.depth) return 'INHERITED'
    if (p.c.priority !== w.c.priority) return 'LOWER_PRIORITY'
    return p.unit.amount === w.unit.amount ? 'SAME_PRICE' : 'HIGHER_PRICE'
  }
  return {
    offerId,
    quantity,
    unit: { amount: winner ? winner.unit.amount : base.amount, currency: base.currency },
    base,
    list: winner ? { id: winner.c.listId, name: winner.c.listName, scope: winner.c.scope, priority: winner.c.priority, inherited: winner.c.depth > 0 } : null,
    tier: winner?.unit.tier ?? null,
    percentOffBp: winner?.c.percentOffBp ?? null,
    // In the order they ranked: the nearest contenders first.
    passedOver: priced
      .filter((p) => p.c !== winner?.c)
      .map((p) => ({ id: p.c.listId, name: p.c.listName, scope: p.c.scope, unit: p.unit ? { amount: p.unit.amount, currency: base.currency } : null, reason: reasonAgainst(p) })),
  }
}

/** An offer (price, currency, minimum order) or one of its candidates (list_id and the rest). */
type CandidateRow = {
  offer_id: string
  price_amount: string | null
  currency: Currency | null
  min_order_qty: number | null
  list_id: string | null
  list_name: string | null
  scope: PriceListScope | null
  priority: number | null
  depth: number | null
  tiers: PriceTier[] | null
  percent_off_bp: number | null
}

/**
 * One round trip: the offers the actor may read, and every list of each offer's own seller that
 * is active, in the offer's own currency (never converted), valid at `at`, and for everyone or
 * (with a buyer) aimed at the buyer's chain: its company and the parents it inherits from,
 * through an approved customer relationship or its group, at the nearest depth. Nobody's chain
 * when no buyer company asks (a visitor, a seller's staff).
 *
 * It starts from the offers' entries (the index that covers them: one index page per offer, not
 * one heap page per entry) and looks up each entry's list by its key; the lists the buyer's
 * relationships reach are found beforehand and met by hash. No step reads every list of the
 * sellers, whatever number of lists they keep.
 */
const candidatesSql = (buyer: boolean, readable: string) => `${buyer ? `${BUYER_CUSTOMERS_CTE},` : 'with'}
offs as materialized (select id, organization_id, price_amount, currency, min_order_qty from offer where id = any(string_to_array(?, ',')::uuid[]) and status = 'active' and ${readable}),
${
  buyer
    ? `sellers_cust as materialized (select * from cust where organization_id in (select organization_id from offs)),
reach as materialized (
  select price_list_id as id, min(depth) as depth from (
    select t.price_list_id, cu.depth from sellers_cust cu cross join lateral (select price_list_id, organization_id from price_list_target t where t.customer_id = cu.id offset 0) t where t.organization_id = cu.organization_id
    union all
    select t.price_list_id, cu.depth from sellers_cust cu cross join lateral (select price_list_id, organization_id from price_list_target t where t.group_id = cu.group_id offset 0) t where t.organization_id = cu.organization_id
  ) x group by price_list_id
),`
    : ''
}
ents as materialized (select e.offer_id, e.price_list_id, e.tiers, e.percent_off_bp, o.organization_id, o.currency from offs o join price_list_entry e on e.offer_id = o.id),
${buyer ? `reached as materialized (select coalesce(jsonb_object_agg(id, depth), '{}'::jsonb) as depths from reach),` : ''}
cand as (
  select e.offer_id, pl.id as list_id, pl.name as list_name, pl.scope, pl.priority, ${buyer ? `case when pl.scope = 'everyone' then 0 else ((select depths from reached) ->> pl.id::text)::int end` : '0'} as depth, e.tiers, e.percent_off_bp
  from ents e
  cross join lateral (select id, name, scope, priority, organization_id, currency, active, valid_from, valid_to from price_list where id = e.price_list_id offset 0) pl
  where pl.organization_id = e.organization_id and pl.currency = e.currency and pl.active
    and (pl.valid_from is null or pl.valid_from <= ?::timestamptz) and (pl.valid_to is null or pl.valid_to > ?::timestamptz)
    and (pl.scope = 'everyone'${buyer ? ' or ((select depths from reached) ->> pl.id::text) is not null' : ''})
)
select id as offer_id, price_amount, currency, min_order_qty, null::uuid as list_id, null as list_name, null as scope, null::int as priority, null::int as depth, null::jsonb as tiers, null::int as percent_off_bp from offs
union all
select offer_id, null, null, null, list_id, list_name, scope, priority, depth, tiers, percent_off_bp from cand`

/**
 * The candidates of each offer, for the viewer, at a moment. Offers that are not active, or that
 * the actor may not read (a restricted catalog), are absent.
 */
export async function priceCandidates(ctx: Pick<Ctx, 'em' | 'ability'>, viewer: PriceViewer, offerIds: string[], at: Date): Promise<Map<string, { base: Money; minOrderQty: number; candidates: PriceCandidate[] }>> {
  const out = new Map<string, { base: Money; minOrderQty: number; candidates: PriceCandidate[] }>()
  const ids = [...new Set(offerIds)]
  if (!ids.length) return out
  // Inside a transaction (checkout) through it, so it reads its own writes. One plan serves a
  // product page's few offers and a page of search results alike: every step's shape is fixed
  // (materialized, joined by hash), so values cannot lead the planner astray.
  const readable = accessibleSql(ctx, 'read', Offer, 'id')
  const rows = await preparedRead<CandidateRow>(ctx.em, candidatesSql(!!viewer.buyerId, readable.sql), [...(viewer.buyerId ? [viewer.buyerId] : []), ids.join(','), ...readable.params, at.toISOString(), at.toISOString()])
  // The offers' rows (no list), then their candidates' rows (no price), in any order.
  for (const r of rows) if (!r.list_id) out.set(r.offer_id, { base: { amount: Number(r.price_amount), currency: r.currency! }, minOrderQty: r.min_order_qty!, candidates: [] })
  for (const r of rows) if (r.list_id) out.get(r.offer_id)!.candidates.push({ listId: r.list_id, listName: r.list_name!, scope: r.scope!, priority: r.priority!, depth: r.depth!, tiers: r.tiers, percentOffBp: r.percent_off_bp })
  return out
}

/**
 * Resolves the price of each line for the viewer (the request's own buyer company unless
 * given), in the order of the lines: null for a line whose offer is not active.
 */
export async function resolvePrices(ctx: Ctx, lines: PriceLine[], options: { viewer?: PriceViewer; at?: Date } = {}): Promise<(ResolvedPrice | null)[]> {
  const found = await priceCandidates(ctx, options.viewer ?? priceViewer(ctx), lines.map((l) => l.offerId), options.at ?? new Date())
  return lines.map((line) => {
    const offer = found.get(line.offerId)
    return offer ? pickPrice(line.offerId, offer.base, line.quantity ?? offer.minOrderQty, offer.candidates) : null
  })
}

type HitPrice = { amount: number; currency: string; vatIncluded: boolean }
type PricedHit = { offers: ({ offerId: string } & HitPrice)[]; minPrices: HitPrice[]; minPrice: HitPrice | null }

/**
 * Search hits with the viewer's own prices: each matching offer's price resolved (at its
 * minimum order quantity) in one batch, and the lowest per currency recomputed from them.
 * `personal` says whether any shown price differs from the seller's own.
 */
export async function withViewerPrices<H extends PricedHit>(ctx: Ctx, hits: H[]): Promise<{ hits: H[]; personal: boolean }> {
  const offers = hits.flatMap((h) => h.offers)
  if (!offers.length) return { hits, personal: false }
  const resolved = await resolvePrices(ctx, offers.map((o) => ({ offerId: o.offerId })))
  const unit = new Map(resolved.filter((r): r is ResolvedPrice => !!r).map((r) => [r.offerId, r.unit.amount]))
  let personal = false
  const priced = hits.map((h) => {
    const own = h.offers.map((o) => {
      const amount = unit.get(o.offerId) ?? o.amount
      if (amount !== o.amount) personal = true
      return { ...o, amount }
    })
    const minPrices = lowestPerCurrency(own.map((o) => ({ amount: o.amount, currency: o.currency, vatIncluded: o.vatIncluded })))
    return { ...h, offers: own, minPrices, minPrice: minPrices.length === 1 ? minPrices[0]! : null }
  })
  return { hits: priced, personal }
}
