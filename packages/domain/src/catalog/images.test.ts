import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { localDiskStorage } from '@tradepost/infra/storage'
import { ANONYMOUS } from '../authz/actor.ts'
import { createBrand, createCategory, createOrganization } from '../testing/factories.ts'
import { useTestDatabase } from '../testing/test-database.ts'
import { ProductInputSchema } from './catalog.schemas.ts'
import { Brand } from './brand.entity.ts'
import { ProductImage } from './product-image.entity.ts'
import { readBrandLogo, setBrandLogo } from './reference-data.ts'
import { addProductImage, MAX_IMAGE_BYTES, readProductImage, renderImage, sniffImageType } from './images.ts'
import { saveProduct, setProductStatus } from './products.ts'

const db = useTestDatabase()
const storage = localDiskStorage(mkdtempSync(join(tmpdir(), 'tradepost-uploads-')))
export const PNG = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64'))

describe('product images', () => {
  it('stores an image of the owner\'s product, public once the product is published', async () => {
    const em = db().orm.em.fork()
    const maker = await createOrganization(em, { kind: 'manufacturer' })
    const brand = await createBrand(em, maker.org)
    const category = await createCategory(em)
    const product = await saveProduct(db().ctx(maker.admin.actor), ProductInputSchema.parse({ mpn: 'IMG-1', nameEn: 'x', nameVi: 'x', brandId: brand.id, categoryId: category.id }))
    if (!product.ok) throw new Error(product.error.code)
    const added = await addProductImage(db().ctx(maker.admin.actor), storage, product.value.id, PNG)
    if (!added.ok) throw new Error(added.error.code)
    expect(added.value.contentType).toBe('image/png')
    await expect(readProductImage(db().ctx(ANONYMOUS), storage, added.value.id)).rejects.toMatchObject({ kind: 'not_found' })
    expect((await readProductImage(db().ctx(maker.admin.actor), storage, added.value.id)).bytes).toEqual(PNG)
    await setProductStatus(db().ctx(maker.admin.actor), product.value.id, 'published')
    expect((await readProductImage(db().ctx(ANONYMOUS), storage, added.value.id)).contentType).toBe('image/png')

    const other = await createOrganization(db().orm.em.fork(), { kind: 'manufacturer' })
    await expect(addProductImage(db().ctx(other.admin.actor), storage, product.value.id, PNG)).rejects.toMatchObject({ kind: 'not_found' })
  })

  it('refuses what is not an image, whatever its name, and what is too large', async () => {
    const em = db().orm.em.fork()
    const maker = await createOrganization(em, { kind: 'manufacturer' })
    const brand = await createBrand(em, maker.org)
    const category = await createCategory(em)
    const product = await saveProduct(db().ctx(maker.admin.actor), ProductInputSchema.parse({ mpn: 'IMG-2', nameEn: 'x', nameVi: 'x', brandId: brand.id, categoryId: category.id }))
    if (!product.ok) throw new Error(product.error.code)
    const ctx = db().ctx(maker.admin.actor)
    expect(await addProductImage(ctx, storage, product.value.id, new TextEncoder().encode('<svg onload="alert(1)">'))).toEqual({ ok: false, error: { code: 'IMAGE_NOT_AN_IMAGE', field: 'image' } })
    const huge = new Uint8Array(MAX_IMAGE_BYTES + 1)
    huge.set(PNG)
    expect(await addProductImage(ctx, storage, product.value.id, huge)).toEqual({ ok: false, error: { code: 'IMAGE_TOO_LARGE', field: 'image', params: { megabytes: 5 } } })
    expect(sniffImageType(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg')
  })

  it('resizes an upload into WebP renditions, and serves the smallest one wide enough', async () => {
    const em = db().orm.em.fork()
    const maker = await createOrganization(em, { kind: 'manufacturer' })
    const brand = await createBrand(em, maker.org)
    const category = await createCategory(em)
    const ctx = db().ctx(maker.admin.actor)
    const product = await saveProduct(ctx, ProductInputSchema.parse({ mpn: 'IMG-3', nameEn: 'x', nameVi: 'x', brandId: brand.id, categoryId: category.id }))
    if (!product.ok) throw new Error(product.error.code)
    const photo = new Uint8Array(await sharp({ create: { width: 1200, height: 900, channels: 3, background: '#1d4ed8' } }).jpeg().toBuffer())
    const added = await addProductImage(ctx, storage, product.value.id, photo)
    if (!added.ok) throw new Error(added.error.code)
    expect(added.value).toMatchObject({ width: 1200, height: 900, widths: [160, 480, 960], contentType: 'image/jpeg' })
    const served = await readProductImage(ctx, storage, added.value.id, 400)
    expect(served.contentType).toBe('image/webp')
    expect(await sharp(served.bytes).metadata()).toMatchObject({ format: 'webp', width: 480, height: 360 })
    expect((await sharp((await readProductImage(ctx, storage, added.value.id, 5000)).bytes).metadata()).width).toBe(960)
    expect((await readProductImage(ctx, storage, added.value.id)).bytes).toEqual(photo)

    // A small picture is never enlarged: its own width is its only rendition.
    expect((await renderImage(PNG))?.renditions.map((r) => r.width)).toEqual([1])
    // The right first bytes over garbage, or a picture too large to decode safely: refused, nothing stored.
    const corrupt = new Uint8Array(2000).fill(7)
    corrupt.set(PNG.subarray(0, 16))
    expect(await addProductImage(ctx, storage, product.value.id, corrupt)).toEqual({ ok: false, error: { code: 'IMAGE_NOT_AN_IMAGE', field: 'image' } })
    const bomb = new Uint8Array(await sharp({ create: { width: 10000, height: 5000, channels: 3, background: '#fff' } }).png({ compressionLevel: 9 }).toBuffer())
    expect(bomb.byteLength).toBeLessThan(MAX_IMAGE_BYTES)
    expect(await addProductImage(ctx, storage, product.value.id, bomb)).toMatchObject({ ok: false, error: { code: 'IMAGE_NOT_AN_IMAGE' } })
    expect((await em.fork().find(ProductImage, { productId: product.value.id })).length).toBe(1)
  })
})

describe('brand logos', () => {
  it('keeps a WebP of the logo for the brand\'s owner only, and replaces the previous file', async () => {
    const em = db().orm.em.fork()
    const maker = await createOrganization(em, { kind: 'manufacturer' })
    const brand = await createBrand(em, maker.org)
    const ctx = db().ctx(maker.admin.actor)
    const logo = new Uint8Array(await sharp({ create: { width: 900, height: 300, channels: 4, background: '#0f766e' } }).png().toBuffer())
    const first = await setBrandLogo(ctx, storage, brand.id, logo)
    if (!first.ok) throw new Error(first.error.code)
    const served = await readBrandLogo(db().ctx(ANONYMOUS), storage, brand.slug)
    expect(await sharp(served.bytes).metadata()).toMatchObject({ format: 'webp', width: 480, height: 160 })
    const firstKey = (await em.fork().findOneOrFail(Brand, { id: brand.id })).logoKey!

    const other = await createOrganization(db().orm.em.fork(), { kind: 'manufacturer' })
    await expect(setBrandLogo(db().ctx(other.admin.actor), storage, brand.id, logo)).rejects.toMatchObject({ kind: 'not_found' })
    expect(await setBrandLogo(ctx, storage, brand.id, new TextEncoder().encode('<svg/>'))).toMatchObject({ ok: false, error: { code: 'IMAGE_NOT_AN_IMAGE', field: 'logo' } })
    expect((await em.fork().findOneOrFail(Brand, { id: brand.id })).logoKey).toBe(firstKey)

    const second = await setBrandLogo(ctx, storage, brand.id, logo)
    expect(second.ok && second.value.logo).not.toBe(first.value.logo)
    expect(await storage.get(firstKey)).toBeNull()
  })
})
