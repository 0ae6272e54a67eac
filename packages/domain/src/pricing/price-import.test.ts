import { describe, expect, it } from 'vitest'
import { ProductInputSchema } from '../catalog/catalog.schemas.ts'
import { saveProduct, setProductStatus } from '../catalog/products.ts'
import { exportPricesCsv, runImport, startImport } from '../imports/csv-import.ts'
import { OfferInputSchema } from '../offers/offer.schemas.ts'
import { saveOffer } from '../offers/offers.ts'
import { createBrand, createCategory, createOrganization } from '../testing/factories.ts'
import { useTestDatabase } from '../testing/test-database.ts'
import { PriceListEntry } from './price-list.entity.ts'
import { savePriceList } from './price-lists.ts'
import { PriceListInputSchema } from './pricing.schemas.ts'

const db = useTestDatabase()
const utf8 = (s: string) => new TextEncoder().encode(s)

describe('price-list CSV', () => {
  it('imports prices by list name and SKU, reports each bad line with its column, and exports what it imports', async () => {
    const em = db().orm.em.fork()
    const seller = await createOrganization(em, { kind: 'manufacturer', roles: ['catalog_manager'] })
    const admin = db().ctx(seller.admin.actor)
    const brand = await createBrand(em, seller.org)
    const category = await createCategory(em)
    const product = await saveProduct(admin, ProductInputSchema.parse({ mpn: `PX-${Date.now()}`, nameEn: 'Breaker', nameVi: 'Cầu dao', brandId: brand.id, categoryId: category.id }))
    if (!product.ok) throw new Error(product.error.code)
    await setProductStatus(admin, product.value.id, 'published')
    const sku = `BRK-${Date.now().toString(36)}`
    for (const [s, price, currency, condition] of [[sku, '200,000', 'VND', 'new'], [`${sku}-US`, '9.50', 'USD', 'refurbished']] as const) {
      const offer = await saveOffer(admin, OfferInputSchema.parse({ productId: product.value.id, sku: s, price, currency, condition }))
      if (!offer.ok) throw new Error(offer.error.code)
    }
    for (const name of ['Dealers', 'Promo']) {
      const list = await savePriceList(admin, PriceListInputSchema.parse({ name, currency: 'VND', scope: 'everyone', active: true }))
      if (!list.ok) throw new Error(list.error.code)
    }
    // 38 good rows (the same price set again and again: an upsert), then the bad ones from line 40.
    const header = 'price_list,sku,min_qty,price,percent_off,min_qty_2,price_2'
    const good = Array.from({ length: 38 }, (_, i) => `Dealers,${sku},1,"${190_000 - i}",,50,"180,000"`)
    const csv = [
      header,
      ...good,
      `Dealers,${sku},1,19O.000,,,`, // line 40: a letter O in the amount
      `Dealers,NO-SUCH-SKU,1,100,,,`,
      `Nowhere,${sku},1,100,,,`,
      `Dealers,${sku}-US,1,9,,,`, // a USD offer in a VND list: never converted
      `Dealers,${sku},1,100,,1,90`, // two tiers from 1
      `Promo,${sku},,,12.5,,`,
      `Promo,${sku},1,"100,000",,10,"150,000.5"`,
    ].join('\n')
    const started = await startImport(admin, 'prices', { filename: 'prices.csv', bytes: utf8(csv) })
    if (!started.ok) throw new Error(started.error.code)
    const done = await runImport(admin, started.value.id)
    expect([done.status, done.okRows, done.errorRows]).toEqual(['done', 39, 6])
    expect(done.errors.map((e) => [e.line, e.field, e.code])).toEqual([
      [40, 'price', 'PRICE_INVALID'],
      [41, 'sku', 'OFFER_UNKNOWN'],
      [42, 'price_list', 'PRICE_LIST_UNKNOWN'],
      [43, 'sku', 'ENTRY_CURRENCY_MISMATCH'],
      [44, 'min_qty_2', 'TIERS_OVERLAP'],
      [46, 'price_2', 'PRICE_INVALID'],
    ])
    // The last good row of Dealers won; Promo has its percentage; nothing of a bad row was saved.
    const entries = await em.fork().find(PriceListEntry, { organizationId: seller.org.id }, { orderBy: { percentOffBp: 'asc' } })
    expect(entries.map((e) => [e.tiers, e.percentOffBp])).toEqual([[null, 1250], [[{ minQty: 1, amount: 190_000 - 37 }, { minQty: 50, amount: 180_000 }], null]])

    // Catalog staff may not touch prices.
    await expect(startImport(db().ctx(seller.members.catalog_manager!.actor), 'prices', { filename: 'p.csv', bytes: utf8(header) })).rejects.toMatchObject({ kind: 'forbidden' })

    // Export, import again: the same file.
    const exported = await exportPricesCsv(admin)
    expect(exported.split('\n')[0]).toBe('price_list,sku,min_qty,price,percent_off,min_qty_2,price_2,min_qty_3,price_3,min_qty_4,price_4')
    const again = await startImport(admin, 'prices', { filename: 'again.csv', bytes: utf8(exported) })
    if (!again.ok) throw new Error(again.error.code)
    expect((await runImport(admin, again.value.id)).errorRows).toBe(0)
    expect(await exportPricesCsv(admin)).toBe(exported)
  })
})
