import { randomUUID } from 'node:crypto'
import type { EntityManager } from '@mikro-orm/postgresql'
import type { FilterQuery } from '@mikro-orm/core'
import { recordAudit } from '../audit/record-audit.ts'
import { authorize, scoped } from '../authz/scoped.ts'
import type { Ctx } from '../ctx.ts'
import { DomainError, fail, ok, type Result } from '../errors.ts'
import { QUEUES } from '../jobs/outbox.ts'
import { slugify } from '../organizations/slug.ts'
import { containsPattern, likeLiteral } from '../text.ts'
import { DistributorAuthorization } from './authorization.entity.ts'
import { Brand } from './brand.entity.ts'
import type { AttributeDefinition, AttributeValues } from './catalog.constants.ts'
import type { ProductInput } from './catalog.schemas.ts'
import { Category } from './category.entity.ts'
import { Product } from './product.entity.ts'

export interface ProductDto {
  id: string
  organizationId: string
  slug: string
  mpn: string
  nameEn: string
  nameVi: string
  descriptionEn: string
  descriptionVi: string
  brandId: string | null
  categoryId: string
  attributes: AttributeValues
  gtin: string | null
  unitOfMeasure: Product['unitOfMeasure']
  packSize: number
  status: Product['status']
  sellerListed: boolean
  updatedAt: string
}

export const toProductDto = (p: Product): ProductDto => ({
  id: p.id,
  organizationId: p.organizationId,
  slug: p.slug,
  mpn: p.mpn,
  nameEn: p.nameEn,
  nameVi: p.nameVi,
  descriptionEn: p.descriptionEn,
  descriptionVi: p.descriptionVi,
  brandId: p.brandId ?? null,
  categoryId: p.categoryId,
  attributes: p.attributes,
  gtin: p.gtin ?? null,
  unitOfMeasure: p.unitOfMeasure,
  packSize: p.packSize,
  status: p.status,
  sellerListed: p.sellerListed,
  updatedAt: p.updatedAt.toISOString(),
})

type ProductError = 'BRAND_UNKNOWN' | 'CATEGORY_UNKNOWN' | 'MPN_TAKEN' | 'ATTRIBUTE_INVALID' | 'BRAND_NOT_ALLOWED'

/** Checks form strings against the category's typed attributes; numbers become numbers. */
export function coerceAttributes(definitions: AttributeDefinition[], input: Record<string, string>): Result<AttributeValues, 'ATTRIBUTE_INVALID'> {
  const values: AttributeValues = {}
  for (const def of definitions) {
    const raw = input[def.key]?.trim()
    if (!raw) continue
    if (def.type === 'number') {
      const n = Number(raw.replace(',', '.'))
      if (!Number.isFinite(n)) return fail('ATTRIBUTE_INVALID', { field: `attributes.${def.key}`, params: { attribute: def.labelEn } })
      values[def.key] = n
    } else if (def.type === 'enum') {
      if (!def.options?.includes(raw)) return fail('ATTRIBUTE_INVALID', { field: `attributes.${def.key}`, params: { attribute: def.labelEn } })
      values[def.key] = raw
    } else values[def.key] = raw
  }
  const unknown = Object.keys(input).filter((k) => input[k]?.trim() && !definitions.some((d) => d.key === k))
  if (unknown.length) return fail('ATTRIBUTE_INVALID', { field: `attributes.${unknown[0]}`, params: { attribute: unknown[0]! } })
  return ok(values)
}

export async function enqueueIndexing(ctx: Ctx, productIds: string[]): Promise<void> {
  if (productIds.length) await ctx.jobs.send(ctx.em, QUEUES.searchIndex, { productIds })
}

/**
 * Creates or updates (by part number) a product of the actor's organization. A manufacturer's
 * product carries one of its brands; a distributor's own product is seller-listed, unbranded.
 */
export async function saveProduct(ctx: Ctx, input: ProductInput & { id?: string }): Promise<Result<ProductDto, ProductError>> {
  const [saved] = await saveProducts(ctx, [input])
  return saved!.ok ? ok(toProductDto(saved!.value)) : saved!
}

export type ProductSave = ProductInput & {
  /** The product being edited (another organization's is not found). */
  id?: string
  /** Publish or take back to draft in the same step (imports); new products start as drafts. */
  status?: Product['status']
}

/**
 * Saves many products by the rules of `saveProduct`, in one transaction with a handful of
 * queries; each input gets its own result. With `byPartNumber`, an input without an id updates
 * the product with its part number instead of being refused as taken; imports also turn off the
 * per-product audit (the import itself is audited, start and finish).
 */
export async function saveProducts(ctx: Ctx, inputs: ProductSave[], options: { byPartNumber?: boolean; audit?: boolean } = {}): Promise<Result<Product, ProductError>[]> {
  const m = ctx.actor.membership
  if (!m) throw new DomainError('forbidden', 'FORBIDDEN')
  const orgId = m.organizationId
  return ctx.em.transactional(async (em) => {
    const tx = { ...ctx, em }
    // Someone else's product is not found, whatever else is wrong with the input.
    const ids = [...new Set(inputs.map((i) => i.id).filter((id): id is string => !!id))]
    const editing = new Map((ids.length ? await scoped(tx).find(Product, { id: { $in: ids } }, {}, 'update') : []).map((p) => [p.id, p]))
    for (const id of ids) if (!editing.has(id)) throw new DomainError('not_found', 'NOT_FOUND')
    const categories = new Map((await em.find(Category, { id: { $in: [...new Set(inputs.map((i) => i.categoryId))] } })).map((c) => [c.id, c]))
    const brandIds = [...new Set(inputs.map((i) => i.brandId).filter((b): b is string => !!b))]
    const brands = new Set((brandIds.length ? await em.find(Brand, { id: { $in: brandIds }, organizationId: orgId }) : []).map((b) => b.id))
    const byMpn = new Map((await em.find(Product, { organizationId: orgId, mpn: { $in: [...new Set(inputs.map((i) => i.mpn))] } })).map((p) => [p.mpn, p]))
    const slugs = new SlugAllocator(em)
    await slugs.reserve(inputs.filter((i) => !i.id && !byMpn.has(i.mpn)).map((i) => productSlugBase(i.nameEn, i.mpn)))
    const touched: Product[] = []

    const saveOne = (input: ProductSave): Result<Product, ProductError> => {
      const category = categories.get(input.categoryId)
      if (!category) return fail('CATEGORY_UNKNOWN', { field: 'categoryId' })
      let brandId: string | null = null
      if (m.organizationKind === 'manufacturer') {
        if (!input.brandId || !brands.has(input.brandId)) return fail('BRAND_UNKNOWN', { field: 'brandId' })
        brandId = input.brandId
      } else if (input.brandId) return fail('BRAND_NOT_ALLOWED', { field: 'brandId' })
      const attributes = coerceAttributes(category.attributes, input.attributes)
      if (!attributes.ok) return attributes

      const sameMpn = byMpn.get(input.mpn)
      const existing = input.id ? editing.get(input.id)! : options.byPartNumber ? sameMpn : undefined
      if (sameMpn && sameMpn !== existing) return fail('MPN_TAKEN', { field: 'mpn' })
      const fields = {
        mpn: input.mpn,
        nameEn: input.nameEn,
        nameVi: input.nameVi,
        descriptionEn: input.descriptionEn,
        descriptionVi: input.descriptionVi,
        brandId,
        categoryId: category.id,
        attributes: attributes.value,
        gtin: input.gtin ?? null,
        unitOfMeasure: input.unitOfMeasure,
        packSize: input.packSize,
      }
      let product: Product
      if (existing) {
        authorize(tx, 'update', existing)
        if (existing.mpn !== input.mpn) byMpn.delete(existing.mpn)
        product = em.assign(existing, fields)
      } else {
        product = em.create(Product, { ...fields, id: randomUUID(), organizationId: orgId, slug: slugs.next(productSlugBase(input.nameEn, input.mpn)), sellerListed: m.organizationKind !== 'manufacturer', status: 'draft' })
        authorize(tx, 'create', product)
      }
      byMpn.set(product.mpn, product)
      const audit = (action: string) => {
        if (options.audit !== false) recordAudit(tx, { organizationId: orgId, action, subjectType: 'Product', subjectId: product.id, details: { mpn: product.mpn } })
      }
      audit(existing ? 'product.updated' : 'product.created')
      if (input.status && input.status !== product.status) {
        product.status = input.status
        audit(input.status === 'published' ? 'product.published' : 'product.unpublished')
      }
      touched.push(product)
      return ok(product)
    }

    const results = inputs.map(saveOne)
    await em.flush()
    await enqueueIndexing(tx, [...new Set(touched.map((p) => p.id))])
    return results
  })
}

const productSlugBase = (name: string, mpn: string) => slugify(`${name} ${mpn}`).slice(0, 140)

/** Hands out product slugs not taken yet: `base`, then `base-2`, `base-3`… */
class SlugAllocator {
  private taken = new Set<string>()
  private em: EntityManager
  constructor(em: EntityManager) {
    this.em = em
  }
  /** Reads the slugs already taken that these bases could collide with (by index; numbered ones only for a base taken). */
  async reserve(bases: string[]) {
    const unique = [...new Set(bases)]
    if (!unique.length) return
    const taken = (await this.em.find(Product, { slug: { $in: unique } }, { fields: ['slug'] })).map((p) => p.slug)
    for (const slug of taken) this.taken.add(slug)
    if (taken.length) {
      const numbered = await this.em.find(Product, { $or: taken.map((base) => ({ slug: { $like: `${base}-%` } })) }, { fields: ['slug'] })
      for (const p of numbered) this.taken.add(p.slug)
    }
  }
  next(base: string): string {
    for (let i = 1; ; i++) {
      const slug = i === 1 ? base : `${base}-${i}`
      if (!this.taken.has(slug)) {
        this.taken.add(slug)
        return slug
      }
    }
  }
}

/** Publishes (or takes back to draft) one of the actor's products; search follows. */
export async function setProductStatus(ctx: Ctx, productId: string, status: Product['status']): Promise<ProductDto> {
  return ctx.em.transactional(async (em) => {
    const tx = { ...ctx, em }
    const product = await scoped(tx).findOneOrThrow(Product, { id: productId }, 'update')
    authorize(tx, 'update', product)
    if (product.status !== status) {
      product.status = status
      recordAudit(tx, { organizationId: product.organizationId, action: status === 'published' ? 'product.published' : 'product.unpublished', subjectType: 'Product', subjectId: product.id, details: { mpn: product.mpn } })
      await em.flush()
      await enqueueIndexing(tx, [product.id])
    }
    return toProductDto(product)
  })
}

export async function listMyProducts(ctx: Ctx): Promise<ProductDto[]> {
  const orgId = ctx.actor.membership?.organizationId
  if (!orgId) return []
  const products = await scoped(ctx).find(Product, { organizationId: orgId }, { orderBy: { updatedAt: 'desc' }, limit: 500 })
  return products.map(toProductDto)
}

export async function getMyProduct(ctx: Ctx, productId: string): Promise<ProductDto> {
  const orgId = ctx.actor.membership?.organizationId
  if (!orgId) throw new DomainError('not_found', 'NOT_FOUND')
  return toProductDto(await scoped(ctx).findOneOrThrow(Product, { id: productId, organizationId: orgId }))
}

export interface OfferableProduct {
  id: string
  /** "Name (part number)" in English and in Vietnamese: what the picker shows and takes back. */
  label: string
  labelVi: string
}

/**
 * The products this seller may offer: its own (drafts included), and the published products of
 * brands whose manufacturer has authorized it. Anything else would only be refused after submit
 * (`saveOffer` checks the same two rules).
 */
async function offerableWhere(ctx: Ctx): Promise<FilterQuery<Product> | null> {
  const orgId = ctx.actor.membership?.organizationId
  if (!orgId) return null
  const brandIds = (await scoped(ctx).find(DistributorAuthorization, { distributorId: orgId })).map((g) => g.brandId)
  return { $or: [{ organizationId: orgId }, ...(brandIds.length ? [{ status: 'published' as const, brandId: { $in: brandIds } }] : [])] }
}

const toOfferable = (p: Product): OfferableProduct => ({ id: p.id, label: `${p.nameEn} (${p.mpn})`, labelVi: `${p.nameVi} (${p.mpn})` })

/**
 * The product picker of the offer form, searched on the server as one types: products this seller
 * may offer whose name (either language) or part number contains the text, at most `limit`.
 */
export async function findOfferableProducts(ctx: Ctx, text: string, limit = 20): Promise<OfferableProduct[]> {
  const q = text.trim()
  const offerable = await offerableWhere(ctx)
  if (q.length < 2 || !offerable) return []
  const like = { $ilike: containsPattern(q) }
  const products = await scoped(ctx).find(Product, { $and: [offerable, { $or: [{ nameEn: like }, { nameVi: like }, { mpn: like }] }] }, { orderBy: { nameEn: 'asc', id: 'asc' }, limit })
  return products.map(toOfferable)
}

/**
 * The one product this seller may offer that a picker's text names: its label as suggested
 * ("Name (part number)"), its part number, or its name in either language (any case). Null when
 * none or several match. Without JavaScript the picker is a text field and this reads it.
 */
export async function offerableProductNamed(ctx: Ctx, text: string): Promise<OfferableProduct | null> {
  const q = text.trim()
  const offerable = await offerableWhere(ctx)
  if (!q || !offerable) return null
  const exact = (value: string) => ({ $ilike: likeLiteral(value) })
  const mpn = /\(([^()]+)\)\s*$/.exec(q)?.[1]?.trim()
  const names = [{ mpn: exact(q) }, { nameEn: exact(q) }, { nameVi: exact(q) }, ...(mpn ? [{ mpn: exact(mpn) }] : [])]
  const found = await scoped(ctx).find(Product, { $and: [offerable, { $or: names }] }, { limit: 2 })
  return found.length === 1 ? toOfferable(found[0]!) : null
}

/** One product this seller may offer, by id (to prefill the picker from a product's page). */
export async function offerableProduct(ctx: Ctx, id: string): Promise<OfferableProduct | null> {
  const offerable = await offerableWhere(ctx)
  if (!offerable) return null
  const found = await scoped(ctx).findOne(Product, { $and: [offerable, { id }] })
  return found ? toOfferable(found) : null
}
