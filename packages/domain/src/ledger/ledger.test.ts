// The ledger on a real PostgreSQL: a manufacturer's online sale into a distributor's territory is
// posted as the buyer's charge against the seller's share, the operator's commission (the most
// specific rate) and the nearest authorized distributor's territory share; each group sums to
// zero; a cancellation posts it all reversed; each party reads its own account only.
import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { authorizeDistributor } from '../catalog/authorizations.ts'
import { ProductInputSchema } from '../catalog/catalog.schemas.ts'
import { saveProduct, setProductStatus } from '../catalog/products.ts'
import { ShipTo } from '../companies/ship-to.entity.ts'
import { OfferInputSchema } from '../offers/offer.schemas.ts'
import { saveOffer } from '../offers/offers.ts'
import { addToCart } from '../orders/cart.ts'
import { placeCheckout } from '../orders/checkout.ts'
import { cancelMyOrder } from '../orders/orders.ts'
import { CheckoutInputSchema } from '../orders/orders.schemas.ts'
import { createBrand, createCategory, createOrganization, createWarehouse } from '../testing/factories.ts'
import { useTestDatabase } from '../testing/test-database.ts'
import { myBalance } from './balances.ts'
import { deleteCommissionRate, listCommissionRates, myTerritoryShare, saveCommissionRate, setTerritoryShare } from './commission.ts'
import { CommissionRateInputSchema, TerritoryShareInputSchema } from './ledger.schemas.ts'
import { CommissionRate, LedgerEntry } from './ledger.entity.ts'

const db = useTestDatabase()
const unwrap = <T,>(r: { ok: true; value: T } | { ok: false; error: { code: string } }): T => {
  if (!r.ok) throw new Error(r.error.code)
  return r.value
}

describe('the ledger', () => {
  it('posts a sale into a territory as charge, seller share, commission and territory share, summing to zero, and reverses it on cancellation', async () => {
    const em = db().orm.em.fork()
    const operator = await createOrganization(em, { kind: 'operator' })
    const maker = await createOrganization(em, { kind: 'manufacturer' })
    const near = await createOrganization(em, { kind: 'distributor' })
    const far = await createOrganization(em, { kind: 'distributor' })
    const buyer = await createOrganization(em, { kind: 'buyer', roles: ['buyer'] })
    await em.execute('update organization set territory_share_bp = 1000 where id = ?', [maker.org.id])
    const category = await createCategory(em)
    const brand = await createBrand(em, maker.org)
    // Both distributors cover Hà Nội (one by province, one by a wide circle); the near one has a warehouse there.
    await createWarehouse(em, near.org, { subdivisionCode: 'VN-HN', latitude: 21.03, longitude: 105.85 })
    await createWarehouse(em, far.org, { subdivisionCode: 'VN-SG', latitude: 10.78, longitude: 106.7 })
    const makerCtx = () => db().ctx(maker.admin.actor)
    unwrap(await authorizeDistributor(makerCtx(), { distributorId: near.org.id, brandId: brand.id, subdivisions: ['VN-HN'], circles: [] }))
    unwrap(await authorizeDistributor(makerCtx(), { distributorId: far.org.id, brandId: brand.id, subdivisions: [], circles: [{ latitude: 21, longitude: 105.8, radiusKm: 50 }] }))
    // Commission: 5 % by default, 3 % on this category; another seller's own rate does not apply here.
    em.create(CommissionRate, { sellerOrgId: null, categoryId: null, rateBp: 500 })
    em.create(CommissionRate, { sellerOrgId: null, categoryId: category.id, rateBp: 300 })
    em.create(CommissionRate, { sellerOrgId: near.org.id, categoryId: null, rateBp: 100 })
    await em.flush()
    const warehouse = await createWarehouse(em, maker.org, { subdivisionCode: 'VN-HN', latitude: 21.0, longitude: 105.8 })
    const product = unwrap(await saveProduct(makerCtx(), ProductInputSchema.parse({ mpn: `LG-${randomUUID().slice(0, 6)}`, nameEn: 'Pump', nameVi: 'Bơm', brandId: brand.id, categoryId: category.id })))
    await setProductStatus(makerCtx(), product.id, 'published')
    const offer = unwrap(await saveOffer(makerCtx(), OfferInputSchema.parse({ productId: product.id, sku: `LG-${randomUUID().slice(0, 6)}`, price: '100001', currency: 'VND', stock: { [warehouse.id]: 10 } })))
    const shipTo = em.create(ShipTo, { organizationId: buyer.org.id, name: 'Site', addressLine: '1 Road', city: 'Hà Nội', subdivisionCode: 'VN-HN', country: 'VN', latitude: 21.02, longitude: 105.84 })
    await em.persist(shipTo).flush()

    const actor = buyer.members.buyer!.actor
    unwrap(await addToCart(db().ctx(actor), { offerId: offer.id, quantity: 3 }))
    const placed = unwrap(await placeCheckout(db().ctx(actor), CheckoutInputSchema.parse({ token: randomUUID(), shipToId: shipTo.id })))
    const orderId = placed.orders[0]!.id
    const entries = await db().orm.em.fork().find(LedgerEntry, { orderId }, { orderBy: { account: 'asc' } })
    // 300,003: 3 % commission is 9,000.09 → 9,000; the 10 % territory share 30,000.3 → 30,000; the seller keeps the rest.
    expect(entries.map((e) => [e.account, e.accountOrgId, e.amount])).toEqual([
      ['buyer_charge', buyer.org.id, -300_003],
      ['commission', operator.org.id, 9_000],
      ['seller_share', maker.org.id, 261_003],
      ['territory_share', near.org.id, 30_000],
    ])

    unwrap(await cancelMyOrder(db().ctx(actor), orderId))
    const sums = await db().orm.em.fork().execute<{ entry_group: string; total: string; n: string }[]>('select entry_group, sum(amount) as total, count(*) as n from ledger_entry where order_id = ? group by entry_group, currency order by entry_group', [orderId])
    expect(sums.map((s) => [s.entry_group.split(':')[0], Number(s.total), Number(s.n)])).toEqual([
      ['cancelled', 0, 4],
      ['placed', 0, 4],
    ])
    // Cancelling twice posts nothing more (the order is cancelled; its reversal exists once).
    expect((await cancelMyOrder(db().ctx(actor), orderId)).ok).toBe(false)
    expect(await db().orm.em.fork().count(LedgerEntry, { orderId })).toBe(8)

    // Each party's admins read their own account: the distributor its territory share (and its reversal), nobody else's.
    const nearBalance = await myBalance(db().ctx(near.admin.actor))
    expect(nearBalance.entries.map((e) => [e.account, e.amount.amount, e.reversal]).sort()).toEqual([
      ['territory_share', -30_000, true],
      ['territory_share', 30_000, false],
    ])
    expect(nearBalance.totals).toEqual([{ account: 'territory_share', amount: { amount: 0, currency: 'VND' } }])
    expect((await myBalance(db().ctx(far.admin.actor))).entries).toEqual([])
    expect((await myBalance(db().ctx(operator.admin.actor))).entries.every((e) => e.account === 'commission')).toBe(true)
    expect((await myBalance(db().ctx(maker.admin.actor))).entries.every((e) => e.account === 'seller_share')).toBe(true)
    // A buyer who is not an admin reads no ledger.
    expect((await myBalance(db().ctx(actor))).entries).toEqual([])
    // Postings are never changed.
    await expect(db().orm.em.fork().execute('update ledger_entry set amount = 0 where order_id = ?', [orderId])).rejects.toThrow(/append-only/)
  })

  it('lets the operator\'s admins set commission rates and manufacturers\' admins their territory share, no one else', async () => {
    const em = db().orm.em.fork()
    const operator = await createOrganization(em, { kind: 'operator', roles: ['support'] })
    const maker = await createOrganization(em, { kind: 'manufacturer', roles: ['catalog_manager'] })
    const distributor = await createOrganization(em, { kind: 'distributor' })
    const category = await createCategory(em)
    const ctx = () => db().ctx(operator.admin.actor)
    unwrap(await saveCommissionRate(ctx(), CommissionRateInputSchema.parse({ percent: '4.5' })))
    unwrap(await saveCommissionRate(ctx(), CommissionRateInputSchema.parse({ seller: maker.org.name, categoryId: category.id, percent: '2' })))
    const unknown = await saveCommissionRate(ctx(), CommissionRateInputSchema.parse({ seller: 'No such seller', percent: '1' }))
    expect(unknown.ok ? null : unknown.error.code).toBe('SELLER_UNKNOWN')
    expect(CommissionRateInputSchema.safeParse({ percent: '60' }).success).toBe(false)
    expect(CommissionRateInputSchema.safeParse({ percent: '1.234' }).success).toBe(false)
    const rates = await listCommissionRates(db().ctx(operator.members.support!.actor))
    const mine = rates.filter((r) => (!r.seller && !r.category) || r.seller?.id === maker.org.id)
    expect(mine.map((r) => [r.seller?.name ?? null, r.category?.id ?? null, r.rateBp])).toEqual([[null, null, 450], [maker.org.name, category.id, 200]])
    await expect(saveCommissionRate(db().ctx(operator.members.support!.actor), CommissionRateInputSchema.parse({ percent: '9' }))).rejects.toThrow(/FORBIDDEN/)
    await expect(saveCommissionRate(db().ctx(maker.admin.actor), CommissionRateInputSchema.parse({ percent: '0' }))).rejects.toThrow(/FORBIDDEN/)
    await expect(deleteCommissionRate(ctx(), mine[0]!.id)).rejects.toThrow(/DEFAULT_RATE_STAYS/)
    await deleteCommissionRate(ctx(), mine[1]!.id)
    expect(await db().orm.em.fork().count(CommissionRate, { sellerOrgId: maker.org.id })).toBe(0)

    unwrap(await setTerritoryShare(db().ctx(maker.admin.actor), TerritoryShareInputSchema.parse({ percent: '7.5' })))
    expect(await myTerritoryShare(db().ctx(maker.admin.actor))).toBe(750)
    await expect(setTerritoryShare(db().ctx(maker.members.catalog_manager!.actor), TerritoryShareInputSchema.parse({ percent: '50' }))).rejects.toThrow(/NOT_FOUND/)
    await expect(setTerritoryShare(db().ctx(distributor.admin.actor), TerritoryShareInputSchema.parse({ percent: '50' }))).rejects.toThrow(/FORBIDDEN/)
    expect(await myTerritoryShare(db().ctx(maker.admin.actor))).toBe(750)
  })
})
