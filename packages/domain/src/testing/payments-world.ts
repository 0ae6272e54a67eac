// A world for card payments: Singapore sellers (Connect works there) and a buyer shipping to
// Singapore, with the processor behind `gateway` (the local Stripe in tests).
import { randomUUID } from 'node:crypto'
import type { PaymentGateway } from '@tradepost/payments/port'
import type { Actor } from '../authz/actor.ts'
import { authorizeDistributor } from '../catalog/authorizations.ts'
import { ProductInputSchema } from '../catalog/catalog.schemas.ts'
import { saveProduct, setProductStatus } from '../catalog/products.ts'
import { ShipTo } from '../companies/ship-to.entity.ts'
import type { Ctx } from '../ctx.ts'
import { CommissionRate } from '../ledger/ledger.entity.ts'
import { OfferInputSchema } from '../offers/offer.schemas.ts'
import { saveOffer } from '../offers/offers.ts'
import { addToCart } from '../orders/cart.ts'
import { placeCheckout } from '../orders/checkout.ts'
import { CheckoutInputSchema } from '../orders/orders.schemas.ts'
import { startOnboarding } from '../payments/accounts.ts'
import { createBrand, createCategory, createOrganization, createWarehouse } from './factories.ts'
import type { TestDatabase } from './test-database.ts'

const unwrap = <T,>(r: { ok: true; value: T } | { ok: false; error: { code: string } }): T => {
  if (!r.ok) throw new Error(r.error.code)
  return r.value
}

export function paymentsWorld(db: () => TestDatabase, gateway: () => PaymentGateway) {
  const ctxOf = (actor: Actor): Ctx => ({ ...db().ctx(actor), payments: gateway() })

  /** A Singapore manufacturer and distributor (both selling in SGD), the distributor authorized for Singapore, a buyer with a ship-to there. */
  async function world(options: { stock?: number } = {}) {
    const em = db().orm.em.fork()
    await em.execute(`delete from commission_rate`)
    const operator = await createOrganization(em, { kind: 'operator' })
    const maker = await createOrganization(em, { kind: 'manufacturer', roles: ['sales'] })
    const distributor = await createOrganization(em, { kind: 'distributor' })
    const vietnamese = await createOrganization(em, { kind: 'distributor' })
    const buyer = await createOrganization(em, { kind: 'buyer', roles: ['buyer', 'viewer'] })
    await em.execute(`update organization set country = 'SG', default_currency = 'SGD' where id in (?, ?, ?)`, [maker.org.id, distributor.org.id, buyer.org.id])
    await em.execute('update organization set territory_share_bp = 1000 where id = ?', [maker.org.id])
    em.create(CommissionRate, { sellerOrgId: null, categoryId: null, rateBp: 500 })
    await em.flush()
    const category = await createCategory(em)
    const offerOf = async (seller: typeof maker, price: string) => {
      const ctx = db().ctx(seller.admin.actor)
      const brand = seller === maker ? await createBrand(em, seller.org) : null
      const warehouse = await createWarehouse(em, seller.org, { subdivisionCode: 'SG-01', latitude: 1.29, longitude: 103.85 })
      const product = unwrap(await saveProduct(ctx, ProductInputSchema.parse({ mpn: `SG-${randomUUID().slice(0, 6)}`, nameEn: 'Pump', nameVi: 'Bơm', ...(brand ? { brandId: brand.id } : {}), categoryId: category.id })))
      await setProductStatus(ctx, product.id, 'published')
      const offer = unwrap(await saveOffer(ctx, OfferInputSchema.parse({ productId: product.id, sku: `SG-${randomUUID().slice(0, 6)}`, price, currency: 'SGD', stock: { [warehouse.id]: options.stock ?? 20 } })))
      return { brand, offer }
    }
    const makerOffer = await offerOf(maker, '100.01')
    const distributorOffer = await offerOf(distributor, '45.50')
    unwrap(await authorizeDistributor(db().ctx(maker.admin.actor), { distributorId: distributor.org.id, brandId: makerOffer.brand!.id, subdivisions: ['SG-01'], circles: [] }))
    const shipTo = em.create(ShipTo, { organizationId: buyer.org.id, name: 'Jurong site', addressLine: '1 Jurong Rd', city: 'Singapore', subdivisionCode: 'SG-01', country: 'SG', latitude: 1.3, longitude: 103.8 })
    await em.persist(shipTo).flush()
    return { operator, maker, distributor, vietnamese, buyer, makerOffer, distributorOffer, shipTo }
  }

  /** Onboards through the processor's page (the local Stripe's form), then waits for its webhook. */
  async function onboard(actor: Actor, idle: () => Promise<void> = async () => {}) {
    const { url } = unwrap(await startOnboarding(ctxOf(actor), { returnUrl: 'http://portal.test/payments?return=1', refreshUrl: 'http://portal.test/payments' }))
    const submitted = await fetch(url, { method: 'POST', body: new URLSearchParams({ return_url: 'http://portal.test/payments?return=1' }), redirect: 'manual' })
    if (submitted.status !== 303) throw new Error(`onboarding answered ${submitted.status}`)
    await idle()
  }

  async function buyByCard(w: Awaited<ReturnType<typeof world>>, quantities = { maker: 3, distributor: 2 }) {
    const actor = w.buyer.members.buyer!.actor
    unwrap(await addToCart(db().ctx(actor), { offerId: w.makerOffer.offer.id, quantity: quantities.maker }))
    unwrap(await addToCart(db().ctx(actor), { offerId: w.distributorOffer.offer.id, quantity: quantities.distributor }))
    return unwrap(await placeCheckout(ctxOf(actor), CheckoutInputSchema.parse({ token: randomUUID(), shipToId: w.shipTo.id, payBy: 'card' })))
  }

  return { ctxOf, world, onboard, buyByCard }
}
