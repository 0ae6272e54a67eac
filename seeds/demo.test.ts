import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { Product, ProductImage } from '@tradepost/domain/catalog'
import { localDiskStorage } from '@tradepost/infra/storage'
import { AuditEvent } from '@tradepost/domain/audit'
import { Organization } from '@tradepost/domain/organizations'
import { logIn, Membership, User } from '@tradepost/domain/users'
import { useTestDatabase } from '@tradepost/domain/testing/test-database'
import { actorFor } from '@tradepost/domain/testing'
import { Offer } from '@tradepost/domain/offers'
import { resolvePrices } from '@tradepost/domain/pricing'
import { approvalChainFor } from '@tradepost/domain/companies'
import { DEMO_PASSWORD, DEMO_WORLD, seedDemo } from './demo.ts'

const db = useTestDatabase()
const storage = localDiskStorage(mkdtempSync(join(tmpdir(), 'tradepost-demo-images-')))

describe('the demo seed', () => {
  it('creates the demo world once, and a second run adds nothing', async () => {
    const first = await seedDemo(db().orm.em.fork(), { storage })
    expect(first.organizations).toBe(DEMO_WORLD.length)
    const counts = async () => {
      const em = db().orm.em.fork()
      return [await em.count(Organization), await em.count(User), await em.count(Membership), await em.count(AuditEvent, { action: 'organization.approved' })]
    }
    const before = await counts()
    // The operator's approval of every organization but its own is in the audit log.
    expect(before[3]).toBe(DEMO_WORLD.filter((o) => o.kind !== 'operator').length)
    expect(await seedDemo(db().orm.em.fork(), { storage })).toEqual({ organizations: 0, users: 0 })
    expect(await counts()).toEqual(before)
    // Every demo product has a picture, resized like an upload, and a description in both languages.
    const em = db().orm.em.fork()
    const products = await em.find(Product, {})
    const images = await em.find(ProductImage, {})
    expect(images.map((i) => i.productId).sort()).toEqual(products.map((p) => p.id).sort())
    expect(images.every((i) => i.widths.join() === '160,480,960')).toBe(true)
    expect(await storage.get(`${images[0]!.storageKey}.480.webp`)).not.toBeNull()
    expect(products.every((p) => p.descriptionEn.length > 80 && p.descriptionVi.length > 80)).toBe(true)
    const child = await db().orm.em.fork().findOneOrFail(Organization, { slug: 'ben-thanh-construction-da-nang' })
    expect(child.parentId).toBeTruthy()
    expect((await logIn(db().orm.em.fork(), { email: 'viewer@benthanh.test', password: DEMO_PASSWORD }, '127.0.0.1')).ok).toBe(true)

    // B2B prices: Bến Thành's contract with Hà Nội Industrial Supply, inherited by its branch; others pay the list price.
    const fresh = db().orm.em.fork()
    const cable = await fresh.findOneOrFail(Offer, { sku: 'HNIS-CU25' })
    const price = async (slug: string) => {
      const org = await fresh.findOneOrFail(Organization, { slug })
      return (await resolvePrices(db().ctx(actorFor(crypto.randomUUID(), org, 'buyer')), [{ offerId: cable.id, quantity: 10 }]))[0]!
    }
    expect([(await price('ben-thanh-construction')).unit.amount, (await price('ben-thanh-construction')).list?.name]).toEqual([1_350_000, 'Bến Thành 2027 contract'])
    expect((await price('ben-thanh-construction-da-nang')).list?.inherited).toBe(true)
    expect((await price('haiphong-shipyard')).unit.amount).toBe(1_450_000)
    // A restricted catalog: the cable drum is for the Contractors group only; the distribution board is priced on request.
    expect((await fresh.findOneOrFail(Offer, { sku: 'HNIS-CU4-DRUM' })).visibleTo).toEqual([expect.stringMatching(/^group:/)])
    expect((await fresh.findOneOrFail(Offer, { sku: 'SHE-DB24' })).priceOnRequest).toBe(true)
    // Bến Thành's rules: a 30-million order from its buyer goes to its approver, then an admin;
    // a 60-million one exceeds the buyer's limit per order, so an admin approves it too.
    const benThanh = await fresh.findOneOrFail(Organization, { slug: 'ben-thanh-construction' })
    const buyer = await fresh.findOneOrFail(User, { email: 'buyer@benthanh.test' })
    const approver = await fresh.findOneOrFail(User, { email: 'approver@benthanh.test' })
    const chain = (amount: number) => approvalChainFor(db().ctx(actorFor(buyer.id, benThanh, 'buyer')), { lines: [{ sellerId: cable.organizationId, categoryId: null, total: { amount, currency: 'VND' } }], spentThisMonth: { user: 0, company: 0 } })
    expect((await chain(30_000_000)).steps.map((s) => s.step)).toEqual([{ userId: approver.id }, { role: 'admin' }])
    const over = await chain(60_000_000)
    expect([over.outcome, over.rules.map((r) => r.name)]).toEqual(['approval', ['Orders above 20 million', 'Over a spending limit']])
    expect((await chain(5_000_000)).outcome).toBe('none')
  })
})
