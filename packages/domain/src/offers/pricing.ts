import type { Ctx } from '../ctx.ts'
import type { Money } from '../money.ts'
import type { Offer } from './offer.entity.ts'

/**
 * The price the actor pays for an offer. Today the seller's base price for everyone; contract
 * price lists replace this one function (the comparison and search read prices through it).
 */
export function priceFor(_ctx: Ctx, offer: Pick<Offer, 'priceAmount' | 'currency'>): Money {
  return { amount: offer.priceAmount, currency: offer.currency }
}
