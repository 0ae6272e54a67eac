// "Why this price", for the seller: what one of its customers pays for one of its offers, which
// list gives it and why the others do not, and whether that customer sees the offer at all.
import { scoped } from '../authz/scoped.ts'
import type { Ctx } from '../ctx.ts'
import { fail, ok, type Result } from '../errors.ts'
import { Offer } from '../offers/offer.entity.ts'
import { buyerAudience, offerVisibleTo } from '../offers/visibility.ts'
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
