// The demo world's first orders, placed and worked through the real use cases: Bến Thành's buyer
// bought breakers from Hà Nội Industrial Supply and Saigon Parts in one checkout (PO BT-2026-0117);
// Hà Nội Industrial Supply confirmed and shipped its order, Saigon Parts has not confirmed yet.
import type { EntityManager } from '@tradepost/domain/db'
import { createCtx } from '@tradepost/domain/ctx'
import { QUEUES, type JobQueue } from '@tradepost/domain/jobs'
import { Offer } from '@tradepost/domain/offers'
import { addToCart, Order, placeCheckout, sellerOrderStep } from '@tradepost/domain/orders'
import { Organization } from '@tradepost/domain/organizations'
import { ShipTo } from '@tradepost/domain/companies'
import { Category } from '@tradepost/domain/catalog'
import { CommissionRate } from '@tradepost/domain/ledger'
import { resolveActor, User } from '@tradepost/domain/users'

/**
 * The demo's orders happened before anyone signs in: nobody is emailed about them. Any other
 * follow-up work asked for here would be a mistake.
 */
const NO_JOBS: JobQueue = {
  send: async (_em, queue) => {
    if (queue !== QUEUES.orderNotify) throw new Error(`the demo orders do not expect a ${queue} job`)
  },
}

/**
 * The operator's commission (5 %, 4 % on pumps) and the manufacturers' rules of engagement: 8 %
 * of each online sale of Sông Hồng Electric and Mekong Pumps (10 % of Merlion Pumps') goes to the
 * distributor whose territory the buyer is in.
 */
export async function seedDemoRevenueRules(em: EntityManager): Promise<void> {
  // (Merlion Pumps came later than the rest: a demo world seeded before it gets its share too.)
  await em.nativeUpdate(Organization, { slug: 'merlion-pumps', territoryShareBp: 0 }, { territoryShareBp: 1000 })
  if (await em.count(CommissionRate, {})) return
  const pumps = await em.findOne(Category, { slug: 'pumps' })
  em.create(CommissionRate, { sellerOrgId: null, categoryId: null, rateBp: 500 })
  if (pumps) em.create(CommissionRate, { sellerOrgId: null, categoryId: pumps.id, rateBp: 400 })
  await em.flush()
  await em.nativeUpdate(Organization, { slug: { $in: ['song-hong-electric', 'mekong-pumps'] } }, { territoryShareBp: 800 })
}

export async function seedDemoOrders(em: EntityManager): Promise<void> {
  await seedDemoRevenueRules(em)
  const buyerOrg = await em.findOneOrFail(Organization, { slug: 'ben-thanh-construction' })
  if (await em.count(Order, { buyerOrgId: buyerOrg.id })) return
  const ctxAs = async (email: string, slug: string) => {
    const user = await em.findOneOrFail(User, { email })
    const org = await em.findOneOrFail(Organization, { slug })
    const actor = await resolveActor(em.fork(), { userId: user.id, activeOrganizationId: org.id, impersonatorUserId: null }, [org.kind])
    return createCtx({ actor, em: em.fork(), jobs: NO_JOBS })
  }
  const buyer = await ctxAs('buyer@benthanh.test', 'ben-thanh-construction')
  const offer = (sku: string) => em.findOneOrFail(Offer, { sku })
  for (const [sku, quantity] of [['HNIS-MCB1P32', 20], ['SGP-000263', 10]] as const) {
    const added = await addToCart(buyer, { offerId: (await offer(sku)).id, quantity })
    if (!added.ok) throw new Error(`demo orders: ${sku}: ${added.error.code}`)
  }
  const shipTo = await em.findOneOrFail(ShipTo, { organizationId: buyerOrg.id }, { orderBy: { name: 'asc' } })
  const placed = await placeCheckout(await ctxAs('buyer@benthanh.test', 'ben-thanh-construction'), { token: crypto.randomUUID(), shipToId: shipTo.id, poNumber: 'BT-2026-0117', notes: 'Deliver to the site office, gate 2.', payBy: 'terms' })
  if (!placed.ok) throw new Error(`demo orders: ${placed.error.code}`)
  const hanoi = await em.findOneOrFail(Organization, { slug: 'hanoi-industrial-supply' })
  const hanoiOrder = await em.findOneOrFail(Order, { checkoutId: placed.value.checkoutId, sellerOrgId: hanoi.id })
  const seller = await ctxAs('admin@hanoisupply.test', 'hanoi-industrial-supply')
  for (const step of [{ step: 'confirm' as const }, { step: 'ship' as const, carrier: 'Viettel Post', trackingNumber: 'VTP-58213377' }]) {
    const moved = await sellerOrderStep(seller, hanoiOrder.id, step)
    if (!moved.ok) throw new Error(`demo orders: ${moved.error.code}`)
  }
}
