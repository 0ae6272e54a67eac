import { randomUUID } from 'node:crypto'
import { scoped } from '../authz/scoped.ts'
import type { Ctx } from '../ctx.ts'
import { recordAudit } from '../audit/record-audit.ts'
import { authorize } from '../authz/scoped.ts'
import { DomainError, fail, ok, type Result } from '../errors.ts'
import { slugify } from '../organizations/slug.ts'
import { Brand } from './brand.entity.ts'
import type { AttributeDefinition } from './catalog.constants.ts'
import { Category } from './category.entity.ts'
import { checkImage, renderImage, type FileStorage, type ImageError } from './images.ts'

export interface CategoryDto {
  id: string
  parentId: string | null
  slug: string
  nameEn: string
  nameVi: string
  attributes: AttributeDefinition[]
}
export interface BrandDto {
  id: string
  organizationId: string
  name: string
  slug: string
  /** A token that changes with the logo (for cache-busting its address), or null without one. */
  logo: string | null
}

const toBrandDto = (b: Brand): BrandDto => ({ id: b.id, organizationId: b.organizationId, name: b.name, slug: b.slug, logo: b.logoKey ? (b.logoKey.split('/').pop() ?? null) : null })

export async function listCategories(ctx: Ctx): Promise<CategoryDto[]> {
  const categories = await scoped(ctx).find(Category, {}, { orderBy: { nameEn: 'asc' } })
  return categories.map((c) => ({ id: c.id, parentId: c.parentId ?? null, slug: c.slug, nameEn: c.nameEn, nameVi: c.nameVi, attributes: c.attributes }))
}

/** Brands of the actor's organization (a manufacturer's). */
export async function listMyBrands(ctx: Ctx): Promise<BrandDto[]> {
  const orgId = ctx.actor.membership?.organizationId
  if (!orgId) return []
  const brands = await scoped(ctx).find(Brand, { organizationId: orgId }, { orderBy: { name: 'asc' } })
  return brands.map(toBrandDto)
}

export async function createBrand(ctx: Ctx, input: { name: string }): Promise<Result<BrandDto, 'BRAND_TAKEN'>> {
  const m = ctx.actor.membership
  if (!m) throw new DomainError('forbidden', 'FORBIDDEN')
  return ctx.em.transactional(async (em) => {
    const slug = slugify(input.name)
    const brand = em.create(Brand, { organizationId: m.organizationId, name: input.name, slug }, { persist: false })
    authorize({ ...ctx, em }, 'create', brand)
    if (await em.count(Brand, { slug })) return fail('BRAND_TAKEN', { field: 'name' })
    em.persist(brand)
    recordAudit({ ...ctx, em }, { organizationId: m.organizationId, action: 'brand.created', subjectType: 'Brand', subjectId: brand.id, details: { name: brand.name } })
    return ok(toBrandDto(brand))
  })
}

export async function getCategoryBySlug(ctx: Ctx, slug: string): Promise<CategoryDto> {
  const c = await scoped(ctx).findOneOrThrow(Category, { slug })
  return { id: c.id, parentId: c.parentId ?? null, slug: c.slug, nameEn: c.nameEn, nameVi: c.nameVi, attributes: c.attributes }
}

/**
 * The attributes a search within a category can filter on: the category's own, then those of the
 * categories under it (first definition of a key wins), at most `limit`.
 */
export async function categoryFilterAttributes(ctx: Ctx, slug: string | undefined, limit = 8): Promise<AttributeDefinition[]> {
  if (!slug) return []
  const all = await scoped(ctx).find(Category, {}, { orderBy: { nameEn: 'asc' } })
  const root = all.find((c) => c.slug === slug)
  if (!root) return []
  const definitions = new Map<string, AttributeDefinition>()
  const queue = [root]
  for (let c = queue.shift(); c; c = queue.shift()) {
    for (const a of c.attributes) if (!definitions.has(a.key)) definitions.set(a.key, a)
    queue.push(...all.filter((child) => child.parentId === c!.id))
  }
  return [...definitions.values()].slice(0, limit)
}

/** The width a brand logo is kept at (a WebP rendition: logos show small). */
const LOGO_WIDTH = 480

/**
 * Sets the logo of one of the actor's brands: checked like any upload (type by its bytes, 5 MB,
 * decodable), kept as a WebP at most 480 px wide; the previous logo's file is deleted.
 */
export async function setBrandLogo(ctx: Ctx, storage: FileStorage, brandId: string, bytes: Uint8Array): Promise<Result<BrandDto, ImageError>> {
  const brand = await scoped(ctx).findOneOrThrow(Brand, { id: brandId }, 'update')
  authorize(ctx, 'update', brand)
  const checked = checkImage(bytes, 'logo')
  if (!checked.ok) return checked
  const rendered = await renderImage(bytes)
  const rendition = rendered?.renditions.find((r) => r.width >= Math.min(LOGO_WIDTH, rendered.width))
  if (!rendition) return fail('IMAGE_NOT_AN_IMAGE', { field: 'logo' })
  const key = `brands/${brand.id}/logo-${randomUUID()}.webp`
  await storage.put(key, rendition.bytes, 'image/webp')
  const previous = brand.logoKey
  await ctx.em.transactional(async (em) => {
    em.assign(brand, { logoKey: key })
    em.persist(brand)
    recordAudit({ ...ctx, em }, { organizationId: brand.organizationId, action: 'brand.logo_set', subjectType: 'Brand', subjectId: brand.id, details: { name: brand.name, bytes: bytes.byteLength } })
  })
  if (previous) await storage.delete(previous).catch(() => undefined)
  return ok(toBrandDto(brand))
}

/** A brand's logo, for anyone (brands are public). */
export async function readBrandLogo(ctx: Ctx, storage: FileStorage, slug: string): Promise<{ bytes: Uint8Array; contentType: string }> {
  const brand = await scoped(ctx).findOneOrThrow(Brand, { slug })
  const bytes = brand.logoKey ? await storage.get(brand.logoKey) : null
  if (!bytes) throw new DomainError('not_found', 'NOT_FOUND')
  return { bytes, contentType: 'image/webp' }
}
