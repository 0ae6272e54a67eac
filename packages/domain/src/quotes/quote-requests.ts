// Quote requests: a buyer asks a seller for a price on a "call for price" offer.
import { recordAudit } from '../audit/record-audit.ts'
import { authorize, may, scoped } from '../authz/scoped.ts'
import { Product } from '../catalog/product.entity.ts'
import type { Ctx } from '../ctx.ts'
import { DomainError, fail, ok, type Result } from '../errors.ts'
import { Offer } from '../offers/offer.entity.ts'
import { Organization } from '../organizations/organization.entity.ts'
import { User } from '../users/user.entity.ts'
import { QuoteRequest } from './quote-request.entity.ts'
import type { QuoteRequestStatus } from './quotes.constants.ts'
import type { QuoteRequestInput } from './quotes.schemas.ts'

/**
 * Asks the seller of an offer the buyer may see, and whose price is on request, for a quote.
 * Recorded in the audit log of both organizations. Asking again while a request is open answers
 * with that request (a double submit, or a second click).
 */
export async function requestQuote(ctx: Ctx, input: QuoteRequestInput): Promise<Result<{ id: string; seller: string }, 'NOT_PRICE_ON_REQUEST'>> {
  const m = ctx.actor.membership
  if (!ctx.actor.userId || !m || m.organizationKind !== 'buyer') throw new DomainError('forbidden', 'FORBIDDEN')
  return ctx.em.transactional(async (em) => {
    const tx = { ...ctx, em }
    // An offer the buyer may not see is not found, whatever it is.
    const offer = await scoped(tx).findOneOrThrow(Offer, { id: input.offerId })
    if (!offer.priceOnRequest) return fail('NOT_PRICE_ON_REQUEST', { field: 'quantity' })
    const seller = await em.findOneOrFail(Organization, { id: offer.organizationId })
    const open = await em.findOne(QuoteRequest, { userId: ctx.actor.userId!, offerId: offer.id, status: 'open' })
    if (open) return ok({ id: open.id, seller: seller.name })
    const request = em.create(QuoteRequest, { sellerOrgId: offer.organizationId, buyerOrgId: m.organizationId, userId: ctx.actor.userId!, offerId: offer.id, quantity: input.quantity, message: input.message })
    authorize(tx, 'create', request)
    const details = { sku: offer.sku, quantity: input.quantity }
    recordAudit(tx, { organizationId: m.organizationId, action: 'quote_request.created', subjectType: 'QuoteRequest', subjectId: request.id, details })
    recordAudit(tx, { organizationId: offer.organizationId, action: 'quote_request.created', subjectType: 'QuoteRequest', subjectId: request.id, details })
    await em.flush()
    return ok({ id: request.id, seller: seller.name })
  })
}

export interface QuoteRequestRow {
  id: string
  buyer: { id: string; name: string }
  requestedBy: { name: string; email: string }
  offer: { id: string; sku: string; productName: { en: string; vi: string } }
  quantity: number
  message: string
  status: QuoteRequestStatus
  createdAt: string
}

/** The quote requests the seller received, newest first. */
export async function listReceivedQuoteRequests(ctx: Ctx): Promise<QuoteRequestRow[]> {
  const org = ctx.actor.membership?.organizationId
  if (!org) return []
  const requests = await scoped(ctx).find(QuoteRequest, { sellerOrgId: org }, { orderBy: { createdAt: 'desc', id: 'asc' }, limit: 200 })
  if (!requests.length) return []
  const [buyers, users, offers] = await Promise.all([
    ctx.em.find(Organization, { id: { $in: [...new Set(requests.map((r) => r.buyerOrgId))] } }),
    ctx.em.find(User, { id: { $in: [...new Set(requests.map((r) => r.userId))] } }),
    scoped(ctx).find(Offer, { id: { $in: [...new Set(requests.map((r) => r.offerId))] } }),
  ])
  const products = new Map((offers.length ? await ctx.em.find(Product, { id: { $in: offers.map((o) => o.productId) } }) : []).map((p) => [p.id, p]))
  const buyer = new Map(buyers.map((b) => [b.id, b]))
  const user = new Map(users.map((u) => [u.id, u]))
  const offer = new Map(offers.map((o) => [o.id, o]))
  return requests.map((r) => {
    const o = offer.get(r.offerId)
    const p = o ? products.get(o.productId) : undefined
    return {
      id: r.id,
      buyer: { id: r.buyerOrgId, name: buyer.get(r.buyerOrgId)?.name ?? '' },
      requestedBy: { name: user.get(r.userId)?.name ?? '', email: user.get(r.userId)?.email ?? '' },
      offer: { id: r.offerId, sku: o?.sku ?? '', productName: { en: p?.nameEn ?? '', vi: p?.nameVi ?? '' } },
      quantity: r.quantity,
      message: r.message,
      status: r.status,
      createdAt: r.createdAt.toISOString(),
    }
  })
}

/** Whether the actor may ask for quotes: yes, not before signing in, or not at all (a viewer; no buyer company). */
export function quoteRequestAccess(ctx: Ctx): 'yes' | 'signIn' | 'no' {
  if (!ctx.actor.userId) return 'signIn'
  const m = ctx.actor.membership
  return m && may(ctx, 'create', QuoteRequest, { buyerOrgId: m.organizationId }) ? 'yes' : 'no'
}
