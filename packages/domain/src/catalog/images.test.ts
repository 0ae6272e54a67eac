import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { localDiskStorage } from '@tradepost/infra/storage'
import { ANONYMOUS } from '../authz/actor.ts'
import { createBrand, createCategory, createOrganization } from '../testing/factories.ts'
import { useTestDatabase } from '../testing/test-database.ts'
import { ProductInputSchema } from './catalog.schemas.ts'
import { addProductImage, MAX_IMAGE_BYTES, readProductImage, sniffImageType } from './images.ts'
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
})
