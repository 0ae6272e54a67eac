import { randomUUID } from 'node:crypto'
import { recordAudit } from '../audit/record-audit.ts'
import { authorize, scoped } from '../authz/scoped.ts'
import type { Ctx } from '../ctx.ts'
import { DomainError, fail, ok, type Result } from '../errors.ts'
import { Product } from './product.entity.ts'
import { ProductImage } from './product-image.entity.ts'

/** Where uploaded files go: local disk by default (infra), an S3-compatible bucket later. */
export interface FileStorage {
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>
  get(key: string): Promise<Uint8Array | null>
  delete(key: string): Promise<void>
}

export const MAX_IMAGE_BYTES = 5 * 1024 * 1024
const TYPES = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/webp': 'webp', 'image/gif': 'gif' } as const
type ImageType = keyof typeof TYPES

/** The image type from the file's first bytes (never from its name or the browser's word). */
export function sniffImageType(bytes: Uint8Array): ImageType | null {
  const at = (i: number, ...values: number[]) => values.every((v, k) => bytes[i + k] === v)
  if (at(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png'
  if (at(0, 0xff, 0xd8, 0xff)) return 'image/jpeg'
  if (at(0, 0x52, 0x49, 0x46, 0x46) && at(8, 0x57, 0x45, 0x42, 0x50)) return 'image/webp'
  if (at(0, 0x47, 0x49, 0x46, 0x38)) return 'image/gif'
  return null
}

export type ImageError = 'IMAGE_TOO_LARGE' | 'IMAGE_NOT_AN_IMAGE' | 'IMAGE_EMPTY'

/** An uploaded image, checked: not empty, at most 5 MB, and truly an image (by its bytes). */
export function checkImage(bytes: Uint8Array, field = 'image'): Result<{ type: ImageType; extension: string }, ImageError> {
  if (bytes.byteLength === 0) return fail('IMAGE_EMPTY', { field })
  if (bytes.byteLength > MAX_IMAGE_BYTES) return fail('IMAGE_TOO_LARGE', { field, params: { megabytes: MAX_IMAGE_BYTES / 1024 / 1024 } })
  const type = sniffImageType(bytes)
  if (!type) return fail('IMAGE_NOT_AN_IMAGE', { field })
  return ok({ type, extension: TYPES[type] })
}

export interface ImageDto {
  id: string
  productId: string
  contentType: string
  bytes: number
}

const toImageDto = (i: ProductImage): ImageDto => ({ id: i.id, productId: i.productId, contentType: i.contentType, bytes: i.bytes })

/** Adds an image to one of the actor's products. Too large or not an image: refused, nothing stored. */
export async function addProductImage(ctx: Ctx, storage: FileStorage, productId: string, bytes: Uint8Array): Promise<Result<ImageDto, ImageError>> {
  const product = await scoped(ctx).findOneOrThrow(Product, { id: productId }, 'update')
  authorize(ctx, 'update', product)
  const checked = checkImage(bytes)
  if (!checked.ok) return checked
  const { type, extension } = checked.value
  const key = `products/${product.id}/${randomUUID()}.${extension}`
  await storage.put(key, bytes, type)
  return ctx.em.transactional(async (em) => {
    const position = await em.count(ProductImage, { productId: product.id })
    const image = em.create(ProductImage, { organizationId: product.organizationId, productId: product.id, storageKey: key, contentType: type, bytes: bytes.byteLength, position })
    em.persist(image)
    recordAudit({ ...ctx, em }, { organizationId: product.organizationId, action: 'product.image_added', subjectType: 'Product', subjectId: product.id, details: { bytes: bytes.byteLength, contentType: type } })
    return ok(toImageDto(image))
  })
}

export async function listProductImages(ctx: Ctx, productId: string): Promise<ImageDto[]> {
  const product = await scoped(ctx).findOneOrThrow(Product, { id: productId })
  const images = await ctx.em.find(ProductImage, { productId: product.id }, { orderBy: { position: 'asc' } })
  return images.map(toImageDto)
}

/** An image's bytes, for whoever may read its product (anyone, once it is published). */
export async function readProductImage(ctx: Ctx, storage: FileStorage, imageId: string): Promise<{ bytes: Uint8Array; contentType: string }> {
  const image = await ctx.em.findOne(ProductImage, { id: imageId })
  if (!image) throw new DomainError('not_found', 'NOT_FOUND')
  await scoped(ctx).findOneOrThrow(Product, { id: image.productId })
  const bytes = await storage.get(image.storageKey)
  if (!bytes) throw new DomainError('not_found', 'NOT_FOUND')
  return { bytes, contentType: image.contentType }
}
