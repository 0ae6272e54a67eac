import { describe, expect, it } from 'vitest'
import { authorizeDistributor } from '../catalog/authorizations.ts'
import { ProductInputSchema } from '../catalog/catalog.schemas.ts'
import { saveProduct, setProductStatus } from '../catalog/products.ts'
import { AuditEvent } from '../audit/audit-event.entity.ts'
import { Product } from '../catalog/product.entity.ts'
import { OfferStock } from '../offers/offer-stock.entity.ts'
import { Offer } from '../offers/offer.entity.ts'
import { createBrand, createCategory, createOrganization, createWarehouse } from '../testing/factories.ts'
import { useTestDatabase } from '../testing/test-database.ts'
import { checkHeader, decodeUpload, exportOffersCsv, exportProductsCsv, getImport, MAX_IMPORT_ROWS, runImport, startImport } from './csv-import.ts'

const db = useTestDatabase()
const utf8 = (s: string) => new TextEncoder().encode(s)

async function world() {
  const em = db().orm.em.fork()
  const maker = await createOrganization(em, { kind: 'manufacturer' })
  const seller = await createOrganization(em, { kind: 'distributor', roles: ['fulfillment'] })
  const brand = await createBrand(em, maker.org)
  const category = await createCategory(em)
  const warehouse = await createWarehouse(em, seller.org, { subdivisionCode: 'VN-HN', latitude: 21.06, longitude: 105.9, name: 'Kho Long Biên' })
  const mpns = ['A-1', 'A-2']
  for (const mpn of mpns) {
    const p = await saveProduct(db().ctx(maker.admin.actor), ProductInputSchema.parse({ mpn, nameEn: mpn, nameVi: mpn, brandId: brand.id, categoryId: category.id }))
    if (!p.ok) throw new Error(p.error.code)
    await setProductStatus(db().ctx(maker.admin.actor), p.value.id, 'published')
  }
  await authorizeDistributor(db().ctx(maker.admin.actor), { distributorId: seller.org.id, brandId: brand.id, subdivisions: ['VN-HN'], circles: [] })
  return { maker, seller, brand, warehouse, category }
}

describe('offer import', () => {
  it('keeps the good rows and reports each bad one with its line number', async () => {
    const w = await world()
    const csv = [
      'sku,brand,mpn,price,currency,min_order_qty,order_multiple,lead_time_days,condition,stock:Kho Long Biên',
      `S-1,${w.brand.slug},A-1,"1,250,000",VND,1,1,2,new,40`,
      `S-2,${w.brand.slug},A-404,100000,VND,1,1,2,new,1`,
      `S-3,${w.brand.slug},A-2,-5,VND,1,1,2,new,1`,
      `S-4,${w.brand.slug},A-2,99000.5,VND,1,1,2,new,1`,
      `S-5,${w.brand.slug},A-2,99000,VND,1,1,2,new,7`,
      // The same SKU again in the file: the later row wins; for another product it is refused.
      `S-5,${w.brand.slug},A-2,98000,VND,1,1,2,new,9`,
      `S-5,${w.brand.slug},A-1,97000,VND,1,1,2,new,9`,
    ].join('\n')
    const started = await startImport(db().ctx(w.seller.admin.actor), 'offers', { filename: 'offers.csv', bytes: utf8(csv) })
    if (!started.ok) throw new Error(started.error.code)
    expect(started.value).toMatchObject({ status: 'queued', totalRows: 7 })
    const done = await runImport(db().ctx(w.seller.admin.actor), started.value.id)
    expect(done).toMatchObject({ status: 'done', processedRows: 7, okRows: 3, errorRows: 4 })
    // Each refused row with its SKU; an unknown part number is named.
    expect(done.errors.map((e) => [e.line, e.key, e.code])).toEqual([
      [3, 'S-2', 'PRODUCT_NOT_FOUND'],
      [4, 'S-3', 'PRICE_NEGATIVE'],
      [5, 'S-4', 'PRICE_TOO_PRECISE'],
      [8, 'S-5', 'SKU_TAKEN'],
    ])
    expect(done.errors[0]!.params).toEqual({ mpn: 'A-404' })
    const em = db().orm.em.fork()
    // A check of the same file refuses the same rows and saves nothing (the prices stay as imported).
    const check = await startImport(db().ctx(w.seller.admin.actor), 'offers', { filename: 'check.csv', bytes: utf8(csv.replace('"1,250,000"', '"1,111,000"')) }, { checkOnly: true })
    if (!check.ok) throw new Error(check.error.code)
    const checked = await runImport(db().ctx(w.seller.admin.actor), check.value.id)
    expect(checked).toMatchObject({ status: 'done', checkOnly: true, okRows: 3, errorRows: 4 })
    expect(checked.errors.map((e) => e.code)).toEqual(['PRODUCT_NOT_FOUND', 'PRICE_NEGATIVE', 'PRICE_TOO_PRECISE', 'SKU_TAKEN'])
    const offers = await em.find(Offer, { organizationId: w.seller.org.id }, { orderBy: { sku: 'asc' } })
    expect(offers.map((o) => [o.sku, o.priceAmount])).toEqual([['S-1', 1_250_000], ['S-5', 98_000]])
    expect((await em.find(OfferStock, { offerId: offers[0]!.id }))[0]!.quantity).toBe(40)
    expect((await em.find(OfferStock, { offerId: offers[1]!.id }))[0]!.quantity).toBe(9)

    // Export gives the same file back, which imports again without changes.
    const exported = await exportOffersCsv(db().ctx(w.seller.admin.actor))
    expect(exported.split('\n')[1]).toBe(`S-1,${w.brand.slug},A-1,1250000,VND,1,1,2,new,40`)
    const again = await startImport(db().ctx(w.seller.admin.actor), 'offers', { filename: 'again.csv', bytes: utf8(exported) })
    if (!again.ok) throw new Error(again.error.code)
    expect(await runImport(db().ctx(w.seller.admin.actor), again.value.id)).toMatchObject({ okRows: 2, errorRows: 0 })
  })

  it('refuses a wrong header, a non-UTF-8 file and an empty one, whole, before storing anything', async () => {
    const w = await world()
    const ctx = db().ctx(w.seller.admin.actor)
    const header = await startImport(ctx, 'offers', { filename: 'x.csv', bytes: utf8('sku,brand,mpn,cost\nS-1,b,m,1\n') })
    expect(header.ok ? '' : header.error).toMatchObject({ code: 'HEADER_INVALID', params: { missing: 'price, currency, min_order_qty, order_multiple, lead_time_days, condition', unknown: 'cost' } })
    const latin1 = new Uint8Array([...utf8('sku,brand,mpn,price,currency,min_order_qty,order_multiple,lead_time_days,condition\nS-1,b,'), 0xe0, 0x0a])
    expect(await startImport(ctx, 'offers', { filename: 'x.csv', bytes: latin1 })).toEqual({ ok: false, error: { code: 'FILE_NOT_UTF8', field: 'file' } })
    expect(decodeUpload(new Uint8Array())).toEqual({ ok: false, error: { code: 'FILE_EMPTY', field: 'file' } })
    const tooMany = ['sku,brand,mpn,price,currency,min_order_qty,order_multiple,lead_time_days,condition', ...Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => `S${i},b,m,1,VND,1,1,1,new`)].join('\n')
    expect(checkHeader('offers', tooMany, [])).toEqual({ ok: false, error: { code: 'TOO_MANY_ROWS', field: 'file', params: { rows: MAX_IMPORT_ROWS + 1, max: MAX_IMPORT_ROWS } } })
  })

  it('imports products by part number, with attributes and status, and reports bad rows', async () => {
    const w = await world()
    const csv = [
      'mpn,brand,category,name_en,name_vi,description_en,description_vi,gtin,unit,pack_size,status,attr:power',
      `P-1,${w.brand.slug},${w.category.slug},Pump one,Bơm một,,,,piece,1,published,750`,
      `P-2,${w.brand.slug},${w.category.slug},Pump two,Bơm hai,,,,piece,1,draft,lots`,
      `P-3,other-brand,${w.category.slug},Pump three,Bơm ba,,,,piece,1,draft,1`,
      `P-4,${w.brand.slug},no-such-category,Pump four,Bơm bốn,,,,piece,1,draft,1`,
    ].join('\n')
    const started = await startImport(db().ctx(w.maker.admin.actor), 'products', { filename: 'products.csv', bytes: utf8(csv) })
    if (!started.ok) throw new Error(started.error.code)
    const done = await runImport(db().ctx(w.maker.admin.actor), started.value.id)
    expect(done.errors.map((e) => [e.line, e.code])).toEqual([[3, 'ATTRIBUTE_INVALID'], [4, 'BRAND_UNKNOWN'], [5, 'CATEGORY_UNKNOWN']])
    const product = await db().orm.em.fork().findOneOrFail(Product, { organizationId: w.maker.org.id, mpn: 'P-1' })
    expect(product).toMatchObject({ status: 'published', attributes: { power: 750 } })
    // The form audits each product it saves; an import is audited once, not row by row.
    const audited = async (action: string) => db().orm.em.fork().count(AuditEvent, { organizationId: w.maker.org.id, action })
    expect([await audited('product.created'), await audited('import.finished')]).toEqual([2, 1])
    // The export is in the import format: importing it again changes nothing and refuses nothing.
    const exported = await exportProductsCsv(db().ctx(w.maker.admin.actor))
    expect(exported.split('\n').slice(0, 2)).toEqual([
      'mpn,brand,category,name_en,name_vi,description_en,description_vi,gtin,unit,pack_size,status,attr:power',
      `A-1,${w.brand.slug},${w.category.slug},A-1,A-1,,,,piece,1,published,`,
    ])
    expect(exported).toContain(`P-1,${w.brand.slug},${w.category.slug},Pump one,Bơm một,,,,piece,1,published,750`)
    const again = await startImport(db().ctx(w.maker.admin.actor), 'products', { filename: 'export.csv', bytes: utf8(exported) })
    if (!again.ok) throw new Error(again.error.code)
    const reimported = await runImport(db().ctx(w.maker.admin.actor), again.value.id)
    expect(reimported).toMatchObject({ okRows: 3, errorRows: 0 })
    expect(await exportProductsCsv(db().ctx(w.maker.admin.actor))).toBe(exported)
    // Another organization's export holds none of these.
    expect(await exportProductsCsv(db().ctx(w.seller.admin.actor))).not.toContain('P-1')

    // Another manufacturer's product of the same name and part number gets a slug of its own.
    const other = await createOrganization(db().orm.em.fork(), { kind: 'manufacturer' })
    const otherBrand = await createBrand(db().orm.em.fork(), other.org)
    const twin = await startImport(db().ctx(other.admin.actor), 'products', {
      filename: 'twin.csv',
      bytes: utf8(['mpn,brand,category,name_en,name_vi,description_en,description_vi,gtin,unit,pack_size,status', `P-1,${otherBrand.slug},${w.category.slug},Pump one,Bơm một,,,,piece,1,published`].join('\n')),
    })
    if (!twin.ok) throw new Error(twin.error.code)
    expect(await runImport(db().ctx(other.admin.actor), twin.value.id)).toMatchObject({ okRows: 1, errorRows: 0 })
    const twins = await db().orm.em.fork().find(Product, { mpn: 'P-1' }, { orderBy: { createdAt: 'asc' } })
    expect(twins.map((p) => p.slug)).toEqual(['pump-one-p-1', 'pump-one-p-1-2'])
    // Distributors cannot import another manufacturer's products, and sales roles no products at all.
    await expect(startImport(db().ctx(w.seller.members.fulfillment!.actor), 'products', { filename: 'x.csv', bytes: utf8(csv) })).rejects.toMatchObject({ kind: 'forbidden' })
  })

  it('is only for the seller\'s offer roles, and an import is invisible to other organizations', async () => {
    const w = await world()
    await expect(startImport(db().ctx(w.seller.members.fulfillment!.actor), 'offers', { filename: 'x.csv', bytes: utf8('sku') })).rejects.toMatchObject({ kind: 'forbidden' })
    const started = await startImport(db().ctx(w.seller.admin.actor), 'offers', { filename: 'o.csv', bytes: utf8('sku,brand,mpn,price,currency,min_order_qty,order_multiple,lead_time_days,condition\n') })
    if (!started.ok) throw new Error(started.error.code)
    const other = await createOrganization(db().orm.em.fork(), { kind: 'distributor' })
    await expect(getImport(db().ctx(other.admin.actor), started.value.id)).rejects.toMatchObject({ kind: 'not_found' })
  })
})

describe('exports', () => {
  it('neutralize cells a spreadsheet would run as formulas, and still round-trip', async () => {
    const w = await world()
    // (Names are trimmed when saved, so a leading tab or carriage return cannot get this far.)
    const hostile = ['=HYPERLINK("http://evil.example","x")', '+1+1', '-2+3', '@SUM(A1)']
    for (const [i, name] of hostile.entries()) {
      const p = await saveProduct(db().ctx(w.maker.admin.actor), ProductInputSchema.parse({ mpn: `F-${i}`, nameEn: name, nameVi: 'ok', brandId: w.brand.id, categoryId: w.category.id }))
      if (!p.ok) throw new Error(p.error.code)
    }
    const exported = await exportProductsCsv(db().ctx(w.maker.admin.actor))
    const { parse } = await import('csv-parse/sync')
    const rows = parse(exported, { columns: true }) as Record<string, string>[]
    for (const row of rows.filter((r) => r.mpn!.startsWith('F-'))) expect(row.name_en!.startsWith("'"), row.name_en).toBe(true)
    expect(rows.every((r) => !/^[=+\-@\t\r]/.test(r.name_en!))).toBe(true)
    // Importing the export changes nothing: the leading quote is taken off again.
    const again = await startImport(db().ctx(w.maker.admin.actor), 'products', { filename: 'again.csv', bytes: utf8(exported) })
    if (!again.ok) throw new Error(again.error.code)
    expect(await runImport(db().ctx(w.maker.admin.actor), again.value.id)).toMatchObject({ errorRows: 0 })
    const names = (await db().orm.em.fork().find(Product, { mpn: { $like: 'F-%' } }, { orderBy: { mpn: 'asc' } })).map((p) => p.nameEn)
    expect(names).toEqual(hostile)
  })

  it('streams many offers a batch at a time, every one exactly once', async () => {
    const w = await world()
    const em = db().orm.em.fork()
    const product = await em.findOneOrFail(Product, { mpn: 'A-1', brandId: w.brand.id })
    // 2,500 offers (more than two batches), written directly.
    await em.getConnection().execute(
      `insert into offer (id, organization_id, product_id, sku, price_amount, currency, min_order_qty, order_multiple, lead_time_days, condition, status, created_at, updated_at)
       select gen_random_uuid(), ?, ?, 'BULK-' || lpad(g::text, 5, '0'), 1000 + g, 'VND', 1, 1, 0, 'new', 'active', now(), now() from generate_series(1, 2500) g`,
      [w.seller.org.id, product.id],
    )
    await em.getConnection().execute(`insert into offer_stock (id, organization_id, offer_id, warehouse_id, quantity, updated_at) select gen_random_uuid(), organization_id, id, ?, 3, now() from offer where sku like 'BULK-%'`, [w.warehouse.id])
    const { offersCsvChunks } = await import('./csv-import.ts')
    const chunks: string[] = []
    for await (const chunk of offersCsvChunks(db().ctx(w.seller.admin.actor))) chunks.push(chunk)
    expect(chunks.length).toBeGreaterThanOrEqual(4) // the header, then three batches
    const lines = chunks.join('').trim().split('\n').slice(1)
    expect(lines).toHaveLength(2500)
    expect(new Set(lines.map((l) => l.split(',')[0])).size).toBe(2500)
    expect(lines[0]).toBe(`BULK-00001,${w.brand.slug},A-1,1001,VND,1,1,0,new,3`)
  })
})

