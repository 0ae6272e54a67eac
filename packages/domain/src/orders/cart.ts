// The cart: one per person and buyer company, lines from many sellers. Every price on it comes
// from price resolution; what the buyer last saw is kept per line, so a price that changed since
// is shown and asked again, never charged silently.
import { authorize, may, scoped } from '../authz/scoped.ts'
import { accessibleSql } from '../authz/sql.ts'
import { Product } from '../catalog/product.entity.ts'
import type { Ctx } from '../ctx.ts'
import { DomainError, fail, ok, type Result } from '../errors.ts'
import type { Currency, Money } from '../money.ts'
import { Offer } from '../offers/offer.entity.ts'
import { Organization } from '../organizations/organization.entity.ts'
import { resolvePrices, type ResolvedPrice } from '../pricing/resolve.ts'
import { containsPattern, likeLiteral } from '../text.ts'
import { CartLine } from './cart-line.entity.ts'
import { Order, OrderLine } from './order.entity.ts'
import { CART_MAX_LINES, CART_MAX_QUANTITY } from './orders.constants.ts'
import type { AddToCartInput, CartQuantityInput, QuickOrderInput } from './orders.schemas.ts'
import { preparedRead } from '../db/prepared.ts'
import { sqlArray } from '../db/sql-array.ts'

/** What is wrong with a line, as the cart shows it; checkout refuses a cart with any. */
export type CartLineIssue =
  | { code: 'UNAVAILABLE' }
  | { code: 'PRICE_ON_REQUEST' }
  | { code: 'BELOW_MOQ'; minOrderQty: number }
  | { code: 'NOT_MULTIPLE'; orderMultiple: number; minOrderQty: number }
  | { code: 'OUT_OF_STOCK'; available: number }
  | { code: 'PRICE_CHANGED'; seen: Money }

export interface CartLineDto {
  id: string
  offerId: string
  sku: string
  product: { slug: string; name: { en: string; vi: string }; mpn: string } | null
  categoryId: string | null
  quantity: number
  minOrderQty: number
  orderMultiple: number
  /** Today's unit price for this buyer at this quantity (null: the offer is gone). */
  unit: Money | null
  lineTotal: Money | null
  priceList: string | null
  issues: CartLineIssue[]
}

/** The lines of one seller in one currency: they become one order. */
export interface CartGroupDto {
  seller: { id: string; name: string; slug: string }
  currency: Currency
  lines: CartLineDto[]
  subtotal: Money
}

export interface CartDto {
  groups: CartGroupDto[]
  /** Lines whose offer is gone or no longer readable: they can only be removed. */
  unavailable: CartLineDto[]
  lineCount: number
  /** One total per currency: amounts in different currencies are never added up. */
  totals: Money[]
  /** Any line with an issue (checkout is refused until the buyer resolves it). */
  hasIssues: boolean
  /** Some price changed since the buyer saw it: "accept the new prices" is offered. */
  priceChanged: boolean
}

/** The buyer company and person whose cart it is; refused unless the actor may fill a cart. */
export function cartOwner(ctx: Ctx): { buyerOrgId: string; userId: string } {
  const owner = buyingAs(ctx)
  if (!owner) throw new DomainError('forbidden', 'FORBIDDEN')
  return owner
}

/** The cart the actor would fill, or null when it may not buy (a visitor, a seller's staff). */
function buyingAs(ctx: Ctx): { buyerOrgId: string; userId: string } | null {
  const m = ctx.actor.membership
  if (!ctx.actor.userId || !m || m.organizationKind !== 'buyer' || m.organizationStatus !== 'active') return null
  const owner = { buyerOrgId: m.organizationId, userId: ctx.actor.userId }
  return may(ctx, 'create', CartLine, owner) ? owner : null
}

/** Whether the actor may fill a cart at all (to show "add to cart"). */
export function canBuy(ctx: Ctx): boolean {
  return buyingAs(ctx) !== null
}

function lineIssues(line: CartLineRead, offer: CartOfferRead | undefined, price: ResolvedPrice | null, stock: number): CartLineIssue[] {
  if (!offer || !price) return [{ code: 'UNAVAILABLE' }]
  if (offer.priceOnRequest) return [{ code: 'PRICE_ON_REQUEST' }]
  const issues: CartLineIssue[] = []
  if (line.quantity < offer.minOrderQty) issues.push({ code: 'BELOW_MOQ', minOrderQty: offer.minOrderQty })
  else if ((line.quantity - offer.minOrderQty) % offer.orderMultiple !== 0) issues.push({ code: 'NOT_MULTIPLE', orderMultiple: offer.orderMultiple, minOrderQty: offer.minOrderQty })
  if (stock < line.quantity) issues.push({ code: 'OUT_OF_STOCK', available: stock })
  if (price.unit.amount !== line.seenUnitAmount || price.unit.currency !== line.seenCurrency) issues.push({ code: 'PRICE_CHANGED', seen: { amount: line.seenUnitAmount, currency: line.seenCurrency } })
  return issues
}

/** Units on hand of each offer, over all its seller's warehouses. */
export async function stockOf(ctx: Ctx, offerIds: string[]): Promise<Map<string, number>> {
  if (!offerIds.length) return new Map()
  const rows = await preparedRead<{ offer_id: string; units: string }>(ctx.em, `select offer_id, sum(quantity) as units from offer_stock where offer_id = any(?::uuid[]) group by offer_id`, [sqlArray(offerIds)])
  return new Map(rows.map((r) => [r.offer_id, Number(r.units)]))
}

/** What the cart reads of a line, its offer, the offer's product and its seller. */
export type CartLineRead = Pick<CartLine, 'id' | 'offerId' | 'quantity' | 'seenUnitAmount' | 'seenCurrency'>
export type CartOfferRead = Pick<Offer, 'id' | 'productId' | 'organizationId' | 'sku' | 'minOrderQty' | 'orderMultiple' | 'priceOnRequest'>
export type CartProductRead = Pick<Product, 'id' | 'slug' | 'nameEn' | 'nameVi' | 'mpn' | 'categoryId' | 'brandId'>
export type CartSellerRead = Pick<Organization, 'id' | 'name' | 'slug' | 'kind' | 'territoryShareBp'>

export interface LoadedCart {
  dto: CartDto
  lines: CartLineRead[]
  offers: Map<string, CartOfferRead>
  prices: Map<string, ResolvedPrice>
  products: Map<string, CartProductRead>
  sellers: Map<string, CartSellerRead>
}

type CartRow = {
  id: string
  offer_id: string
  quantity: number
  seen_unit_amount: string
  seen_currency: Currency
  product_id: string | null
  organization_id: string | null
  sku: string | null
  min_order_qty: number | null
  order_multiple: number | null
  price_on_request: boolean | null
  slug: string | null
  name_en: string | null
  name_vi: string | null
  mpn: string | null
  category_id: string | null
  brand_id: string | null
  seller_name: string | null
  seller_slug: string | null
  seller_kind: Organization['kind'] | null
  territory_share_bp: number | null
}

/**
 * The actor's cart lines, oldest first, each with its offer when the buyer may read it and it is
 * active (a paused, restricted or removed one is unavailable), the offer's product and its seller:
 * one statement, through the ability like the scoped reader.
 */
async function readCart(ctx: Ctx, owner: { buyerOrgId: string; userId: string }) {
  const readableOffer = accessibleSql(ctx, 'read', Offer, 'o.id')
  const readableLine = accessibleSql(ctx, 'read', CartLine, 'c.id')
  const rows = await preparedRead<CartRow>(
    ctx.em,
    `select c.id, c.offer_id, c.quantity, c.seen_unit_amount, c.seen_currency,
            o.product_id, o.organization_id, o.sku, o.min_order_qty, o.order_multiple, o.price_on_request,
            p.slug, p.name_en, p.name_vi, p.mpn, p.category_id, p.brand_id,
            s.name as seller_name, s.slug as seller_slug, s.kind as seller_kind, s.territory_share_bp
       from cart_line c
       left join offer o on o.id = c.offer_id and o.status = 'active' and ${readableOffer.sql}
       left join product p on p.id = o.product_id
       left join organization s on s.id = o.organization_id
      where c.buyer_org_id = ? and c.user_id = ? and ${readableLine.sql}
      order by c.created_at, c.id`,
    [...readableOffer.params, owner.buyerOrgId, owner.userId, ...readableLine.params],
  )
  const lines: CartLineRead[] = []
  const offers = new Map<string, CartOfferRead>()
  const products = new Map<string, CartProductRead>()
  const sellers = new Map<string, CartSellerRead>()
  for (const r of rows) {
    lines.push({ id: r.id, offerId: r.offer_id, quantity: r.quantity, seenUnitAmount: Number(r.seen_unit_amount), seenCurrency: r.seen_currency })
    if (r.product_id === null || r.organization_id === null) continue
    offers.set(r.offer_id, { id: r.offer_id, productId: r.product_id, organizationId: r.organization_id, sku: r.sku!, minOrderQty: r.min_order_qty!, orderMultiple: r.order_multiple!, priceOnRequest: r.price_on_request! })
    if (r.slug !== null) products.set(r.product_id, { id: r.product_id, slug: r.slug, nameEn: r.name_en!, nameVi: r.name_vi!, mpn: r.mpn!, categoryId: r.category_id!, brandId: r.brand_id })
    if (r.seller_name !== null) sellers.set(r.organization_id, { id: r.organization_id, name: r.seller_name, slug: r.seller_slug!, kind: r.seller_kind!, territoryShareBp: r.territory_share_bp! })
  }
  return { lines, offers, products, sellers }
}

/**
 * The lines as the cart shows and checkout places them: priced now, checked, by seller and
 * currency. `stock: false` leaves units on hand unread (checkout takes them under lock instead,
 * and refuses what is not there).
 */
export async function loadCart(ctx: Ctx, options: { stock?: boolean } = {}): Promise<LoadedCart> {
  const owner = cartOwner(ctx)
  const { lines, offers, products, sellers } = await readCart(ctx, owner)
  const offerIds = lines.map((l) => l.offerId)
  const [resolved, stock] = await Promise.all([
    resolvePrices(ctx, lines.map((l) => ({ offerId: l.offerId, quantity: l.quantity }))),
    options.stock === false ? null : stockOf(ctx, offerIds),
  ])
  const prices = new Map(resolved.filter((r): r is ResolvedPrice => !!r).map((r) => [r.offerId, r]))
  const groups = new Map<string, CartGroupDto>()
  const unavailable: CartLineDto[] = []
  for (const line of lines) {
    const offer = offers.get(line.offerId)
    const price = offer ? (prices.get(line.offerId) ?? null) : null
    const product = offer ? products.get(offer.productId) : undefined
    const issues = lineIssues(line, offer, price, stock ? (stock.get(line.offerId) ?? 0) : Infinity)
    const unit = price && !offer?.priceOnRequest ? price.unit : null
    const dto: CartLineDto = {
      id: line.id,
      offerId: line.offerId,
      sku: offer?.sku ?? '',
      product: product ? { slug: product.slug, name: { en: product.nameEn, vi: product.nameVi }, mpn: product.mpn } : null,
      categoryId: product?.categoryId ?? null,
      quantity: line.quantity,
      minOrderQty: offer?.minOrderQty ?? 1,
      orderMultiple: offer?.orderMultiple ?? 1,
      unit,
      lineTotal: unit ? { amount: unit.amount * line.quantity, currency: unit.currency } : null,
      priceList: price?.list?.name ?? null,
      issues,
    }
    if (!offer || !unit) {
      unavailable.push(dto)
      continue
    }
    const seller = sellers.get(offer.organizationId)!
    const key = `${seller.id}:${unit.currency}`
    let group = groups.get(key)
    if (!group) groups.set(key, (group = { seller: { id: seller.id, name: seller.name, slug: seller.slug }, currency: unit.currency, lines: [], subtotal: { amount: 0, currency: unit.currency } }))
    group.lines.push(dto)
    group.subtotal.amount += dto.lineTotal!.amount
  }
  const sorted = [...groups.values()].sort((a, b) => a.seller.name.localeCompare(b.seller.name) || a.currency.localeCompare(b.currency))
  const totals = new Map<Currency, number>()
  for (const g of sorted) totals.set(g.currency, (totals.get(g.currency) ?? 0) + g.subtotal.amount)
  const all = [...sorted.flatMap((g) => g.lines), ...unavailable]
  const dto: CartDto = {
    groups: sorted,
    unavailable,
    lineCount: lines.length,
    totals: [...totals].map(([currency, amount]) => ({ amount, currency })),
    hasIssues: all.some((l) => l.issues.length > 0),
    priceChanged: all.some((l) => l.issues.some((i) => i.code === 'PRICE_CHANGED')),
  }
  return { dto, lines, offers, prices, products, sellers }
}

export const getCart = async (ctx: Ctx): Promise<CartDto> => (await loadCart(ctx)).dto

/**
 * Adds units of offers the buyer may read to the cart (more of a line already there), each at
 * the price the buyer is now shown for the new quantity, in one round of pricing and one
 * statement: a line already there is added to in the database (`quantity + n`), so adds at once
 * (a double click, two tabs) all count, on one line. When another add landed in between, the
 * quantity is the sum and the cart asks the buyer to accept the price at it (never charged
 * silently).
 */
async function addLines(ctx: Ctx, wanted: { offer: Offer; quantity: number }[]): Promise<Result<{ lineIds: string[] }, 'PRICE_ON_REQUEST' | 'CART_FULL'>> {
  const owner = cartOwner(ctx)
  if (wanted.some((w) => w.offer.priceOnRequest)) return fail('PRICE_ON_REQUEST', { field: 'quantity' })
  const existing = new Map((await scoped(ctx).find(CartLine, owner)).map((l) => [l.offerId, l]))
  const added = new Map<string, number>()
  for (const w of wanted) added.set(w.offer.id, (added.get(w.offer.id) ?? 0) + w.quantity)
  const ids = [...added.keys()]
  if (existing.size + ids.filter((id) => !existing.has(id)).length > CART_MAX_LINES) return fail('CART_FULL', { field: 'quantity' })
  for (const id of ids) {
    const line = existing.get(id)
    if (line) authorize(ctx, 'update', line)
  }
  const total = (offerId: string) => Math.min((existing.get(offerId)?.quantity ?? 0) + added.get(offerId)!, CART_MAX_QUANTITY)
  const prices = await resolvePrices(ctx, ids.map((offerId) => ({ offerId, quantity: total(offerId) })))
  if (prices.some((p) => !p)) throw new DomainError('not_found', 'NOT_FOUND')
  const rows = await ctx.em.execute<{ id: string; offer_id: string }[]>(
    `insert into cart_line (id, buyer_org_id, user_id, offer_id, quantity, seen_unit_amount, seen_currency, created_at, updated_at)
     select gen_random_uuid(), ?, ?, a.offer_id, least(a.quantity, ?), a.amount, a.currency, now(), now()
       from unnest(?::uuid[], ?::int[], ?::bigint[], ?::text[]) as a(offer_id, quantity, amount, currency)
     on conflict (user_id, buyer_org_id, offer_id) do update set quantity = least(cart_line.quantity + excluded.quantity, ?),
       seen_unit_amount = excluded.seen_unit_amount, seen_currency = excluded.seen_currency, updated_at = now()
     returning id, offer_id`,
    [owner.buyerOrgId, owner.userId, CART_MAX_QUANTITY, sqlArray(ids), sqlArray(ids.map((id) => Math.min(added.get(id)!, CART_MAX_QUANTITY))), sqlArray(prices.map((p) => p!.unit.amount)), sqlArray(prices.map((p) => p!.unit.currency)), CART_MAX_QUANTITY],
  )
  const lineOf = new Map(rows.map((r) => [r.offer_id, r.id]))
  return ok({ lineIds: ids.map((id) => lineOf.get(id)!) })
}

/** Adds an offer the buyer may see to the cart. */
export async function addToCart(ctx: Ctx, input: AddToCartInput): Promise<Result<{ lineIds: string[] }, 'PRICE_ON_REQUEST' | 'CART_FULL'>> {
  cartOwner(ctx)
  const offer = await scoped(ctx).findOneOrThrow(Offer, { id: input.offerId, status: 'active' })
  return addLines(ctx, [{ offer, quantity: input.quantity }])
}

/**
 * One-click reorder: the lines of one of the company's orders go back into the cart at today's
 * prices (the cart shows them); lines whose offer is gone or no longer for the buyer are skipped
 * and counted.
 */
export async function reorder(ctx: Ctx, orderId: string): Promise<Result<{ added: number; skipped: number }, 'NOTHING_TO_REORDER' | 'PRICE_ON_REQUEST' | 'CART_FULL'>> {
  const owner = cartOwner(ctx)
  const order = await scoped(ctx).findOneOrThrow(Order, { id: orderId, buyerOrgId: owner.buyerOrgId })
  const lines = await ctx.em.find(OrderLine, { orderId: order.id })
  const offerIds = lines.flatMap((l) => (l.offerId ? [l.offerId] : []))
  const offers = new Map((offerIds.length ? await scoped(ctx).find(Offer, { id: { $in: offerIds }, status: 'active', priceOnRequest: false }) : []).map((o) => [o.id, o]))
  const wanted = lines.flatMap((l) => (l.offerId && offers.has(l.offerId) ? [{ offer: offers.get(l.offerId)!, quantity: l.quantity }] : []))
  if (!wanted.length) return fail('NOTHING_TO_REORDER', { field: 'intent' })
  const added = await addLines(ctx, wanted)
  return added.ok ? ok({ added: wanted.length, skipped: lines.length - wanted.length }) : added
}

/**
 * Changes a line's quantity (0 removes it). The price shown for the new quantity is the one the
 * buyer now sees, so it becomes the line's seen price.
 */
export async function setCartQuantity(ctx: Ctx, input: CartQuantityInput): Promise<void> {
  const owner = cartOwner(ctx)
  const line = await scoped(ctx).findOneOrThrow(CartLine, { id: input.lineId, ...owner }, 'update')
  if (input.quantity === 0) {
    ctx.em.remove(line)
  } else {
    line.quantity = input.quantity
    const [price] = await resolvePrices(ctx, [{ offerId: line.offerId, quantity: input.quantity }])
    if (price) {
      line.seenUnitAmount = price.unit.amount
      line.seenCurrency = price.unit.currency
    }
  }
  await ctx.em.flush()
}

/** The buyer has seen today's prices: every line's seen price becomes its current one. */
export async function acceptCartPrices(ctx: Ctx): Promise<void> {
  const owner = cartOwner(ctx)
  const lines = await scoped(ctx).find(CartLine, owner, {}, 'update')
  const prices = await resolvePrices(ctx, lines.map((l) => ({ offerId: l.offerId, quantity: l.quantity })))
  lines.forEach((line, i) => {
    const price = prices[i]
    if (!price) return
    line.seenUnitAmount = price.unit.amount
    line.seenCurrency = price.unit.currency
  })
  await ctx.em.flush()
}

export interface QuickOrderSuggestion {
  offerId: string
  sku: string
  seller: string
  product: { en: string; vi: string }
  mpn: string
}

export interface QuickOrderProblem {
  /** 1-based, as the buyer typed it. */
  line: number
  text: string
  code: 'QUANTITY_INVALID' | 'NOT_FOUND' | 'AMBIGUOUS' | 'PRICE_ON_REQUEST'
  suggestions: QuickOrderSuggestion[]
}

/** One typed line: a code (a seller's SKU or a part number) and a quantity after it (1 if none). */
function parseQuickLine(text: string): { code: string; quantity: number } | null {
  const m = /^(.*?)(?:[\s,;\t]+(\d+))?$/.exec(text.trim())
  if (!m || !m[1]!.trim()) return null
  const code = m[1]!.trim().replace(/[,;]+$/, '').trim()
  const quantity = m[2] === undefined ? 1 : Number(m[2])
  if (!code || !Number.isSafeInteger(quantity) || quantity < 1 || quantity > 1_000_000) return null
  return { code, quantity }
}

/**
 * Quick order: each line names a seller's SKU or a product's part number and a quantity. A line
 * that names exactly one offer the buyer may buy is added; the others come back with what they
 * might have meant (offers whose SKU or part number contains what was typed), and nothing of a
 * paste is added unless every line is understood.
 */
export async function quickOrder(ctx: Ctx, input: QuickOrderInput): Promise<Result<{ added: number }, 'QUICK_ORDER_PROBLEMS' | 'CART_FULL' | 'PRICE_ON_REQUEST'> & { problems?: QuickOrderProblem[] }> {
  cartOwner(ctx)
  const typed = input.lines.split(/\r?\n/).map((text, i) => ({ line: i + 1, text: text.trim() })).filter((l) => l.text)
  const problems: QuickOrderProblem[] = []
  const wanted: { offer: Offer; quantity: number }[] = []
  for (const t of typed) {
    const parsed = parseQuickLine(t.text)
    if (!parsed) {
      problems.push({ line: t.line, text: t.text, code: 'QUANTITY_INVALID', suggestions: [] })
      continue
    }
    const matches = await matchOffers(ctx, parsed.code)
    if (matches.exact.length === 1) {
      if (matches.exact[0]!.priceOnRequest) problems.push({ line: t.line, text: t.text, code: 'PRICE_ON_REQUEST', suggestions: [] })
      else wanted.push({ offer: matches.exact[0]!, quantity: parsed.quantity })
    } else {
      const candidates = matches.exact.length ? matches.exact : matches.partial
      problems.push({ line: t.line, text: t.text, code: matches.exact.length ? 'AMBIGUOUS' : 'NOT_FOUND', suggestions: await suggestionsFor(ctx, candidates) })
    }
  }
  if (problems.length) return { ok: false, error: { code: 'QUICK_ORDER_PROBLEMS', field: 'lines' }, problems }
  const added = await addLines(ctx, wanted)
  return added.ok ? ok({ added: wanted.length }) : added
}

/** Offers the buyer may read whose SKU, or whose product's part number, is the code (exact), or contains it. */
async function matchOffers(ctx: Ctx, code: string): Promise<{ exact: Offer[]; partial: Offer[] }> {
  const bySku = await scoped(ctx).find(Offer, { sku: { $ilike: likeLiteral(code) }, status: 'active', priceOnRequest: false }, { limit: 5, orderBy: { id: 'asc' } })
  if (bySku.length) return { exact: bySku, partial: [] }
  const products = await scoped(ctx).find(Product, { mpn: { $ilike: likeLiteral(code) } }, { limit: 5 })
  const byMpn = products.length ? await scoped(ctx).find(Offer, { productId: { $in: products.map((p) => p.id) }, status: 'active', priceOnRequest: false }, { limit: 5, orderBy: { id: 'asc' } }) : []
  if (byMpn.length) return { exact: byMpn, partial: [] }
  const pattern = containsPattern(code)
  const partialProducts = await scoped(ctx).find(Product, { mpn: { $ilike: pattern } }, { limit: 5 })
  const partial = await scoped(ctx).find(
    Offer,
    { $or: [{ sku: { $ilike: pattern } }, ...(partialProducts.length ? [{ productId: { $in: partialProducts.map((p) => p.id) } }] : [])], status: 'active', priceOnRequest: false },
    { limit: 5, orderBy: { sku: 'asc', id: 'asc' } },
  )
  return { exact: [], partial }
}

async function suggestionsFor(ctx: Ctx, offers: Offer[]): Promise<QuickOrderSuggestion[]> {
  if (!offers.length) return []
  const [products, sellers] = await Promise.all([
    ctx.em.find(Product, { id: { $in: offers.map((o) => o.productId) } }),
    ctx.em.find(Organization, { id: { $in: offers.map((o) => o.organizationId) } }),
  ])
  const product = new Map(products.map((p) => [p.id, p]))
  const seller = new Map(sellers.map((s) => [s.id, s]))
  return offers.map((o) => ({ offerId: o.id, sku: o.sku, seller: seller.get(o.organizationId)?.name ?? '', product: { en: product.get(o.productId)?.nameEn ?? '', vi: product.get(o.productId)?.nameVi ?? '' }, mpn: product.get(o.productId)?.mpn ?? '' }))
}
