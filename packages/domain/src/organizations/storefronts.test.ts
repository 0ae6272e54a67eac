import { describe, expect, it } from 'vitest'
import { ANONYMOUS } from '../authz/actor.ts'
import { authorizeDistributor } from '../catalog/authorizations.ts'
import { getBrandPage } from '../catalog/brand-page.ts'
import { createBrand, createOrganization, createWarehouse } from '../testing/factories.ts'
import { useTestDatabase } from '../testing/test-database.ts'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { localDiskStorage } from '@tradepost/infra/storage'
import { findStorefrontByHost, getStorefront, readStorefrontImage, removeStorefrontImage, saveStorefront, setStorefrontImage, StorefrontInputSchema } from './storefronts.ts'

const db = useTestDatabase()
const input = (over: Record<string, string> = {}) => StorefrontInputSchema.parse({ primaryColor: '#112233', accentColor: '#445566', taglineEn: 'Parts fast', ...over })

describe('storefronts', () => {
  it('serves a seller\'s storefront by slug and by its own host name, and no buyer\'s', async () => {
    const seller = await createOrganization(db().orm.em.fork(), { kind: 'distributor' })
    const host = `shop-${Date.now()}.example.vn`
    const saved = await saveStorefront(db().ctx(seller.admin.actor), input({ hostname: host.toUpperCase() }))
    expect(saved.ok && saved.value.hostname).toBe(host)
    expect((await getStorefront(db().ctx(ANONYMOUS), { hostname: host })).organizationId).toBe(seller.org.id)
    expect(await findStorefrontByHost(db().ctx(ANONYMOUS), 'unmapped.example.vn')).toBeNull()
    expect((await getStorefront(db().ctx(ANONYMOUS), { slug: seller.org.slug })).tagline.en).toBe('Parts fast')
    const buyer = await createOrganization(db().orm.em.fork(), { kind: 'buyer' })
    await expect(getStorefront(db().ctx(ANONYMOUS), { slug: buyer.org.slug })).rejects.toMatchObject({ kind: 'not_found' })
  })

  it('refuses a host name another storefront has, and non-admins', async () => {
    const a = await createOrganization(db().orm.em.fork(), { kind: 'distributor', roles: ['sales'] })
    const b = await createOrganization(db().orm.em.fork(), { kind: 'manufacturer' })
    const host = `taken-${Date.now()}.example.vn`
    expect((await saveStorefront(db().ctx(a.admin.actor), input({ hostname: host }))).ok).toBe(true)
    expect(await saveStorefront(db().ctx(b.admin.actor), input({ hostname: host }))).toEqual({ ok: false, error: { code: 'HOSTNAME_TAKEN', field: 'hostname' } })
    await expect(saveStorefront(db().ctx(a.members.sales!.actor), input())).rejects.toMatchObject({ kind: 'forbidden' })
    expect(StorefrontInputSchema.safeParse({ primaryColor: 'red', accentColor: '#000000' }).error?.issues[0]?.message).toBe('COLOR_INVALID')
  })
})

describe('storefront logo and banner', () => {
  const storage = localDiskStorage(mkdtempSync(join(tmpdir(), 'tradepost-storefront-')))
  const png = (n: number) => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, n])

  it('are uploaded by the seller\'s admin, replaced, served to anyone, and removed', async () => {
    const seller = await createOrganization(db().orm.em.fork(), { kind: 'distributor', roles: ['sales'] })
    const ctx = db().ctx(seller.admin.actor)
    const first = await setStorefrontImage(ctx, storage, 'logo', png(1))
    if (!first.ok) throw new Error(first.error.code)
    expect(first.value.images).toEqual({ logo: expect.stringMatching(/^logo-/), banner: null })
    const second = await setStorefrontImage(ctx, storage, 'logo', png(2))
    if (!second.ok) throw new Error(second.error.code)
    expect(second.value.images.logo).not.toBe(first.value.images.logo)
    const served = await readStorefrontImage(db().ctx(ANONYMOUS), storage, seller.org.slug, 'logo')
    expect(served).toEqual({ bytes: png(2), contentType: 'image/png' })
    // The replaced file is gone from storage.
    expect(await storage.get(`storefronts/${seller.org.id}/${first.value.images.logo}.png`)).toBeNull()
    await expect(readStorefrontImage(db().ctx(ANONYMOUS), storage, seller.org.slug, 'banner')).rejects.toMatchObject({ kind: 'not_found' })

    // Not an image, too large, not an admin: refused, nothing changes.
    expect(await setStorefrontImage(ctx, storage, 'banner', new TextEncoder().encode('<svg/>'))).toMatchObject({ ok: false, error: { code: 'IMAGE_NOT_AN_IMAGE', field: 'banner' } })
    expect(await setStorefrontImage(ctx, storage, 'banner', new Uint8Array(5 * 1024 * 1024 + 1).fill(0x89))).toMatchObject({ ok: false, error: { code: 'IMAGE_TOO_LARGE' } })
    await expect(setStorefrontImage(db().ctx(seller.members.sales!.actor), storage, 'logo', png(3))).rejects.toMatchObject({ kind: 'forbidden' })
    expect((await readStorefrontImage(db().ctx(ANONYMOUS), storage, seller.org.slug, 'logo')).bytes).toEqual(png(2))

    const removed = await removeStorefrontImage(ctx, storage, 'logo')
    expect(removed.images.logo).toBeNull()
    await expect(readStorefrontImage(db().ctx(ANONYMOUS), storage, seller.org.slug, 'logo')).rejects.toMatchObject({ kind: 'not_found' })
  })
})

describe('where to buy', () => {
  it('lists a brand\'s authorized distributors, nearest first', async () => {
    const em = db().orm.em.fork()
    const maker = await createOrganization(em, { kind: 'manufacturer' })
    const brand = await createBrand(em, maker.org)
    const north = await createOrganization(em, { kind: 'distributor' })
    const south = await createOrganization(em, { kind: 'distributor' })
    await createWarehouse(em, north.org, { subdivisionCode: 'VN-HN', latitude: 21.06, longitude: 105.9 })
    await createWarehouse(em, south.org, { subdivisionCode: 'VN-SG', latitude: 10.8, longitude: 106.75 })
    for (const [d, sub] of [[north, 'VN-HN'], [south, 'VN-SG']] as const) await authorizeDistributor(db().ctx(maker.admin.actor), { distributorId: d.org.id, brandId: brand.id, subdivisions: [sub], circles: [] })
    const nearSaigon = await getBrandPage(db().ctx(ANONYMOUS), brand.slug, { latitude: 10.77, longitude: 106.7 })
    expect(nearSaigon.whereToBuy.map((r) => r.distributor.slug)).toEqual([south.org.slug, north.org.slug])
    const nearHanoi = await getBrandPage(db().ctx(ANONYMOUS), brand.slug, { latitude: 21.02, longitude: 105.85 })
    expect(nearHanoi.whereToBuy[0]!.distributor.slug).toBe(north.org.slug)
    expect(nearHanoi.whereToBuy[0]!.nearestKm).toBeLessThan(10)
  })
})
