import { describe, expect, it } from 'vitest'
import { ANONYMOUS } from '../authz/actor.ts'
import { authorizeDistributor } from '../catalog/authorizations.ts'
import { ProductInputSchema } from '../catalog/catalog.schemas.ts'
import { findOfferableProducts, offerableProductNamed, saveProduct, setProductStatus } from '../catalog/products.ts'
import { buildSearchDocuments } from '../catalog/search-document.ts'
import { QUEUES } from '../jobs/outbox.ts'
import { createBrand, createCategory, createOrganization, createWarehouse } from '../testing/factories.ts'
import { useTestDatabase } from '../testing/test-database.ts'
import { OfferInputSchema } from './offer.schemas.ts'
import { saveStorefront } from '../organizations/storefronts.ts'
import { StorefrontInputSchema } from '../organizations/storefront.schemas.ts'
import { deleteOffer, getMyOffer, listMyOffers, saveOffer, setOffersStatus } from './offers.ts'
import { AuditEvent } from '../audit/audit-event.entity.ts'
import { Offer } from './offer.entity.ts'
import { getProductPage } from './product-page.ts'

const db = useTestDatabase()
const HANOI = { subdivisionCode: 'VN-HN', latitude: 21.0612, longitude: 105.8969 }
const SAIGON = { subdivisionCode: 'VN-SG', latitude: 10.8031, longitude: 106.746 }

/** A manufacturer with a brand and a published product, and two distributors with warehouses. */
async function world() {
  const em = db().orm.em.fork()
  const maker = await createOrganization(em, { kind: 'manufacturer', roles: ['sales'] })
  const north = await createOrganization(em, { kind: 'distributor' })
  const south = await createOrganization(em, { kind: 'distributor' })
  const category = await createCategory(em)
  const brand = await createBrand(em, maker.org)
  const hn = await createWarehouse(em, north.org, HANOI)
  const sg = await createWarehouse(em, south.org, SAIGON)
  const sgNorth = await createWarehouse(em, north.org, SAIGON)
  const mpn = `CB-${Math.random().toString(36).slice(2, 8).toUpperCase()}`
  const saved = await saveProduct(db().ctx(maker.admin.actor), ProductInputSchema.parse({ mpn, nameEn: 'Circuit breaker 63A', nameVi: 'Cầu dao 63A', brandId: brand.id, categoryId: category.id, attributes: { power: '63' } }))
  if (!saved.ok) throw new Error(saved.error.code)
  return { maker, north, south, category, brand, hn, sg, sgNorth, product: saved.value }
}

const offerInput = (productId: string, over: Record<string, unknown> = {}) =>
  OfferInputSchema.parse({ productId, sku: `SKU-${Math.random().toString(36).slice(2, 8)}`, price: '250,000', currency: 'VND', ...over })

describe('products', () => {
  it('refuses an unknown category, another manufacturer\'s brand, a taken part number and a bad attribute', async () => {
    const w = await world()
    const other = await createOrganization(db().orm.em.fork(), { kind: 'manufacturer' })
    const ctx = db().ctx(other.admin.actor)
    const base = { mpn: 'X-1', nameEn: 'X', nameVi: 'X', categoryId: w.category.id }
    expect(await saveProduct(ctx, ProductInputSchema.parse({ ...base, brandId: w.brand.id }))).toEqual({ ok: false, error: { code: 'BRAND_UNKNOWN', field: 'brandId' } })
    const own = await createBrand(db().orm.em.fork(), other.org)
    expect(await saveProduct(ctx, ProductInputSchema.parse({ ...base, brandId: own.id, categoryId: crypto.randomUUID() }))).toEqual({ ok: false, error: { code: 'CATEGORY_UNKNOWN', field: 'categoryId' } })
    const bad = await saveProduct(ctx, ProductInputSchema.parse({ ...base, brandId: own.id, attributes: { power: 'lots' } }))
    expect(bad.ok ? '' : bad.error.code).toBe('ATTRIBUTE_INVALID')
    expect((await saveProduct(ctx, ProductInputSchema.parse({ ...base, brandId: own.id }))).ok).toBe(true)
    expect(await saveProduct(ctx, ProductInputSchema.parse({ ...base, brandId: own.id }))).toEqual({ ok: false, error: { code: 'MPN_TAKEN', field: 'mpn' } })
  })

  it('keeps drafts invisible to everyone but their owner, and indexes through the outbox', async () => {
    const w = await world()
    await expect(getProductPage(db().ctx(ANONYMOUS), w.product.slug, null)).rejects.toMatchObject({ kind: 'not_found' })
    await expect(getProductPage(db().ctx(w.north.admin.actor), w.product.slug, null)).rejects.toMatchObject({ kind: 'not_found' })
    expect((await buildSearchDocuments(db().orm.em.fork(), [w.product.id])).removed).toEqual([w.product.id])
    const jobs = await db().boss.findJobs(QUEUES.searchIndex)
    expect(jobs.some((j) => (j.data as { productIds: string[] }).productIds.includes(w.product.id))).toBe(true)
  })

  it('lets only catalog roles of the owner change a product', async () => {
    const w = await world()
    await expect(setProductStatus(db().ctx(w.maker.members.sales!.actor), w.product.id, 'published')).rejects.toMatchObject({ kind: 'not_found' })
    await expect(setProductStatus(db().ctx(w.north.admin.actor), w.product.id, 'published')).rejects.toMatchObject({ kind: 'not_found' })
    expect((await setProductStatus(db().ctx(w.maker.admin.actor), w.product.id, 'published')).status).toBe('published')
  })
})

describe('offers', () => {
  it('needs an authorization for the brand, and stock inside its territory', async () => {
    const w = await world()
    await setProductStatus(db().ctx(w.maker.admin.actor), w.product.id, 'published')
    const north = db().ctx(w.north.admin.actor)
    expect(await saveOffer(north, offerInput(w.product.id))).toEqual({ ok: false, error: { code: 'BRAND_NOT_AUTHORIZED', field: 'productId' } })
    // The picker offers only what the seller may sell, as one types (name or part number): not yet this product.
    const picked = async (ctx: typeof north) => (await findOfferableProducts(ctx, 'circuit BREAKER')).map((p) => p.id)
    expect(await picked(north)).not.toContain(w.product.id)
    expect(await picked(db().ctx(w.maker.admin.actor))).toContain(w.product.id)

    const granted = await authorizeDistributor(db().ctx(w.maker.admin.actor), { distributorId: w.north.org.id, brandId: w.brand.id, subdivisions: ['VN-HN'], circles: [] })
    expect(granted.ok).toBe(true)
    expect(await picked(north)).toContain(w.product.id)
    expect(await picked(db().ctx(w.south.admin.actor))).not.toContain(w.product.id)
    // Without JavaScript the picker is a text field: its label, part number or name names the product; a fragment does not.
    const [suggested] = await findOfferableProducts(north, w.product.mpn.slice(0, 5).toLowerCase())
    expect(suggested?.label).toBe(`Circuit breaker 63A (${w.product.mpn})`)
    for (const typed of [suggested!.label, w.product.mpn.toLowerCase(), 'cầu dao 63a']) expect((await offerableProductNamed(north, typed))?.id, typed).toBe(w.product.id)
    expect(await offerableProductNamed(north, 'Circuit')).toBeNull()
    expect(await offerableProductNamed(db().ctx(w.south.admin.actor), w.product.mpn)).toBeNull()
    // `%` and `_` are taken literally.
    expect(await findOfferableProducts(north, '%%')).toEqual([])
    const outside = await saveOffer(north, offerInput(w.product.id, { stock: { [w.sgNorth.id]: 5 } }))
    expect(outside.ok ? '' : outside.error.code).toBe('WAREHOUSE_OUTSIDE_TERRITORY')
    const listed = await saveOffer(north, offerInput(w.product.id, { stock: { [w.hn.id]: 12 } }))
    expect(listed.ok && listed.value.price).toEqual({ amount: 250_000, currency: 'VND' })
    // A distributor cannot hold stock in another seller's warehouse.
    const foreign = await saveOffer(north, offerInput(w.product.id, { stock: { [w.sg.id]: 1 } }))
    expect(foreign.ok ? '' : foreign.error.code).toBe('WAREHOUSE_UNKNOWN')
  })

  it('refuses negative and over-precise prices, and a multiple that does not divide the MOQ', async () => {
    const w = await world()
    await setProductStatus(db().ctx(w.maker.admin.actor), w.product.id, 'published')
    const maker = db().ctx(w.maker.admin.actor)
    expect(await saveOffer(maker, offerInput(w.product.id, { price: '-5' }))).toEqual({ ok: false, error: { code: 'PRICE_NEGATIVE', field: 'price' } })
    expect(await saveOffer(maker, offerInput(w.product.id, { price: '1000.5' }))).toEqual({ ok: false, error: { code: 'PRICE_TOO_PRECISE', field: 'price' } })
    expect(await saveOffer(maker, offerInput(w.product.id, { minOrderQty: 10, orderMultiple: 3 }))).toEqual({ ok: false, error: { code: 'MULTIPLE_ABOVE_MOQ', field: 'orderMultiple' } })
    // The manufacturer sells its own product without an authorization.
    expect((await saveOffer(maker, offerInput(w.product.id))).ok).toBe(true)
  })

  it('compares every seller\'s offer on the product page, cheapest first, with distance to stock', async () => {
    const w = await world()
    await setProductStatus(db().ctx(w.maker.admin.actor), w.product.id, 'published')
    for (const [d, subdivision] of [[w.north, 'VN-HN'], [w.south, 'VN-SG']] as const) {
      await authorizeDistributor(db().ctx(w.maker.admin.actor), { distributorId: d.org.id, brandId: w.brand.id, subdivisions: [subdivision], circles: [] })
    }
    expect((await saveOffer(db().ctx(w.north.admin.actor), offerInput(w.product.id, { price: '250000', stock: { [w.hn.id]: 12 } }))).ok).toBe(true)
    expect((await saveOffer(db().ctx(w.south.admin.actor), offerInput(w.product.id, { price: '240000', leadTimeDays: 3, stock: { [w.sg.id]: 4 } }))).ok).toBe(true)

    const page = await getProductPage(db().ctx(ANONYMOUS), w.product.slug, { latitude: 21.03, longitude: 105.85 })
    expect(page.offers.map((o) => [o.seller.id, o.price!.amount, o.stockTotal, o.stockNear])).toEqual([
      [w.south.org.id, 240_000, 4, 0],
      [w.north.org.id, 250_000, 12, 12],
    ])
    expect(page.offers[1]!.nearestStockKm).toBeLessThan(10)
    expect(page.offers[0]!.nearestStockKm).toBeGreaterThan(1000)
    // Badges: the cheaper one, and the nearer and faster one.
    expect(page.offers.map((o) => o.badges)).toEqual([['lowestPrice'], ['nearestStock', 'shortestLeadTime']])
    // Once the south's prices include VAT, the two prices are no longer like for like: no lowest price.
    unwrap(await saveStorefront(db().ctx(w.south.admin.actor), StorefrontInputSchema.parse({ primaryColor: '#112233', accentColor: '#445566', pricesIncludeVat: true })))
    const vat = await getProductPage(db().ctx(ANONYMOUS), w.product.slug, { latitude: 21.03, longitude: 105.85 })
    expect(vat.offers.map((o) => [o.pricesIncludeVat, o.badges])).toEqual([[true, []], [false, ['nearestStock', 'shortestLeadTime']]])
    const indexed = await buildSearchDocuments(db().orm.em.fork(), [w.product.id])
    expect(indexed.documents[0]!.offers.find((o) => o.sellerId === w.south.org.id)!.pricesIncludeVat).toBe(true)
    const { documents } = await buildSearchDocuments(db().orm.em.fork(), [w.product.id])
    expect(documents[0]!.offers.map((o) => o.sellerId).sort()).toEqual([w.north.org.id, w.south.org.id].sort())
  })

  it('lists the seller\'s own offers by search, status and page; pauses, edits and deletes only its own', async () => {
    const w = await world()
    await setProductStatus(db().ctx(w.maker.admin.actor), w.product.id, 'published')
    await authorizeDistributor(db().ctx(w.maker.admin.actor), { distributorId: w.north.org.id, brandId: w.brand.id, subdivisions: ['VN-HN'], circles: [] })
    const north = db().ctx(w.north.admin.actor)
    const south = db().ctx(w.south.admin.actor)
    const saved = []
    for (let i = 0; i < 27; i++) {
      const r = await saveOffer(north, offerInput(w.product.id, { sku: `NORTH-${String(i).padStart(2, '0')}`, stock: { [w.hn.id]: i } }))
      if (!r.ok) throw new Error(r.error.code)
      saved.push(r.value)
    }
    const first = await listMyOffers(north)
    expect([first.total, first.rows.length, first.pageCount, first.byStatus]).toEqual([27, 25, 2, { active: 27, paused: 0 }])
    expect((await listMyOffers(north, { page: 2 })).rows).toHaveLength(2)
    // By SKU, by the product's name in Vietnamese, and by part number; "_" is a letter, not a wildcard.
    expect((await listMyOffers(north, { q: 'north-0' })).total).toBe(10)
    expect((await listMyOffers(north, { q: 'cầu dao' })).total).toBe(27)
    expect((await listMyOffers(north, { q: w.product.mpn.slice(0, 5) })).total).toBe(27)
    expect((await listMyOffers(north, { q: 'NORTH_0' })).total).toBe(0)
    expect((await listMyOffers(south)).total).toBe(0)

    // Another seller's ids are ignored; a paused offer leaves the product page and search.
    const [a, b] = [saved[0]!, saved[1]!]
    expect(await setOffersStatus(south, [a.id, b.id], 'paused')).toBe(0)
    expect(await setOffersStatus(north, [a.id, b.id], 'paused')).toBe(2)
    expect(await setOffersStatus(north, [a.id], 'paused')).toBe(0)
    const paused = await listMyOffers(north, { status: 'paused' })
    expect([paused.total, paused.byStatus]).toEqual([2, { active: 25, paused: 2 }])
    const publicSkus = async () => (await getProductPage(db().ctx(ANONYMOUS), w.product.slug, null)).offers.map((o) => o.sku)
    expect(await publicSkus()).not.toContain(a.sku)
    const { documents } = await buildSearchDocuments(db().orm.em.fork(), [w.product.id])
    expect(documents[0]!.offers).toHaveLength(25)
    expect(await db().orm.em.fork().count(AuditEvent, { organizationId: w.north.org.id, action: 'offer.paused' })).toBe(2)

    // Editing on the offer's own page may rename its SKU, but not to another offer's.
    await expect(getMyOffer(south, a.id)).rejects.toMatchObject({ kind: 'not_found' })
    const edit = (over: Record<string, unknown>) => offerInput(w.product.id, { offerId: a.id, sku: a.sku, ...over })
    expect(await saveOffer(north, edit({ sku: b.sku }))).toEqual({ ok: false, error: { code: 'SKU_TAKEN', field: 'sku' } })
    const renamed = await saveOffer(north, edit({ sku: 'NORTH-RENAMED', price: '199000' }))
    expect(renamed.ok && [renamed.value.id, renamed.value.sku, renamed.value.price.amount]).toEqual([a.id, 'NORTH-RENAMED', 199_000])
    await expect(saveOffer(south, edit({}))).rejects.toMatchObject({ kind: 'not_found' })

    // Delete: another seller's is not found and stays; one's own goes with its stock.
    await expect(deleteOffer(south, a.id)).rejects.toMatchObject({ kind: 'not_found' })
    expect(await db().orm.em.fork().count(Offer, { id: a.id })).toBe(1)
    await deleteOffer(north, a.id)
    expect(await db().orm.em.fork().count(Offer, { id: a.id })).toBe(0)
    expect((await listMyOffers(north)).total).toBe(26)
  })
})

function unwrap<T>(r: { ok: true; value: T } | { ok: false; error: { code: string } }): T {
  if (!r.ok) throw new Error(r.error.code)
  return r.value
}
