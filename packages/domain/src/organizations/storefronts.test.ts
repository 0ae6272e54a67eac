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
import { QUEUES } from '../jobs/outbox.ts'
import { Storefront } from './storefront.entity.ts'
import { approveStorefrontHost, findStorefrontByHost, getMyHostVerification, getStorefront, isStorefrontHost, readStorefrontImage, removeStorefrontImage, saveStorefront, setStorefrontImage, StorefrontInputSchema, verifyStorefrontHost } from './storefronts.ts'

const db = useTestDatabase()
const queuedChecks = async (organizationId: string) => {
  const row = await db().orm.em.fork().findOneOrFail(Storefront, { organizationId })
  return (await db().boss.findJobs<{ storefrontId: string }>(QUEUES.storefrontHostVerify, { queued: true })).filter((j) => j.data.storefrontId === row.id).length
}
const input = (over: Record<string, string> = {}) => StorefrontInputSchema.parse({ primaryColor: '#112233', accentColor: '#445566', taglineEn: 'Parts fast', ...over })

describe('storefronts', () => {
  it('serves a seller\'s storefront by slug, by its own host name once proved by DNS, and no buyer\'s', async () => {
    const seller = await createOrganization(db().orm.em.fork(), { kind: 'distributor' })
    const host = `shop-${Date.now()}.example.vn`
    const saved = await saveStorefront(db().ctx(seller.admin.actor), input({ hostname: host.toUpperCase() }))
    if (!saved.ok) throw new Error(saved.error.code)
    // Claimed, not proved: the host serves nothing yet, and a check is queued.
    expect(await findStorefrontByHost(db().ctx(ANONYMOUS), host)).toBeNull()
    expect(await isStorefrontHost(db().ctx(ANONYMOUS), host)).toBe(false)
    expect(await queuedChecks(saved.value.organizationId)).toBe(1)
    const pending = await getMyHostVerification(db().ctx(seller.admin.actor))
    expect(pending).toMatchObject({ hostname: host, verifiedAt: null, record: { name: `_tradepost-verify.${host}` } })

    // The worker looks the record up through the resolver port: a wrong value proves nothing…
    const storefrontId = (await db().orm.em.fork().findOneOrFail(Storefront, { organizationId: seller.org.id })).id
    const dns = (records: Record<string, string[][]>) => ({ resolveTxt: async (name: string) => records[name] ?? Promise.reject(Object.assign(new Error('ENOTFOUND'), { code: 'ENOTFOUND' })) })
    expect(await verifyStorefrontHost(db().ctx(ANONYMOUS), dns({}), storefrontId)).toBe('pending')
    expect(await verifyStorefrontHost(db().ctx(ANONYMOUS), dns({ [pending!.record.name]: [['tradepost-verify=someone-else']] }), storefrontId)).toBe('pending')
    // …the storefront's own token does (TXT strings may arrive split in chunks).
    const value = pending!.record.value
    expect(await verifyStorefrontHost(db().ctx(ANONYMOUS), dns({ [pending!.record.name]: [['v=spf1 -all'], [value.slice(0, 10), value.slice(10)]] }), storefrontId)).toBe('verified')
    expect((await getStorefront(db().ctx(ANONYMOUS), { hostname: host })).organizationId).toBe(seller.org.id)
    expect(await isStorefrontHost(db().ctx(ANONYMOUS), host)).toBe(true)
    expect(await findStorefrontByHost(db().ctx(ANONYMOUS), 'unmapped.example.vn')).toBeNull()
    expect((await getStorefront(db().ctx(ANONYMOUS), { slug: seller.org.slug })).tagline.en).toBe('Parts fast')
    const buyer = await createOrganization(db().orm.em.fork(), { kind: 'buyer' })
    await expect(getStorefront(db().ctx(ANONYMOUS), { slug: buyer.org.slug })).rejects.toMatchObject({ kind: 'not_found' })
  })

  it('refuses the marketplace\'s own host names, one proved by another storefront, and non-admins; a mere claim is taken over', async () => {
    const a = await createOrganization(db().orm.em.fork(), { kind: 'distributor', roles: ['sales'] })
    const b = await createOrganization(db().orm.em.fork(), { kind: 'manufacturer' })
    const operator = await createOrganization(db().orm.em.fork(), { kind: 'operator' })
    const reservedHosts = ['market.example.com', 'sell.example.com']
    for (const hostname of ['market.example.com', 'shop.market.example.com', 'SELL.example.com', 'shop.localhost']) {
      const refused = await saveStorefront(db().ctx(a.admin.actor), input({ hostname }), { reservedHosts })
      expect(refused, hostname).toEqual({ ok: false, error: { code: 'HOSTNAME_RESERVED', field: 'hostname' } })
    }
    for (const hostname of ['127.0.0.1', 'localhost', '[::1]']) expect(StorefrontInputSchema.safeParse({ primaryColor: '#000000', accentColor: '#000000', hostname }).success, hostname).toBe(false)

    const host = `taken-${Date.now()}.example.vn`
    expect((await saveStorefront(db().ctx(a.admin.actor), input({ hostname: host }), { reservedHosts })).ok).toBe(true)
    // B only claims what A only claimed: B takes it over (a claim proves nothing)…
    expect((await saveStorefront(db().ctx(b.admin.actor), input({ hostname: host }), { reservedHosts })).ok).toBe(true)
    expect(await getMyHostVerification(db().ctx(a.admin.actor))).toBeNull()
    // …and once the operator approves B's, nobody else may have it.
    expect((await approveStorefrontHost(db().ctx(operator.admin.actor), b.org.id)).ok).toBe(true)
    expect(await isStorefrontHost(db().ctx(ANONYMOUS), host)).toBe(true)
    expect(await saveStorefront(db().ctx(a.admin.actor), input({ hostname: host }), { reservedHosts })).toEqual({ ok: false, error: { code: 'HOSTNAME_TAKEN', field: 'hostname' } })
    await expect(approveStorefrontHost(db().ctx(a.admin.actor), b.org.id)).rejects.toMatchObject({ kind: 'forbidden' })
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
