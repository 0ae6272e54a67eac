import { describe, expect, it } from 'vitest'
import { ANONYMOUS } from '../authz/actor.ts'
import { authorizeDistributor } from '../catalog/authorizations.ts'
import { ProductInputSchema } from '../catalog/catalog.schemas.ts'
import { saveProduct, setProductStatus } from '../catalog/products.ts'
import { ImportJob } from '../imports/import-job.entity.ts'
import { OfferInputSchema } from '../offers/offer.schemas.ts'
import { saveOffer, setOffersStatus } from '../offers/offers.ts'
import { countStorefrontView } from '../organizations/storefront-views.ts'
import { saveStorefront } from '../organizations/storefronts.ts'
import { StorefrontInputSchema } from '../organizations/storefront.schemas.ts'
import { createBrand, createCategory, createOrganization, createWarehouse } from '../testing/factories.ts'
import { useTestDatabase } from '../testing/test-database.ts'
import { getSellerDashboard } from './seller-dashboard.ts'

const db = useTestDatabase()

describe('seller dashboard', () => {
  it('counts offers, stock by warehouse, imports, authorizations and storefront views, and ticks the first steps', async () => {
    const em = db().orm.em.fork()
    const maker = await createOrganization(em, { kind: 'manufacturer' })
    const distributor = await createOrganization(em, { kind: 'distributor' })
    const ctx = db().ctx(maker.admin.actor)

    const fresh = await getSellerDashboard(ctx)
    expect(fresh.checklist).toEqual({ storefront: false, warehouses: false, authorizations: false, firstOffer: false })
    expect([fresh.offers, fresh.views.length, fresh.views.every((v) => v.views === 0)]).toEqual([{ active: 0, paused: 0, outOfStock: 0 }, 14, true])

    const north = await createWarehouse(em, maker.org, { subdivisionCode: 'VN-HN', latitude: 21.03, longitude: 105.85, name: 'North' })
    const south = await createWarehouse(em, maker.org, { subdivisionCode: 'VN-SG', latitude: 10.8, longitude: 106.7, name: 'South' })
    const brand = await createBrand(em, maker.org)
    const category = await createCategory(em)
    const product = await saveProduct(ctx, ProductInputSchema.parse({ mpn: `D-${crypto.randomUUID().slice(0, 8)}`, nameEn: 'Pump', nameVi: 'Bơm', brandId: brand.id, categoryId: category.id }))
    if (!product.ok) throw new Error(product.error.code)
    await setProductStatus(ctx, product.value.id, 'published')
    const offer = async (sku: string, stock: Record<string, number>) => {
      const r = await saveOffer(ctx, OfferInputSchema.parse({ productId: product.value.id, sku, price: '100000', currency: 'VND', stock }))
      if (!r.ok) throw new Error(r.error.code)
      return r.value
    }
    await offer('A', { [north.id]: 5, [south.id]: 2 })
    await offer('B', { [north.id]: 0 })
    const paused = await offer('C', { [south.id]: 10 })
    await setOffersStatus(ctx, [paused.id], 'paused')
    await authorizeDistributor(ctx, { distributorId: distributor.org.id, brandId: brand.id, subdivisions: ['VN-DN'], circles: [] })
    unwrap(await saveStorefront(ctx, StorefrontInputSchema.parse({ primaryColor: '#112233', accentColor: '#445566', taglineEn: 'Pumps since 1990' })))
    await em.persist(em.create(ImportJob, { organizationId: maker.org.id, createdByUserId: maker.admin.user.id, kind: 'offers', filename: 'erp.csv', status: 'done', okRows: 3, errorRows: 1, errors: [] })).flush()
    // Three visitors count; the seller's own admin browsing the shop does not.
    for (const actor of [ANONYMOUS, ANONYMOUS, distributor.admin.actor, maker.admin.actor]) await countStorefrontView(db().ctx(actor), maker.org.id)

    const d = await getSellerDashboard(ctx)
    expect(d.offers).toEqual({ active: 2, paused: 1, outOfStock: 1 })
    expect(d.stockByWarehouse.map((w) => [w.name, w.units])).toEqual([['North', 5], ['South', 12]])
    expect(d.imports.map((j) => [j.filename, j.okRows, j.errorRows])).toEqual([['erp.csv', 3, 1]])
    expect([d.authorizations.granted, d.authorizations.received, d.authorizations.rows[0]?.distributorName]).toEqual([1, 0, distributor.org.name])
    expect(d.views.at(-1)!.views).toBe(3)
    expect(d.views.slice(0, -1).every((v) => v.views === 0)).toBe(true)
    expect(d.checklist).toEqual({ storefront: true, warehouses: true, authorizations: true, firstOffer: true })

    // The distributor sees what it received, none of the manufacturer's figures.
    const theirs = await getSellerDashboard(db().ctx(distributor.admin.actor))
    expect([theirs.offers, theirs.stockByWarehouse, theirs.imports, theirs.authorizations.received, theirs.views.at(-1)!.views]).toEqual([{ active: 0, paused: 0, outOfStock: 0 }, [], [], 1, 0])
    expect(theirs.checklist.authorizations).toBe(true)
  })
})

function unwrap<T>(r: { ok: true; value: T } | { ok: false; error: { code: string } }): T {
  if (!r.ok) throw new Error(r.error.code)
  return r.value
}
