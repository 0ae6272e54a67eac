import { randomUUID } from 'node:crypto'
import sharp from 'sharp'
import type { EntityManager } from '@mikro-orm/postgresql'
import { recordAudit } from '../audit/record-audit.ts'
import { authorize, scoped } from '../authz/scoped.ts'
import type { Ctx } from '../ctx.ts'
import { DomainError, fail, ok, type Result } from '../errors.ts'
import { Product } from './product.entity.ts'
import { enqueueIndexing } from './products.ts'
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

/** The widths (CSS pixels × density) every product image is resized to, as WebP. */
export const IMAGE_WIDTHS = [160, 480, 960] as const
/** A decompression bomb (a tiny file of a huge picture) is refused before it is decoded. */
const MAX_INPUT_PIXELS = 40_000_000

export interface Rendition {
  width: number
  height: number
  bytes: Uint8Array
}

/**
 * The sizes a page picks from with `srcset`: each of IMAGE_WIDTHS no wider than the original (the
 * original's own width stands in when it is smaller than them all), turned upright by its EXIF
 * orientation, stripped of metadata, as WebP. Null when the bytes do not decode as a picture.
 */
export async function renderImage(bytes: Uint8Array): Promise<{ width: number; height: number; renditions: Rendition[] } | null> {
  try {
    const source = sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' }).rotate()
    const { info } = await source.clone().toBuffer({ resolveWithObject: true })
    const widths = [...new Set(IMAGE_WIDTHS.map((w) => Math.min(w, info.width)))]
    const renditions = await Promise.all(
      widths.map(async (width) => {
        const out = await source.clone().resize({ width, withoutEnlargement: true }).webp({ quality: 80 }).toBuffer({ resolveWithObject: true })
        return { width: out.info.width, height: out.info.height, bytes: new Uint8Array(out.data) }
      }),
    )
    return { width: info.width, height: info.height, renditions }
  } catch {
    return null
  }
}

export interface ImageDto {
  id: string
  productId: string
  contentType: string
  bytes: number
  width: number | null
  height: number | null
  /** The widths of its WebP renditions (empty for an image stored before resizing existed). */
  widths: number[]
}

const toImageDto = (i: ProductImage): ImageDto => ({ id: i.id, productId: i.productId, contentType: i.contentType, bytes: i.bytes, width: i.width ?? null, height: i.height ?? null, widths: i.widths })
const renditionKey = (storageKey: string, width: number) => `${storageKey}.${width}.webp`

/**
 * Adds an image to one of the actor's products: the original is kept, and WebP renditions in a few
 * widths are written beside it. Too large, not an image, or undecodable: refused, nothing stored.
 */
export async function addProductImage(ctx: Ctx, storage: FileStorage, productId: string, bytes: Uint8Array): Promise<Result<ImageDto, ImageError>> {
  const product = await scoped(ctx).findOneOrThrow(Product, { id: productId }, 'update')
  authorize(ctx, 'update', product)
  return storeProductImage(ctx.em, storage, product, bytes, async (em, image) => {
    recordAudit({ ...ctx, em }, { organizationId: product.organizationId, action: 'product.image_added', subjectType: 'Product', subjectId: product.id, details: { bytes: image.bytes, contentType: image.contentType, widths: image.widths.join(', ') } })
    // Search hits show the first image: the product's document is rebuilt (through the outbox).
    await enqueueIndexing({ ...ctx, em }, [product.id])
  })
}

/**
 * The storing half of `addProductImage`, for a product the caller has already authorized (the
 * demo world's seed calls it directly). `inTransaction` runs in the transaction that saves the row.
 */
export async function storeProductImage(em: EntityManager, storage: FileStorage, product: Product, bytes: Uint8Array, inTransaction?: (em: EntityManager, image: ProductImage) => Promise<void> | void): Promise<Result<ImageDto, ImageError>> {
  const checked = checkImage(bytes)
  if (!checked.ok) return checked
  const rendered = await renderImage(bytes)
  if (!rendered) return fail('IMAGE_NOT_AN_IMAGE', { field: 'image' })
  const { type, extension } = checked.value
  const key = `products/${product.id}/${randomUUID()}.${extension}`
  await storage.put(key, bytes, type)
  for (const r of rendered.renditions) await storage.put(renditionKey(key, r.width), r.bytes, 'image/webp')
  return em.transactional(async (tx) => {
    const position = await tx.count(ProductImage, { productId: product.id })
    const widths = rendered.renditions.map((r) => r.width)
    const image = tx.create(ProductImage, { organizationId: product.organizationId, productId: product.id, storageKey: key, contentType: type, bytes: bytes.byteLength, position, width: rendered.width, height: rendered.height, widths })
    tx.persist(image)
    await inTransaction?.(tx, image)
    return ok(toImageDto(image))
  })
}

export async function listProductImages(ctx: Ctx, productId: string): Promise<ImageDto[]> {
  const product = await scoped(ctx).findOneOrThrow(Product, { id: productId })
  const images = await ctx.em.find(ProductImage, { productId: product.id }, { orderBy: { position: 'asc' } })
  return images.map(toImageDto)
}

/**
 * An image's bytes, for whoever may read its product (anyone, once it is published). With a width,
 * the smallest WebP rendition at least that wide (else the largest); without, the original.
 */
export async function readProductImage(ctx: Ctx, storage: FileStorage, imageId: string, width?: number): Promise<{ bytes: Uint8Array; contentType: string }> {
  const image = await ctx.em.findOne(ProductImage, { id: imageId })
  if (!image) throw new DomainError('not_found', 'NOT_FOUND')
  await scoped(ctx).findOneOrThrow(Product, { id: image.productId })
  const widths = [...image.widths].sort((a, b) => a - b)
  const pick = width && widths.length ? (widths.find((w) => w >= width) ?? widths.at(-1)!) : null
  const bytes = await storage.get(pick ? renditionKey(image.storageKey, pick) : image.storageKey)
  if (!bytes) throw new DomainError('not_found', 'NOT_FOUND')
  return { bytes, contentType: pick ? 'image/webp' : image.contentType }
}
