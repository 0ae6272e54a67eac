import { describe, expect, it } from 'vitest'
import { AuditEvent } from '../audit/audit-event.entity.ts'
import { auditCsvChunks, listAuditActions, listAuditEvents } from '../audit/list-audit-events.ts'
import { getOrganizationDetail } from '../dashboard/organization-detail.ts'
import type { Ctx } from '../ctx.ts'
import { EmailMessage } from '../email/email-message.entity.ts'
import { ANONYMOUS } from '../authz/actor.ts'
import { authorizeDistributor } from '../catalog/authorizations.ts'
import { ProductInputSchema } from '../catalog/catalog.schemas.ts'
import { saveProduct, setProductStatus } from '../catalog/products.ts'
import { buildSearchDocuments } from '../catalog/search-document.ts'
import { QUEUES } from '../jobs/outbox.ts'
import { OfferInputSchema } from '../offers/offer.schemas.ts'
import { saveOffer } from '../offers/offers.ts'
import { getProductPage } from '../offers/product-page.ts'
import { Session } from '../users/session.entity.ts'
import { sessionStore } from '../users/session-store.ts'
import { createBrand, createCategory, createOrganization, createWarehouse } from '../testing/factories.ts'
import { useTestDatabase } from '../testing/test-database.ts'
import { changeOrganizationStatus, getOrganization, listOrganizations } from './operator-console.ts'

const db = useTestDatabase()
const ORIGIN = 'http://portal.test'

describe('the operator console', () => {
  it('approves an application, emails its admins and audits who did it', async () => {
    const operator = await createOrganization(db().orm.em.fork(), { kind: 'operator' })
    const applicant = await createOrganization(db().orm.em.fork(), { kind: 'distributor', status: 'pending' })
    const listed = await listOrganizations(db().ctx(operator.admin.actor), { status: 'pending', page: 1 })
    expect(listed.items.map((o) => o.id)).toContain(applicant.org.id)

    const result = await changeOrganizationStatus(db().ctx(operator.admin.actor), { organizationId: applicant.org.id, transition: 'approve', origin: ORIGIN })
    expect(result.ok && result.value.status).toBe('active')
    const em = db().orm.em.fork()
    expect(await em.count(EmailMessage, { to: applicant.admin.user.email, template: 'application-approved' })).toBe(1)
    const event = await em.findOneOrFail(AuditEvent, { organizationId: applicant.org.id, action: 'organization.approved' })
    expect(event.actorUserId).toBe(operator.admin.user.id)
    // Approving twice is refused, not repeated.
    const again = await changeOrganizationStatus(db().ctx(operator.admin.actor), { organizationId: applicant.org.id, transition: 'approve', origin: ORIGIN })
    expect(again).toEqual({ ok: false, error: { code: 'STATUS_TRANSITION_INVALID', params: { status: 'active' } } })
  })

  it('requires a reason to reject', async () => {
    const operator = await createOrganization(db().orm.em.fork(), { kind: 'operator' })
    const applicant = await createOrganization(db().orm.em.fork(), { kind: 'manufacturer', status: 'pending' })
    expect(await changeOrganizationStatus(db().ctx(operator.admin.actor), { organizationId: applicant.org.id, transition: 'reject', origin: ORIGIN })).toEqual({ ok: false, error: { code: 'REASON_REQUIRED', field: 'reason' } })
    const rejected = await changeOrganizationStatus(db().ctx(operator.admin.actor), { organizationId: applicant.org.id, transition: 'reject', reason: 'No business licence', origin: ORIGIN })
    expect(rejected.ok && rejected.value.status).toBe('rejected')
  })

  it('lets operator support read but not decide, and keeps everyone else out', async () => {
    const operator = await createOrganization(db().orm.em.fork(), { kind: 'operator', roles: ['support'] })
    const seller = await createOrganization(db().orm.em.fork(), { kind: 'distributor' })
    const other = await createOrganization(db().orm.em.fork(), { kind: 'distributor' })
    const support = db().ctx(operator.members.support!.actor)
    expect((await getOrganization(support, seller.org.id)).id).toBe(seller.org.id)
    await expect(changeOrganizationStatus(support, { organizationId: seller.org.id, transition: 'suspend', origin: ORIGIN })).rejects.toMatchObject({ kind: 'forbidden' })
    await expect(listOrganizations(db().ctx(other.admin.actor), { page: 1 })).rejects.toMatchObject({ kind: 'forbidden' })
    await expect(getOrganization(db().ctx(other.admin.actor), seller.org.id)).rejects.toMatchObject({ kind: 'forbidden' })
    await expect(changeOrganizationStatus(db().ctx(other.admin.actor), { organizationId: seller.org.id, transition: 'suspend', origin: ORIGIN })).rejects.toMatchObject({ kind: 'forbidden' })
  })

  it('shows an organization admin only its own audit events, whatever the filter asks', async () => {
    const a = await createOrganization(db().orm.em.fork(), { kind: 'buyer' })
    const b = await createOrganization(db().orm.em.fork(), { kind: 'buyer' })
    const em = db().orm.em.fork()
    for (const org of [a.org, b.org]) em.persist(em.create(AuditEvent, { organizationId: org.id, action: 'test.event', subjectType: 'Organization', subjectId: org.id, details: {} }))
    em.persist(em.create(AuditEvent, { organizationId: b.org.id, action: 'test.only_b', subjectType: 'Organization', subjectId: b.org.id, details: {} }))
    await em.flush()
    // The filter's list of actions comes from the events one may read: not from another organization's.
    expect(await listAuditActions(db().ctx(a.admin.actor))).toEqual(['test.event'])
    expect(await listAuditActions(db().ctx(b.admin.actor))).toEqual(['test.event', 'test.only_b'])
    const mine = await listAuditEvents(db().ctx(a.admin.actor), { page: 1 })
    expect(mine.items.every((e) => e.organizationId === a.org.id)).toBe(true)
    expect(mine.total).toBeGreaterThan(0)
    const probing = await listAuditEvents(db().ctx(a.admin.actor), { organizationId: b.org.id, page: 1 })
    expect(probing.total).toBe(0)
  })

  it('exports the audit log as CSV under the same ability and filter, across batches, with no formula cells', async () => {
    const a = await createOrganization(db().orm.em.fork(), { kind: 'buyer' })
    const b = await createOrganization(db().orm.em.fork(), { kind: 'buyer' })
    const em = db().orm.em.fork()
    const base = Date.now() - 3_600_000
    // More than one batch of 1,000, some sharing a millisecond, so the keyset must not skip any.
    for (let i = 0; i < 1_203; i++) em.persist(em.create(AuditEvent, { organizationId: a.org.id, action: 'test.bulk', subjectType: 'Organization', subjectId: a.org.id, details: { i }, createdAt: new Date(base + Math.floor(i / 3)) }))
    em.persist(em.create(AuditEvent, { organizationId: a.org.id, action: 'test.formula', subjectType: 'Organization', subjectId: '=HYPERLINK("x")', details: {} }))
    em.persist(em.create(AuditEvent, { organizationId: b.org.id, action: 'test.bulk', subjectType: 'Organization', subjectId: 'secret-of-b', details: {} }))
    await em.flush()
    const csv = async (ctx: Ctx, filter = {}) => {
      let out = ''
      for await (const chunk of auditCsvChunks(ctx, filter)) out += chunk
      return out
    }
    const mine = await csv(db().ctx(a.admin.actor), { action: 'test.' })
    const lines = mine.trim().split('\n')
    expect(lines[0]).toBe('time,action,organization,actor,on_behalf_of,subject_type,subject_id,details')
    expect(lines.filter((l) => l.includes('test.bulk'))).toHaveLength(1_203)
    expect(new Set(lines.filter((l) => l.includes('test.bulk')).map((l) => /"\{""i"":(\d+)\}"/.exec(l)![1])).size).toBe(1_203)
    expect(mine).not.toContain('secret-of-b')
    expect(mine).toContain("'=HYPERLINK")
    // Another organization's filter gives a header and nothing else.
    expect((await csv(db().ctx(a.admin.actor), { organizationId: b.org.id })).trim().split('\n')).toHaveLength(1)
  })

  it('shows the operator an organization\'s members, offers, authorizations and activity, and no one else', async () => {
    const em = db().orm.em.fork()
    const operator = await createOrganization(em, { kind: 'operator' })
    const maker = await createOrganization(em, { kind: 'manufacturer', roles: ['sales'] })
    const distributor = await createOrganization(em, { kind: 'distributor' })
    const brand = await createBrand(em, maker.org)
    await authorizeDistributor(db().ctx(maker.admin.actor), { distributorId: distributor.org.id, brandId: brand.id, subdivisions: ['VN-HN'], circles: [] })
    const detail = await getOrganizationDetail(db().ctx(operator.admin.actor), maker.org.id)
    expect(detail.members.map((m) => m.role).sort()).toEqual(['admin', 'sales'])
    expect(detail.authorizations.map((x) => x.distributorName)).toEqual([distributor.org.name])
    expect(detail.activity.map((e) => e.action)).toContain('authorization.granted')
    await expect(getOrganizationDetail(db().ctx(distributor.admin.actor), maker.org.id)).rejects.toMatchObject({ kind: 'forbidden' })
  })

  it('takes a suspended seller out of search and public pages through the outbox, ends its sessions, and brings it back', async () => {
    const em = db().orm.em.fork()
    const operator = await createOrganization(em, { kind: 'operator' })
    const maker = await createOrganization(em, { kind: 'manufacturer' })
    const seller = await createOrganization(em, { kind: 'distributor' })
    const brand = await createBrand(em, maker.org)
    const category = await createCategory(em)
    const warehouse = await createWarehouse(em, seller.org, { subdivisionCode: 'VN-HN', latitude: 21.0, longitude: 105.8 })
    const made = await saveProduct(db().ctx(maker.admin.actor), ProductInputSchema.parse({ mpn: 'SUS-1', nameEn: 'Suspended pump', nameVi: 'Bơm', brandId: brand.id, categoryId: category.id }))
    if (!made.ok) throw new Error(made.error.code)
    const product = made.value
    await setProductStatus(db().ctx(maker.admin.actor), product.id, 'published')
    await authorizeDistributor(db().ctx(maker.admin.actor), { distributorId: seller.org.id, brandId: brand.id, subdivisions: ['VN-HN'], circles: [] })
    const offered = await saveOffer(db().ctx(seller.admin.actor), OfferInputSchema.parse({ productId: product.id, sku: 'SUS-OFFER', price: '500000', currency: 'VND', stock: { [warehouse.id]: 4 } }))
    if (!offered.ok) throw new Error(offered.error.code)
    // A session as a real sign-in starts it: no active organization yet.
    for (const [id, userId] of [['sus-seller', seller.admin.user.id], ['sus-maker', maker.admin.user.id]] as const) {
      await sessionStore.create(db().orm.em.fork(), { id, userId, expiresAt: new Date(Date.now() + 1e6), activeOrganizationId: null, impersonatorUserId: null })
    }
    const indexJobsFor = async (productId: string) =>
      (await db().boss.findJobs<{ productIds: string[] }>(QUEUES.searchIndex, { queued: true })).filter((j) => j.data.productIds.includes(productId)).length
    const offersInSearch = async () => (await buildSearchDocuments(db().orm.em.fork(), [product.id])).documents[0]?.offers.map((o) => o.sku) ?? null
    const suspend = (organizationId: string, transition: 'suspend' | 'reactivate') => changeOrganizationStatus(db().ctx(operator.admin.actor), { organizationId, transition, origin: ORIGIN })
    expect(await offersInSearch()).toEqual(['SUS-OFFER'])

    const before = await indexJobsFor(product.id)
    expect((await suspend(seller.org.id, 'suspend')).ok).toBe(true)
    expect(await indexJobsFor(product.id)).toBe(before + 1)
    expect(await offersInSearch()).toEqual([])
    expect(await db().orm.em.fork().count(Session, { userId: seller.admin.user.id })).toBe(0)
    expect(await sessionStore.get(db().orm.em.fork(), 'sus-seller')).toBeNull()
    expect(await sessionStore.get(db().orm.em.fork(), 'sus-maker')).not.toBeNull()

    expect((await suspend(maker.org.id, 'suspend')).ok).toBe(true)
    expect(await indexJobsFor(product.id)).toBe(before + 2)
    expect((await buildSearchDocuments(db().orm.em.fork(), [product.id])).removed).toEqual([product.id])
    await expect(getProductPage(db().ctx(ANONYMOUS), product.slug, null)).rejects.toMatchObject({ kind: 'not_found' })
    expect(await sessionStore.get(db().orm.em.fork(), 'sus-maker')).toBeNull()

    expect((await suspend(maker.org.id, 'reactivate')).ok).toBe(true)
    expect((await suspend(seller.org.id, 'reactivate')).ok).toBe(true)
    expect((await getProductPage(db().ctx(ANONYMOUS), product.slug, null)).offers.map((o) => o.sku)).toEqual(['SUS-OFFER'])
    expect(await offersInSearch()).toEqual(['SUS-OFFER'])
    expect(await indexJobsFor(product.id)).toBe(before + 4)
  })
})
