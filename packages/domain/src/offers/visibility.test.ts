// Restricted catalogs, call for price, login-gated prices and quote requests, through every
// domain read path: the product page, price resolution, the scoped reader and search documents.
import { describe, expect, it } from 'vitest'
import { AuditEvent } from '../audit/audit-event.entity.ts'
import { ANONYMOUS, type Actor } from '../authz/actor.ts'
import { scoped } from '../authz/scoped.ts'
import { ProductInputSchema } from '../catalog/catalog.schemas.ts'
import { saveProduct, setProductStatus } from '../catalog/products.ts'
import { buildSearchDocuments } from '../catalog/search-document.ts'
import { changeOrganizationStatus } from '../organizations/operator-console.ts'
import { StorefrontInputSchema } from '../organizations/storefront.schemas.ts'
import { saveStorefront } from '../organizations/storefronts.ts'
import { saveCustomer, saveCustomerGroup } from '../pricing/customers.ts'
import { CustomerInputSchema } from '../pricing/pricing.schemas.ts'
import { resolvePrices } from '../pricing/resolve.ts'
import { Customer } from '../pricing/customer.entity.ts'
import { explainCustomerPrice } from '../pricing/explain.ts'
import { QuoteRequest } from '../quotes/quote-request.entity.ts'
import { listReceivedQuoteRequests, quoteRequestAccess, requestQuote } from '../quotes/quote-requests.ts'
import { QuoteRequestInputSchema } from '../quotes/quotes.schemas.ts'
import { createBrand, createCategory, createOrganization } from '../testing/factories.ts'
import { useTestDatabase } from '../testing/test-database.ts'
import { resolveActor } from '../users/memberships.ts'
import { Offer } from './offer.entity.ts'
import { OfferExposureSchema, OfferInputSchema } from './offer.schemas.ts'
import { getMyOffer, saveOffer, setOfferExposure } from './offers.ts'
import { getProductPage } from './product-page.ts'
import { PUBLIC_AUDIENCE, searchViewer } from './visibility.ts'

const db = useTestDatabase()
const unwrap = <T>(r: { ok: true; value: T } | { ok: false; error: { code: string } }): T => {
  if (!r.ok) throw new Error(r.error.code)
  return r.value
}
const tag = () => Math.random().toString(36).slice(2, 8)

/**
 * A manufacturer with a customer group "Contractors" (Acme in it), another approved customer
 * (Other), Acme's branch (inheriting its agreements), a stranger, and four offers of one
 * product: for everyone, for the group, for Other only, and one whose price is on request.
 */
async function world() {
  const em = db().orm.em.fork()
  const seller = await createOrganization(em, { kind: 'manufacturer', roles: ['sales'] })
  const operator = await createOrganization(em, { kind: 'operator' })
  const acme = await createOrganization(em, { kind: 'buyer', roles: ['buyer', 'viewer'] })
  const other = await createOrganization(em, { kind: 'buyer' })
  const branch = await createOrganization(em, { kind: 'buyer' })
  const stranger = await createOrganization(em, { kind: 'buyer' })
  await em.getConnection().execute('update organization set parent_id = ?, inherit_prices = true where id = ?', [acme.org.id, branch.org.id])
  const category = await createCategory(em)
  const brand = await createBrand(em, seller.org)
  const ctx = db().ctx(seller.admin.actor)
  const product = unwrap(await saveProduct(ctx, ProductInputSchema.parse({ mpn: `VIS-${tag()}`, nameEn: 'Valve', nameVi: 'Van', brandId: brand.id, categoryId: category.id })))
  await setProductStatus(ctx, product.id, 'published')
  const offer = async (sku: string, price: string) => unwrap(await saveOffer(ctx, OfferInputSchema.parse({ productId: product.id, sku: `${sku}-${tag()}`, price, currency: 'VND' })))
  const open = await offer('OPEN', '100,000')
  const contractors = await offer('GROUP', '90,000')
  const only = await offer('ONLY', '80,000')
  const quoted = await offer('QUOTE', '1')
  const group = unwrap(await saveCustomerGroup(ctx, { name: `Contractors ${tag()}` }))
  unwrap(await saveCustomer(ctx, CustomerInputSchema.parse({ buyerId: acme.org.id, groupId: group.id, approved: true })))
  const otherCustomer = unwrap(await saveCustomer(ctx, CustomerInputSchema.parse({ buyerId: other.org.id, approved: true })))
  unwrap(await setOfferExposure(ctx, contractors.id, OfferExposureSchema.parse({ audience: 'chosen', groupIds: [group.id] })))
  unwrap(await setOfferExposure(ctx, only.id, OfferExposureSchema.parse({ audience: 'chosen', customerIds: [otherCustomer.id] })))
  unwrap(await setOfferExposure(ctx, quoted.id, OfferExposureSchema.parse({ audience: 'everyone', priceOnRequest: true })))
  // Buyers as the apps see them: their audiences resolved from their customer relationships.
  const as = async (member: { user: { id: string } }, org: { id: string }): Promise<Actor> => resolveActor(em.fork(), { userId: member.user.id, activeOrganizationId: org.id, impersonatorUserId: null }, ['buyer'])
  return { seller, operator, acme, other, branch, stranger, ctx, product, group, open, contractors, only, quoted, as }
}

const visibleOn = async (actor: Actor, slug: string) => (await getProductPage(db().ctx(actor), slug, null)).offers.map((o) => o.sku).sort()

describe('who sees an offer', () => {
  it('shows a restricted offer only to the chosen groups and customers, on every read path, and follows the parent chain', async () => {
    const w = await world()
    const acme = await w.as(w.acme.admin, w.acme.org)
    const other = await w.as(w.other.admin, w.other.org)
    const branch = await w.as(w.branch.admin, w.branch.org)
    const stranger = await w.as(w.stranger.admin, w.stranger.org)
    expect(stranger.audience).toEqual([PUBLIC_AUDIENCE])
    // Read with the memberships (the session names the company) or on their own (it names none): the same.
    const acmeUnnamed = await resolveActor(db().orm.em.fork(), { userId: w.acme.admin.user.id, activeOrganizationId: null, impersonatorUserId: null }, ['buyer'])
    expect(acme.audience).toEqual([PUBLIC_AUDIENCE, expect.stringMatching(/^customer:/), `group:${w.group.id}`])
    expect(acmeUnnamed.audience).toEqual(acme.audience)
    const skus = (...offers: { sku: string }[]) => offers.map((o) => o.sku).sort()
    expect(await visibleOn(ANONYMOUS, w.product.slug)).toEqual(skus(w.open, w.quoted))
    expect(await visibleOn(stranger, w.product.slug)).toEqual(skus(w.open, w.quoted))
    expect(await visibleOn(acme, w.product.slug)).toEqual(skus(w.open, w.contractors, w.quoted))
    expect(await visibleOn(branch, w.product.slug)).toEqual(skus(w.open, w.contractors, w.quoted))
    expect(await visibleOn(other, w.product.slug)).toEqual(skus(w.open, w.only, w.quoted))
    // The scoped reader and price resolution say the same.
    const ids = [w.open.id, w.contractors.id, w.only.id]
    expect((await scoped(db().ctx(stranger)).find(Offer, { id: { $in: ids } })).map((o) => o.id)).toEqual([w.open.id])
    expect((await resolvePrices(db().ctx(stranger), ids.map((offerId) => ({ offerId })))).map((p) => p?.unit.amount ?? null)).toEqual([100_000, null, null])
    expect((await resolvePrices(db().ctx(acme), ids.map((offerId) => ({ offerId })))).map((p) => p?.unit.amount ?? null)).toEqual([100_000, 90_000, null])
    // The branch stops inheriting: the group's offer leaves its pages.
    await db().orm.em.fork().getConnection().execute('update organization set inherit_prices = false where id = ?', [w.branch.org.id])
    expect(await visibleOn(await w.as(w.branch.admin, w.branch.org), w.product.slug)).toEqual(skus(w.open, w.quoted))
    // The search document carries each offer's audiences; engines match them with the viewer's.
    const { documents } = await buildSearchDocuments(db().orm.em.fork(), [w.product.id])
    const audience = Object.fromEntries(documents[0]!.offers.map((o) => [o.sku, o.visibleTo]))
    expect(audience[w.open.sku]).toEqual([PUBLIC_AUDIENCE])
    expect(audience[w.contractors.sku]).toEqual([`group:${w.group.id}`])
    expect(searchViewer(acme).audience).toContain(`group:${w.group.id}`)
    // "What a customer pays", for the seller: the same resolution, and whether the customer sees the offer.
    const customerOf = async (buyerId: string) => (await db().orm.em.fork().findOneOrFail(Customer, { buyerId, organizationId: w.seller.org.id })).id
    const pays = await explainCustomerPrice(w.ctx, { customerId: await customerOf(w.acme.org.id), sku: w.contractors.sku })
    expect(pays.ok && [pays.value.price.unit.amount, pays.value.visible]).toEqual([90_000, true])
    const hidden = await explainCustomerPrice(w.ctx, { customerId: await customerOf(w.other.org.id), sku: w.contractors.sku })
    expect(hidden.ok && hidden.value.visible).toBe(false)
    expect(await explainCustomerPrice(w.ctx, { customerId: await customerOf(w.acme.org.id), sku: 'NO-SUCH-SKU' })).toEqual({ ok: false, error: { code: 'OFFER_UNKNOWN', field: 'sku', params: { sku: 'NO-SUCH-SKU' } } })
    const rival = await createOrganization(db().orm.em.fork(), { kind: 'distributor' })
    expect(await explainCustomerPrice(db().ctx(rival.admin.actor), { customerId: await customerOf(w.acme.org.id), sku: w.contractors.sku })).toEqual({ ok: false, error: { code: 'CUSTOMER_UNKNOWN', field: 'customer' } })
    // The seller sees its own offers whatever their audience, with the audience on its edit page.
    expect((await getMyOffer(w.ctx, w.contractors.id)).audience).toEqual({ groupIds: [w.group.id], customerIds: [] })
  })

  it('refuses an empty audience and another seller\'s group, and saves nothing then', async () => {
    const w = await world()
    const rival = await createOrganization(db().orm.em.fork(), { kind: 'distributor' })
    const theirs = unwrap(await saveCustomerGroup(db().ctx(rival.admin.actor), { name: 'Theirs' }))
    expect(await setOfferExposure(w.ctx, w.open.id, OfferExposureSchema.parse({ audience: 'chosen' }))).toEqual({ ok: false, error: { code: 'AUDIENCE_EMPTY', field: 'groupIds' } })
    expect(await setOfferExposure(w.ctx, w.open.id, OfferExposureSchema.parse({ audience: 'chosen', groupIds: [w.group.id, theirs.id] }))).toEqual({ ok: false, error: { code: 'GROUP_UNKNOWN', field: 'groupIds' } })
    expect(await setOfferExposure(w.ctx, w.open.id, OfferExposureSchema.parse({ audience: 'chosen', customerIds: [crypto.randomUUID()] }))).toEqual({ ok: false, error: { code: 'CUSTOMER_UNKNOWN', field: 'customerIds' } })
    const stored = await db().orm.em.fork().findOneOrFail(Offer, { id: w.open.id })
    expect([stored.visibleTo, stored.priceOnRequest]).toEqual([[PUBLIC_AUDIENCE], false])
    // Another seller cannot restrict (or open up) this seller's offer at all.
    await expect(setOfferExposure(db().ctx(rival.admin.actor), w.contractors.id, OfferExposureSchema.parse({ audience: 'everyone' }))).rejects.toMatchObject({ kind: 'not_found' })
    expect((await db().orm.em.fork().findOneOrFail(Offer, { id: w.contractors.id })).visibleTo).toEqual([`group:${w.group.id}`])
  })

  it('takes a suspended seller\'s offers off product pages and search documents, and brings them back', async () => {
    const w = await world()
    const operator = db().ctx(w.operator.admin.actor)
    unwrap(await changeOrganizationStatus(operator, { organizationId: w.seller.org.id, transition: 'suspend', origin: 'http://localhost' }))
    // Its products are owned elsewhere in real life; here the page itself is gone with its owner.
    expect((await buildSearchDocuments(db().orm.em.fork(), [w.product.id])).documents).toEqual([])
    expect((await db().orm.em.fork().findOneOrFail(Offer, { id: w.open.id })).sellerActive).toBe(false)
    expect(await resolvePrices(db().ctx(ANONYMOUS), [{ offerId: w.open.id }])).toEqual([null])
    unwrap(await changeOrganizationStatus(operator, { organizationId: w.seller.org.id, transition: 'reactivate', origin: 'http://localhost' }))
    expect((await resolvePrices(db().ctx(ANONYMOUS), [{ offerId: w.open.id }]))[0]?.unit.amount).toBe(100_000)
  })
})

describe('prices one does not see', () => {
  it('sends no amount for a call for price, nor a visitor one kept for signed-in buyers', async () => {
    const w = await world()
    const stranger = await w.as(w.stranger.admin, w.stranger.org)
    const row = async (actor: Actor, sku: string) => (await getProductPage(db().ctx(actor), w.product.slug, null)).offers.find((o) => o.sku === sku)!
    expect(await row(ANONYMOUS, w.quoted.sku)).toMatchObject({ price: null, priceHidden: 'onRequest', pricing: null, listPrice: null })
    expect((await row(ANONYMOUS, w.open.sku)).price?.amount).toBe(100_000)
    unwrap(await saveStorefront(w.ctx, StorefrontInputSchema.parse({ primaryColor: '#112233', accentColor: '#445566', pricesSignedInOnly: true })))
    expect(await row(ANONYMOUS, w.open.sku)).toMatchObject({ price: null, priceHidden: 'signIn' })
    expect(JSON.stringify(await getProductPage(db().ctx(ANONYMOUS), w.product.slug, null))).not.toContain('100000')
    expect((await row(stranger, w.open.sku)).price?.amount).toBe(100_000)
    const { documents } = await buildSearchDocuments(db().orm.em.fork(), [w.product.id])
    expect(documents[0]!.offers.every((o) => o.pricesSignedInOnly)).toBe(true)
  })
})

describe('quote requests', () => {
  it('records a buyer\'s request once, for the seller of a call-for-price offer it may see, in both audit logs', async () => {
    const w = await world()
    const acme = db().ctx(await w.as(w.acme.members.buyer!, w.acme.org))
    const input = (offerId: string) => QuoteRequestInputSchema.parse({ offerId, quantity: '12', message: 'Site in Thủ Đức' })
    expect(quoteRequestAccess(acme)).toBe('yes')
    expect(quoteRequestAccess(db().ctx(ANONYMOUS))).toBe('signIn')
    expect(await requestQuote(acme, input(w.open.id))).toEqual({ ok: false, error: { code: 'NOT_PRICE_ON_REQUEST', field: 'quantity' } })
    const first = unwrap(await requestQuote(acme, input(w.quoted.id)))
    // A double submit answers with the same request.
    expect(unwrap(await requestQuote(acme, input(w.quoted.id))).id).toBe(first.id)
    expect(await db().orm.em.fork().count(QuoteRequest, { offerId: w.quoted.id })).toBe(1)
    // An offer the buyer may not see is not found, however its price is shown.
    unwrap(await setOfferExposure(w.ctx, w.only.id, OfferExposureSchema.parse({ audience: 'chosen', customerIds: [(await db().orm.em.fork().getConnection().execute<{ id: string }[]>('select id from customer where buyer_id = ?', [w.other.org.id]))[0]!.id], priceOnRequest: true })))
    await expect(requestQuote(acme, input(w.only.id))).rejects.toMatchObject({ kind: 'not_found' })
    // A viewer only looks.
    const viewer = db().ctx(await w.as(w.acme.members.viewer!, w.acme.org))
    expect(quoteRequestAccess(viewer)).toBe('no')
    await expect(requestQuote(viewer, input(w.quoted.id))).rejects.toMatchObject({ kind: 'forbidden' })
    // The seller reads it with who asked; another seller reads nothing.
    const [received] = await listReceivedQuoteRequests(w.ctx)
    expect(received).toMatchObject({ buyer: { id: w.acme.org.id }, quantity: 12, message: 'Site in Thủ Đức', offer: { sku: w.quoted.sku } })
    const rival = await createOrganization(db().orm.em.fork(), { kind: 'distributor' })
    expect(await listReceivedQuoteRequests(db().ctx(rival.admin.actor))).toEqual([])
    const logged = await db().orm.em.fork().find(AuditEvent, { action: 'quote_request.created', subjectId: first.id })
    expect(logged.map((e) => e.organizationId).sort()).toEqual([w.acme.org.id, w.seller.org.id].sort())
  })
})
