import { describe, expect, it } from 'vitest'
import { ANONYMOUS } from '../authz/actor.ts'
import { ProductInputSchema } from '../catalog/catalog.schemas.ts'
import { saveProduct, setProductStatus } from '../catalog/products.ts'
import { OfferInputSchema } from '../offers/offer.schemas.ts'
import { saveOffer } from '../offers/offers.ts'
import { getProductPage } from '../offers/product-page.ts'
import { Organization } from '../organizations/organization.entity.ts'
import { createBrand, createCategory, createOrganization } from '../testing/factories.ts'
import { useTestDatabase } from '../testing/test-database.ts'
import { Customer } from './customer.entity.ts'
import { deleteCustomerGroup, findBuyerCompanies, listMyCustomers, saveCustomer, saveCustomerGroup } from './customers.ts'
import { PriceList, PriceListEntry } from './price-list.entity.ts'
import { getMyPriceList, listMyPriceLists, savePriceEntry, savePriceList } from './price-lists.ts'
import { CustomerInputSchema, PriceEntryInputSchema, PriceListInputSchema } from './pricing.schemas.ts'
import { percentOff, resolvePrices, withViewerPrices } from './resolve.ts'
import { explainOfferPrice } from './explain.ts'
import { Offer } from '../offers/offer.entity.ts'
import { StorefrontInputSchema } from '../organizations/storefront.schemas.ts'
import { saveStorefront } from '../organizations/storefronts.ts'
import type { PostgreSqlConnection } from '@mikro-orm/postgresql'

const db = useTestDatabase()
const unwrap = <T>(r: { ok: true; value: T } | { ok: false; error: { code: string } }): T => {
  if (!r.ok) throw new Error(r.error.code)
  return r.value
}

/** A manufacturer selling its own product (VND and USD offers), and three buyer companies. */
async function world() {
  const em = db().orm.em.fork()
  const seller = await createOrganization(em, { kind: 'manufacturer', roles: ['sales', 'catalog_manager'] })
  const rival = await createOrganization(em, { kind: 'distributor' })
  const acme = await createOrganization(em, { kind: 'buyer', name: `Acme Construction ${Math.random().toString(36).slice(2, 6)}` })
  const other = await createOrganization(em, { kind: 'buyer' })
  const site = await createOrganization(em, { kind: 'buyer' })
  const category = await createCategory(em)
  const brand = await createBrand(em, seller.org)
  const admin = db().ctx(seller.admin.actor)
  const product = unwrap(await saveProduct(admin, ProductInputSchema.parse({ mpn: `P-${Math.random().toString(36).slice(2, 8)}`, nameEn: 'Cable 2.5mm', nameVi: 'Cáp 2.5mm', brandId: brand.id, categoryId: category.id })))
  await setProductStatus(admin, product.id, 'published')
  const sku = `CAB-${Math.random().toString(36).slice(2, 8)}`
  const offer = unwrap(await saveOffer(admin, OfferInputSchema.parse({ productId: product.id, sku, price: '100,000', currency: 'VND' })))
  const usd = unwrap(await saveOffer(admin, OfferInputSchema.parse({ productId: product.id, sku: `${sku}-US`, price: '10.00', currency: 'USD', condition: 'refurbished' })))
  return { seller, rival, acme, other, site, admin, product, sku, offer, usd, brand, category }
}

const list = (over: Record<string, unknown>) => PriceListInputSchema.parse({ name: `List ${Math.random().toString(36).slice(2, 6)}`, currency: 'VND', scope: 'everyone', active: true, ...over })
const entry = (sku: string, tiers: [number, string][]) => PriceEntryInputSchema.parse({ sku, tiers: tiers.map(([minQty, price]) => ({ minQty: String(minQty), price })) })
const buyerCtx = (org: { admin: { actor: Parameters<ReturnType<typeof db>['ctx']>[0] } }) => db().ctx(org.admin.actor)

describe('price resolution', () => {
  it('contract beats company beats group beats everyone; then priority; then the lower price — with the reason', async () => {
    const w = await world()
    const dealers = unwrap(await saveCustomerGroup(w.admin, { name: 'Dealers' }))
    const acme = unwrap(await saveCustomer(w.admin, CustomerInputSchema.parse({ buyerId: w.acme.org.id, groupId: dealers.id, accountNumber: 'C-0042', approved: true })))

    const everyone = unwrap(await savePriceList(w.admin, list({ name: 'Promo', scope: 'everyone' })))
    unwrap(await savePriceEntry(w.admin, everyone.id, entry(w.sku, [[1, '95,000']])))
    const group = unwrap(await savePriceList(w.admin, list({ name: 'Dealer prices', scope: 'group', groups: [dealers.id] })))
    unwrap(await savePriceEntry(w.admin, group.id, entry(w.sku, [[1, '90,000'], [10, '80,000']])))

    const at = async (ctx: ReturnType<typeof buyerCtx>, quantity?: number) => (await resolvePrices(ctx, [{ offerId: w.offer.id, quantity }]))[0]!
    // A visitor and a company that is no customer: the list for everyone.
    expect((await at(db().ctx(ANONYMOUS))).unit.amount).toBe(95_000)
    expect((await at(buyerCtx(w.other))).list?.name).toBe('Promo')
    // The group's tiers for its customer: the break depends on the quantity.
    const one = await at(buyerCtx(w.acme), 1)
    expect([one.unit.amount, one.list?.scope, one.tier]).toEqual([90_000, 'group', { minQty: 1, amount: 90_000 }])
    expect(one.passedOver).toEqual([expect.objectContaining({ name: 'Promo', reason: 'WEAKER_SCOPE', unit: { amount: 95_000, currency: 'VND' } })])
    expect((await at(buyerCtx(w.acme), 12)).unit.amount).toBe(80_000)

    // A company list beats the group's even when dearer; a contract beats both.
    const company = unwrap(await savePriceList(w.admin, list({ name: 'Acme list', scope: 'company', customers: [acme.id] })))
    unwrap(await savePriceEntry(w.admin, company.id, PriceEntryInputSchema.parse({ sku: w.sku, mode: 'percent', percentOff: '7.5' })))
    expect((await at(buyerCtx(w.acme), 12)).unit.amount).toBe(92_500)
    const contract = unwrap(await savePriceList(w.admin, list({ name: 'Acme 2027', scope: 'contract', customers: [acme.id], priority: 1 })))
    unwrap(await savePriceEntry(w.admin, contract.id, entry(w.sku, [[1, '99,000']])))
    const rival = unwrap(await savePriceList(w.admin, list({ name: 'Acme 2027 b', scope: 'contract', customers: [acme.id], priority: 1 })))
    unwrap(await savePriceEntry(w.admin, rival.id, entry(w.sku, [[1, '98,000']])))
    const won = await at(buyerCtx(w.acme))
    // Same scope and priority: the lower price.
    expect([won.unit.amount, won.list?.name]).toEqual([98_000, 'Acme 2027 b'])
    expect(Object.fromEntries(won.passedOver.map((p) => [p.name, p.reason]))).toEqual({ 'Acme 2027': 'HIGHER_PRICE', 'Acme list': 'WEAKER_SCOPE', 'Dealer prices': 'WEAKER_SCOPE', Promo: 'WEAKER_SCOPE' })
    // Higher priority wins over a lower price.
    unwrap(await savePriceList(w.admin, list({ id: contract.id, name: 'Acme 2027', scope: 'contract', customers: [acme.id], priority: 5 })))
    expect((await at(buyerCtx(w.acme))).list?.name).toBe('Acme 2027')
    // Another company never gets Acme's prices.
    expect((await at(buyerCtx(w.other))).unit.amount).toBe(95_000)

    // The product page shows each viewer its own price, with the list price beside it.
    const page = async (ctx: ReturnType<typeof buyerCtx>) => (await getProductPage(ctx, w.product.slug, null)).offers.find((o) => o.sku === w.sku)!
    expect([(await page(buyerCtx(w.acme))).price!.amount, (await page(buyerCtx(w.acme))).listPrice?.amount]).toEqual([99_000, 100_000])
    expect((await page(db().ctx(ANONYMOUS))).price!.amount).toBe(95_000)
    // Search hits: the lowest per currency from the viewer's own prices.
    const hit = { offers: [{ offerId: w.offer.id, amount: 100_000, currency: 'VND', vatIncluded: false }, { offerId: w.usd.id, amount: 1000, currency: 'USD', vatIncluded: false }], minPrices: [] as { amount: number; currency: string; vatIncluded: boolean }[], minPrice: null }
    const seen = await withViewerPrices(buyerCtx(w.acme), [hit])
    expect([seen.personal, seen.hits[0]!.minPrices.map((p) => [p.currency, p.amount]), seen.hits[0]!.minPrice]).toEqual([true, [['USD', 1000], ['VND', 99_000]], null])
  })

  it('applies a list only within its window, in its own currency, and only to approved customers', async () => {
    const w = await world()
    const acme = unwrap(await saveCustomer(w.admin, CustomerInputSchema.parse({ buyerId: w.acme.org.id, approved: true })))
    const later = unwrap(await savePriceList(w.admin, list({ scope: 'company', customers: [acme.id], validFrom: '2030-01-01', validTo: '2030-12-31' })))
    unwrap(await savePriceEntry(w.admin, later.id, entry(w.sku, [[1, '50,000']])))
    const price = async (at: string) => (await resolvePrices(buyerCtx(w.acme), [{ offerId: w.offer.id }], { at: new Date(at) }))[0]!.unit.amount
    expect(await price('2029-12-31T23:59:59Z')).toBe(100_000)
    expect(await price('2030-01-01T00:00:00Z')).toBe(50_000)
    // The last day typed is inclusive.
    expect(await price('2030-12-31T23:59:59Z')).toBe(50_000)
    expect(await price('2031-01-01T00:00:00Z')).toBe(100_000)
    // A USD list never prices a VND offer, and its entries must be in its currency.
    const dollars = unwrap(await savePriceList(w.admin, list({ currency: 'USD', scope: 'company', customers: [acme.id] })))
    expect(await savePriceEntry(w.admin, dollars.id, entry(w.sku, [[1, '5']]))).toMatchObject({ ok: false, error: { code: 'ENTRY_CURRENCY_MISMATCH' } })
    unwrap(await savePriceEntry(w.admin, dollars.id, entry(`${w.sku}-US`, [[1, '8.50']])))
    expect((await resolvePrices(buyerCtx(w.acme), [{ offerId: w.usd.id }]))[0]!.unit).toEqual({ amount: 850, currency: 'USD' })
    // An unapproved customer gets nothing of its lists.
    unwrap(await saveCustomer(w.admin, CustomerInputSchema.parse({ buyerId: w.acme.org.id })))
    expect((await resolvePrices(buyerCtx(w.acme), [{ offerId: w.usd.id }]))[0]!.unit.amount).toBe(1000)
  })

  it('a child company inherits its parent\'s agreements only when set to, and its own come first', async () => {
    const w = await world()
    const em = db().orm.em.fork()
    const parent = unwrap(await saveCustomer(w.admin, CustomerInputSchema.parse({ buyerId: w.acme.org.id, approved: true })))
    await em.nativeUpdate(Organization, { id: w.site.org.id }, { parentId: w.acme.org.id })
    const contract = unwrap(await savePriceList(w.admin, list({ name: 'Group contract', scope: 'contract', customers: [parent.id] })))
    unwrap(await savePriceEntry(w.admin, contract.id, entry(w.sku, [[1, '70,000']])))
    const price = async () => (await resolvePrices(buyerCtx(w.site), [{ offerId: w.offer.id }]))[0]!
    expect((await price()).unit.amount).toBe(100_000)
    await em.nativeUpdate(Organization, { id: w.site.org.id }, { inheritPrices: true })
    expect([(await price()).unit.amount, (await price()).list?.inherited]).toEqual([70_000, true])
    // The child's own contract beats the inherited one, whatever the price.
    const own = unwrap(await saveCustomer(w.admin, CustomerInputSchema.parse({ buyerId: w.site.org.id, approved: true })))
    const mine = unwrap(await savePriceList(w.admin, list({ name: 'Site contract', scope: 'contract', customers: [own.id] })))
    unwrap(await savePriceEntry(w.admin, mine.id, entry(w.sku, [[1, '75,000']])))
    const won = await price()
    expect([won.unit.amount, won.list?.name, won.passedOver[0]?.reason]).toEqual([75_000, 'Site contract', 'INHERITED'])
  })

  it('resolves a page of offers in one query, however many lists there are', async () => {
    const w = await world()
    const acme = unwrap(await saveCustomer(w.admin, CustomerInputSchema.parse({ buyerId: w.acme.org.id, approved: true })))
    for (let i = 0; i < 6; i++) {
      const l = unwrap(await savePriceList(w.admin, list({ scope: i % 2 ? 'company' : 'everyone', customers: [acme.id], priority: i })))
      unwrap(await savePriceEntry(w.admin, l.id, entry(w.sku, [[1, `${90 - i},000`]])))
    }
    const ctx = buyerCtx(w.acme)
    // Every statement, through the entity manager or as a prepared read on its pool.
    const queries: string[] = []
    const connection = ctx.em.getConnection() as unknown as PostgreSqlConnection
    const execute = connection.execute.bind(connection)
    connection.execute = ((...args: Parameters<typeof execute>) => (queries.push(String(args[0])), execute(...args))) as typeof execute
    const pool = await connection.getNativeClient()
    const query = pool.query.bind(pool)
    pool.query = ((...args: Parameters<typeof query>) => (queries.push(String(args[0])), query(...args))) as typeof query
    const prices = await resolvePrices(ctx, [{ offerId: w.offer.id }, { offerId: w.usd.id }, { offerId: w.offer.id, quantity: 5 }])
    connection.execute = execute
    pool.query = query
    expect(queries).toHaveLength(1)
    expect(prices.map((p) => p?.unit.amount)).toEqual([85_000, 1000, 85_000])
    // "Why this price" ranks the lists passed over, nearest first; the product page counts them.
    expect(prices[0]!.passedOver.map((p) => p.unit?.amount)).toEqual([87_000, 89_000, 86_000, 88_000, 90_000])
    const why = (await getProductPage(ctx, w.product.slug, null)).offers.find((o) => o.sku === w.sku)!.pricing!
    expect([why.list?.name, why.passedOverCount]).toEqual([expect.stringContaining(''), 5])
    expect(why).not.toHaveProperty('passedOver')
    const l = unwrap(await savePriceList(w.admin, list({ scope: 'everyone', priority: -1 })))
    unwrap(await savePriceEntry(w.admin, l.id, entry(w.sku, [[1, '99,000']])))
    const more = (await getProductPage(ctx, w.product.slug, null)).offers.find((o) => o.sku === w.sku)!.pricing!
    expect(more.passedOverCount).toBe(6)
  })

  it("explains one offer's price to its viewer at a quantity: every list passed over, nobody else's", async () => {
    const w = await world()
    const acme = unwrap(await saveCustomer(w.admin, CustomerInputSchema.parse({ buyerId: w.acme.org.id, approved: true })))
    const contract = unwrap(await savePriceList(w.admin, list({ name: 'Acme contract', scope: 'contract', customers: [acme.id] })))
    unwrap(await savePriceEntry(w.admin, contract.id, entry(w.sku, [[1, '80,000'], [50, '70,000']])))
    for (let i = 0; i < 7; i++) {
      const l = unwrap(await savePriceList(w.admin, list({ name: `Everyone ${i}`, scope: 'everyone', priority: i })))
      unwrap(await savePriceEntry(w.admin, l.id, entry(w.sku, [[1, `${95 - i},000`]])))
    }
    const mine = unwrap(await explainOfferPrice(buyerCtx(w.acme), { slug: w.product.slug, offerId: w.offer.id, quantity: 60 }))
    expect([mine.offer.sku, mine.price.unit.amount, mine.price.tier?.minQty, mine.price.list?.name, mine.price.quantity]).toEqual([w.sku, 70_000, 50, 'Acme contract', 60])
    expect(mine.price.passedOver).toHaveLength(7)
    // Another company pays the list for everyone and never hears of Acme's contract.
    const theirs = unwrap(await explainOfferPrice(buyerCtx(w.other), { slug: w.product.slug, offerId: w.offer.id }))
    expect([theirs.price.unit.amount, theirs.price.quantity]).toEqual([89_000, 1])
    expect(JSON.stringify(theirs)).not.toContain('Acme contract')
    // Of another product, or a quote-only offer: not found.
    const elsewhere = unwrap(await saveProduct(w.admin, ProductInputSchema.parse({ mpn: `Q-${Math.random().toString(36).slice(2, 8)}`, nameEn: 'Other', nameVi: 'Khác', brandId: w.brand.id, categoryId: w.category.id })))
    await setProductStatus(w.admin, elsewhere.id, 'published')
    await expect(explainOfferPrice(buyerCtx(w.acme), { slug: elsewhere.slug, offerId: w.offer.id })).rejects.toMatchObject({ kind: 'not_found' })
    // Prices kept for signed-in buyers: a visitor is asked to sign in.
    expect((await explainOfferPrice(db().ctx(ANONYMOUS), { slug: w.product.slug, offerId: w.offer.id })).ok).toBe(true)
    unwrap(await saveStorefront(w.admin, StorefrontInputSchema.parse({ primaryColor: '#112233', accentColor: '#445566', pricesSignedInOnly: true })))
    expect(await explainOfferPrice(db().ctx(ANONYMOUS), { slug: w.product.slug, offerId: w.offer.id })).toMatchObject({ ok: false, error: { code: 'SIGN_IN_TO_SEE_PRICES' } })
    await db().orm.em.fork().nativeUpdate(Offer, { id: w.offer.id }, { priceOnRequest: true })
    await expect(explainOfferPrice(buyerCtx(w.acme), { slug: w.product.slug, offerId: w.offer.id })).rejects.toMatchObject({ kind: 'not_found' })
  })

  it('rounds a percentage off half up, exactly, even on amounts past 2^53 / 10,000', () => {
    expect(percentOff(100_000, 750)).toBe(92_500)
    expect(percentOff(999, 1250)).toBe(874) // 124.875 off → 125
    expect(percentOff(1, 5000)).toBe(0) // 0.5 off → 1
    expect(percentOff(9_007_199_254_740_991, 1)).toBe(9_007_199_254_740_991 - 900_719_925_474)
  })
})

describe('price lists: bad input is refused whole', () => {
  it('gives a clear error per field and saves nothing', async () => {
    const w = await world()
    const bad = (over: Record<string, unknown>) => PriceListInputSchema.safeParse({ name: 'x', currency: 'VND', scope: 'everyone', ...over })
    expect(bad({ validFrom: '2027-02-01', validTo: '2027-01-31' }).error?.issues[0]).toMatchObject({ path: ['validTo'], message: 'WINDOW_ENDS_BEFORE_START' })
    expect(bad({ validFrom: '2027-02-30' }).error?.issues[0]).toMatchObject({ message: 'DATE_INVALID' })
    expect(bad({ scope: 'contract' }).error?.issues[0]).toMatchObject({ path: ['customers'], message: 'TARGETS_REQUIRED' })
    const tiers = (t: [string, string][]) => PriceEntryInputSchema.safeParse({ sku: 'X', tiers: t.map(([minQty, price]) => ({ minQty, price })) })
    expect(tiers([['0', '1']]).error?.issues[0]).toMatchObject({ message: 'TIER_QUANTITY_INVALID' })
    expect(tiers([['5', '1'], ['5', '2']]).error?.issues[0]).toMatchObject({ path: ['tiers', 1, 'minQty'], message: 'TIERS_OVERLAP' })
    expect(tiers([]).error?.issues[0]).toMatchObject({ message: 'TIERS_REQUIRED' })
    expect(PriceEntryInputSchema.safeParse({ sku: 'X', mode: 'percent', percentOff: '100.5' }).error?.issues[0]).toMatchObject({ message: 'PERCENT_INVALID' })

    const before = await db().orm.em.fork().count(PriceList, { organizationId: w.seller.org.id })
    // A currency the seller does not sell in.
    expect(await savePriceList(w.admin, list({ currency: 'JPY' }))).toEqual({ ok: false, error: { code: 'CURRENCY_NOT_SOLD', field: 'currency', params: { currency: 'JPY' } } })
    // Another seller's customer as a target.
    const theirs = unwrap(await saveCustomer(db().ctx(w.rival.admin.actor), CustomerInputSchema.parse({ buyerId: w.acme.org.id, approved: true })))
    expect(await savePriceList(w.admin, list({ scope: 'contract', customers: [theirs.id] }))).toMatchObject({ ok: false, error: { code: 'TARGET_UNKNOWN', field: 'customers' } })
    expect(await db().orm.em.fork().count(PriceList, { organizationId: w.seller.org.id })).toBe(before)
    // A malformed amount on the second tier: nothing of the entry is saved.
    const l = unwrap(await savePriceList(w.admin, list({})))
    expect(await savePriceEntry(w.admin, l.id, entry(w.sku, [[1, '90,000'], [10, '8o,000']]))).toMatchObject({ ok: false, error: { code: 'PRICE_INVALID', field: 'tiers[1].price' } })
    expect(await savePriceEntry(w.admin, l.id, entry('NO-SUCH-SKU', [[1, '1']]))).toMatchObject({ ok: false, error: { code: 'OFFER_UNKNOWN', field: 'sku' } })
    expect(await db().orm.em.fork().count(PriceListEntry, { priceListId: l.id })).toBe(0)
  })
})

describe('pricing across tenants', () => {
  it('a seller never sees or changes another seller\'s lists, groups or customers; buyers and catalog staff cannot keep prices', async () => {
    const w = await world()
    const l = unwrap(await savePriceList(w.admin, list({ name: 'Secret dealer list' })))
    const dealers = unwrap(await saveCustomerGroup(w.admin, { name: 'Secret dealers' }))
    unwrap(await saveCustomer(w.admin, CustomerInputSchema.parse({ buyerId: w.acme.org.id, approved: true, accountNumber: 'ACC-SECRET' })))
    const rival = db().ctx(w.rival.admin.actor)
    expect((await listMyPriceLists(rival)).map((x) => x.name)).not.toContain('Secret dealer list')
    await expect(getMyPriceList(rival, l.id)).rejects.toMatchObject({ kind: 'not_found' })
    await expect(savePriceList(rival, list({ id: l.id, name: 'Taken over' }))).rejects.toMatchObject({ kind: 'not_found' })
    await expect(savePriceEntry(rival, l.id, entry(w.sku, [[1, '1']]))).rejects.toMatchObject({ kind: 'not_found' })
    await expect(deleteCustomerGroup(rival, dealers.id)).rejects.toMatchObject({ kind: 'not_found' })
    expect(await listMyCustomers(rival)).toEqual([])
    const fresh = db().orm.em.fork()
    expect((await fresh.findOneOrFail(PriceList, { id: l.id })).name).toBe('Secret dealer list')
    expect(await fresh.count(PriceListEntry, { priceListId: l.id })).toBe(0)

    // Catalog staff read prices but do not keep them; sales staff do.
    const catalog = db().ctx(w.seller.members.catalog_manager!.actor)
    expect((await listMyPriceLists(catalog)).map((x) => x.name)).toContain('Secret dealer list')
    await expect(savePriceList(catalog, list({ id: l.id, name: 'Changed' }))).rejects.toMatchObject({ kind: 'not_found' })
    unwrap(await savePriceList(db().ctx(w.seller.members.sales!.actor), list({ id: l.id, name: 'Secret dealer list' })))
    // Buyer companies have no pricing of their own.
    await expect(listMyPriceLists(buyerCtx(w.acme))).rejects.toMatchObject({ kind: 'forbidden' })
    await expect(saveCustomer(buyerCtx(w.acme), CustomerInputSchema.parse({ buyerId: w.other.org.id }))).rejects.toMatchObject({ kind: 'forbidden' })
  })

  it('finds buyer companies by name on the server, marking existing customers; never sellers or inactive ones', async () => {
    const w = await world()
    unwrap(await saveCustomer(w.admin, CustomerInputSchema.parse({ buyerId: w.acme.org.id, approved: true })))
    const found = await findBuyerCompanies(w.admin, w.acme.org.name.slice(0, 20))
    expect(found).toEqual([expect.objectContaining({ id: w.acme.org.id, customer: true })])
    expect(await findBuyerCompanies(w.admin, w.rival.org.name)).toEqual([])
    expect(await findBuyerCompanies(w.admin, '%')).toEqual([])
    expect(await db().orm.em.fork().count(Customer, { buyerId: w.acme.org.id })).toBe(1)
  })
})
