import { recordAudit } from '../audit/record-audit.ts'
import { authorize, scoped } from '../authz/scoped.ts'
import type { Ctx } from '../ctx.ts'
import { DomainError, fail, ok, type Result } from '../errors.ts'
import { QUEUES } from '../jobs/outbox.ts'
import { slugify } from '../organizations/slug.ts'
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
  const m = ctx.actor.membership
  if (!m) throw new DomainError('forbidden', 'FORBIDDEN')
  return ctx.em.transactional(async (em) => {
    const tx = { ...ctx, em }
    // Someone else's product is not found, whatever else is wrong with the input.
    const editing = input.id ? await scoped(tx).findOneOrThrow(Product, { id: input.id }, 'update') : null
    const category = await em.findOne(Category, { id: input.categoryId })
    if (!category) return fail('CATEGORY_UNKNOWN', { field: 'categoryId' })
    let brandId: string | null = null
    if (m.organizationKind === 'manufacturer') {
      if (!input.brandId) return fail('BRAND_UNKNOWN', { field: 'brandId' })
      const brand = await em.findOne(Brand, { id: input.brandId, organizationId: m.organizationId })
      if (!brand) return fail('BRAND_UNKNOWN', { field: 'brandId' })
      brandId = brand.id
    } else if (input.brandId) return fail('BRAND_NOT_ALLOWED', { field: 'brandId' })
    const attributes = coerceAttributes(category.attributes, input.attributes)
    if (!attributes.ok) return attributes

    const existing = editing ?? (await em.findOne(Product, { organizationId: m.organizationId, mpn: input.mpn }))
    if (existing && !input.id) return fail('MPN_TAKEN', { field: 'mpn' })
    if (existing && existing.mpn !== input.mpn && (await em.count(Product, { organizationId: m.organizationId, mpn: input.mpn }))) return fail('MPN_TAKEN', { field: 'mpn' })
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
      product = em.assign(existing, fields)
    } else {
      product = em.create(Product, { ...fields, organizationId: m.organizationId, slug: await uniqueProductSlug(tx, input.nameEn, input.mpn), sellerListed: m.organizationKind !== 'manufacturer', status: 'draft' })
      authorize(tx, 'create', product)
      em.persist(product)
    }
    await em.flush()
    recordAudit(tx, { organizationId: m.organizationId, action: existing ? 'product.updated' : 'product.created', subjectType: 'Product', subjectId: product.id, details: { mpn: product.mpn } })
    await enqueueIndexing(tx, [product.id])
    return ok(toProductDto(product))
  })
}

async function uniqueProductSlug(ctx: Ctx, name: string, mpn: string): Promise<string> {
  const base = slugify(`${name} ${mpn}`).slice(0, 140)
  for (let i = 1; ; i++) {
    const slug = i === 1 ? base : `${base}-${i}`
    if (!(await ctx.em.count(Product, { slug }))) return slug
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

/** Products a seller may pick for an offer: published ones and its own. */
export async function listOfferableProducts(ctx: Ctx): Promise<{ id: string; label: string }[]> {
  const orgId = ctx.actor.membership?.organizationId
  const products = await scoped(ctx).find(Product, orgId ? { $or: [{ status: 'published' }, { organizationId: orgId }] } : { status: 'published' }, { orderBy: { nameEn: 'asc' }, limit: 1000 })
  return products.map((p) => ({ id: p.id, label: `${p.nameEn} (${p.mpn})` }))
}
