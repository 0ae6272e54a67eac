// "Why this price": for a buyer, what they pay for an offer at a quantity, which list gives it and
// why every other list does not; for the seller, the same for one of its customers, and whether
// that customer sees the offer at all.
import { accessibleSql } from '../authz/sql.ts'
import { scoped } from '../authz/scoped.ts'
import { Product } from '../catalog/product.entity.ts'
import type { Ctx } from '../ctx.ts'
import { preparedRead } from '../db/prepared.ts'
import { DomainError, fail, ok, type Result } from '../errors.ts'
import { Offer } from '../offers/offer.entity.ts'
import { buyerAudience, offerPriceShownTo, offerVisibleTo, searchViewer } from '../offers/visibility.ts'
import { Customer } from './customer.entity.ts'
import { sellerOf } from './customers.ts'
import { resolvePrices, type ResolvedPrice } from './resolve.ts'

export interface CustomerPriceDto {
  sku: string
  price: ResolvedPrice
  /** Whether the customer's company sees the offer (a restricted catalog may keep it from them). */
  visible: boolean
  priceOnRequest: boolean
}

/**
 * What one of the seller's customers pays for one of its offers at a quantity (at its minimum
 * order without one), through the same resolution buyers' pages use.
 */
export async function explainCustomerPrice(ctx: Ctx, input: { customerId: string; sku: string; quantity?: number }): Promise<Result<CustomerPriceDto, 'CUSTOMER_UNKNOWN' | 'OFFER_UNKNOWN' | 'OFFER_NOT_ACTIVE'>> {
  const seller = sellerOf(ctx)
  const customer = await scoped(ctx).findOne(Customer, { id: input.customerId, organizationId: seller })
  if (!customer) return fail('CUSTOMER_UNKNOWN', { field: 'customer' })
  const offer = await scoped(ctx).findOne(Offer, { organizationId: seller, sku: input.sku.trim() })
  if (!offer) return fail('OFFER_UNKNOWN', { field: 'sku', params: { sku: input.sku.trim() } })
  const [price] = await resolvePrices(ctx, [{ offerId: offer.id, quantity: input.quantity }], { viewer: { buyerId: customer.buyerId } })
  if (!price) return fail('OFFER_NOT_ACTIVE', { field: 'sku' })
  const audience = await buyerAudience(ctx.em, customer.buyerId)
  return ok({ sku: offer.sku, price, visible: offerVisibleTo({ audience, signedIn: true }, offer), priceOnRequest: offer.priceOnRequest })
}

export interface OfferPriceDto {
  product: { slug: string; name: { en: string; vi: string } }
  offer: { offerId: string; sku: string; seller: { name: string; slug: string }; minOrderQty: number; orderMultiple: number; pricesIncludeVat: boolean }
  /** At the quantity asked for (the minimum order without one), with every list passed over. */
  price: ResolvedPrice
}

/**
 * What the viewer pays for one offer of a product at a quantity, and why: the list that gives the
 * price and every other list with a price for it (the product page names only the winner). An
 * offer the viewer may not read, not active, of another product, or "call for price" is not
 * found; a price kept for signed-in buyers asks a visitor to sign in.
 */
export async function explainOfferPrice(ctx: Ctx, input: { slug: string; offerId: string; quantity?: number }): Promise<Result<OfferPriceDto, 'SIGN_IN_TO_SEE_PRICES'>> {
  const readableOffer = accessibleSql(ctx, 'read', Offer, 'o.id')
  const readableProduct = accessibleSql(ctx, 'read', Product, 'p.id')
  const [row] = await preparedRead<{ sku: string; min_order_qty: number; order_multiple: number; price_on_request: boolean; slug: string; name_en: string; name_vi: string; seller_name: string; seller_slug: string; prices_include_vat: boolean | null; prices_signed_in_only: boolean | null }>(
    ctx.em,
    `select o.sku, o.min_order_qty, o.order_multiple, o.price_on_request, p.slug, p.name_en, p.name_vi, org.name as seller_name, org.slug as seller_slug, sf.prices_include_vat, sf.prices_signed_in_only
     from offer o
     join product p on p.id = o.product_id
     join organization org on org.id = o.organization_id
     left join storefront sf on sf.organization_id = o.organization_id
     where o.id = ? and p.slug = ? and o.status = 'active' and ${readableOffer.sql} and ${readableProduct.sql}`,
    [input.offerId, input.slug, ...readableOffer.params, ...readableProduct.params],
  )
  // Not found and not allowed look the same from outside; a quote-only offer has no price to explain.
  if (!row || row.price_on_request) throw new DomainError('not_found', 'NOT_FOUND')
  if (!offerPriceShownTo(searchViewer(ctx.actor), { pricesSignedInOnly: row.prices_signed_in_only ?? false })) return fail('SIGN_IN_TO_SEE_PRICES')
  const [price] = await resolvePrices(ctx, [{ offerId: input.offerId, quantity: input.quantity }])
  if (!price) throw new DomainError('not_found', 'NOT_FOUND')
  return ok({
    product: { slug: row.slug, name: { en: row.name_en, vi: row.name_vi } },
    offer: { offerId: input.offerId, sku: row.sku, seller: { name: row.seller_name, slug: row.seller_slug }, minOrderQty: row.min_order_qty, orderMultiple: row.order_multiple, pricesIncludeVat: row.prices_include_vat ?? false },
    price,
  })
}
