import { randomUUID } from 'node:crypto'
import { recordAudit } from '../audit/record-audit.ts'
import { checkImage, type FileStorage, type ImageError } from '../catalog/images.ts'
import { authorize, scoped } from '../authz/scoped.ts'
import type { Ctx } from '../ctx.ts'
import { DomainError, fail, ok, type Result } from '../errors.ts'
import { Organization } from './organization.entity.ts'
import { Storefront } from './storefront.entity.ts'
import { Warehouse } from './warehouse.entity.ts'
import type { StorefrontImageSlot, StorefrontInput } from './storefront.schemas.ts'

export { StorefrontInputSchema, STOREFRONT_IMAGE_SLOTS, type StorefrontImageSlot, type StorefrontInput } from './storefront.schemas.ts'

export interface StorefrontDto {
  organizationId: string
  name: string
  slug: string
  kind: Organization['kind']
  currency: string
  primaryColor: string
  accentColor: string
  tagline: { en: string; vi: string }
  about: { en: string; vi: string }
  hostname: string | null
  cities: string[]
  /** Versions of the uploaded logo and banner (they change with each upload), or null. */
  images: Record<StorefrontImageSlot, string | null>
}

const SLOT_COLUMNS = { logo: { key: 'logoKey', type: 'logoType' }, banner: { key: 'bannerKey', type: 'bannerType' } } as const
/** The version of a stored image: its key's last part. */
const versionOf = (key: string | null | undefined) => (key ? key.slice(key.lastIndexOf('/') + 1, key.lastIndexOf('.')) : null)

const DEFAULTS = { primaryColor: '#1d4ed8', accentColor: '#0f766e', taglineEn: '', taglineVi: '', aboutEn: '', aboutVi: '', hostname: null, logoKey: null, bannerKey: null }

/** The storefront of an active seller, by its slug (or by a host name mapped to it). */
export async function getStorefront(ctx: Ctx, by: { slug: string } | { hostname: string }): Promise<StorefrontDto> {
  const found = await findStorefront(ctx, by)
  if (!found) throw new DomainError('not_found', 'NOT_FOUND')
  return found
}

/** The storefront a host name is mapped to, or null (the marketplace itself). */
export function findStorefrontByHost(ctx: Ctx, hostname: string): Promise<StorefrontDto | null> {
  return findStorefront(ctx, { hostname })
}

/** Whether a host name serves an active seller's storefront (the marketplace answers it then). */
export async function isStorefrontHost(ctx: Ctx, hostname: string): Promise<boolean> {
  return (await findSeller(ctx, { hostname })) !== null
}

/** An active seller and its storefront settings (null until it saved some), by slug or host name. */
async function findSeller(ctx: Ctx, by: { slug: string } | { hostname: string }): Promise<{ org: Organization; settings: Storefront | null } | null> {
  let org: Organization | null
  let settings: Storefront | null
  if ('hostname' in by) {
    settings = await scoped(ctx).findOne(Storefront, { hostname: by.hostname.toLowerCase() })
    org = settings ? await scoped(ctx).findOne(Organization, { id: settings.organizationId }) : null
  } else {
    org = await scoped(ctx).findOne(Organization, { slug: by.slug, status: 'active', kind: { $in: ['manufacturer', 'distributor'] } })
    settings = org ? await scoped(ctx).findOne(Storefront, { organizationId: org.id }) : null
  }
  if (!org || org.status !== 'active' || (org.kind !== 'manufacturer' && org.kind !== 'distributor')) return null
  return { org, settings }
}

async function findStorefront(ctx: Ctx, by: { slug: string } | { hostname: string }): Promise<StorefrontDto | null> {
  const found = await findSeller(ctx, by)
  if (!found) return null
  const { org } = found
  const s = found.settings ?? DEFAULTS
  const warehouses = await ctx.em.find(Warehouse, { organizationId: org.id })
  return {
    organizationId: org.id,
    name: org.name,
    slug: org.slug,
    kind: org.kind,
    currency: org.defaultCurrency,
    primaryColor: s.primaryColor,
    accentColor: s.accentColor,
    tagline: { en: s.taglineEn, vi: s.taglineVi },
    about: { en: s.aboutEn, vi: s.aboutVi },
    hostname: s.hostname ?? null,
    cities: [...new Set(warehouses.map((w) => w.city))],
    images: { logo: versionOf(s.logoKey), banner: versionOf(s.bannerKey) },
  }
}


/** A seller's admin sets its storefront's look and words. */
export async function saveStorefront(ctx: Ctx, input: StorefrontInput): Promise<Result<StorefrontDto, 'HOSTNAME_TAKEN'>> {
  const m = ctx.actor.membership
  if (!m) throw new DomainError('forbidden', 'FORBIDDEN')
  return ctx.em.transactional(async (em) => {
    const tx = { ...ctx, em }
    if (input.hostname && (await em.count(Storefront, { hostname: input.hostname, organizationId: { $ne: m.organizationId } }))) return fail('HOSTNAME_TAKEN', { field: 'hostname' })
    let row = await em.findOne(Storefront, { organizationId: m.organizationId })
    const fields = { ...input, hostname: input.hostname ?? null }
    if (row) em.assign(row, fields)
    else em.persist((row = em.create(Storefront, { organizationId: m.organizationId, ...fields })))
    authorize(tx, 'update', row)
    recordAudit(tx, { organizationId: m.organizationId, action: 'storefront.updated', subjectType: 'Storefront', subjectId: row.id, details: { hostname: fields.hostname } })
    await em.flush()
    const org = await em.findOneOrFail(Organization, { id: m.organizationId })
    return ok(await getStorefront(tx, { slug: org.slug }))
  })
}

/** The storefront of the actor's own organization (for its settings page). */
export async function getMyStorefront(ctx: Ctx): Promise<StorefrontDto> {
  const orgId = ctx.actor.membership?.organizationId
  if (!orgId) throw new DomainError('forbidden', 'FORBIDDEN')
  const org = await scoped(ctx).findOneOrThrow(Organization, { id: orgId })
  return getStorefront(ctx, { slug: org.slug })
}

/**
 * A seller's admin uploads its storefront's logo or banner (replacing the previous one). Too
 * large or not an image: refused, nothing stored. The old file is deleted once the new one is in.
 */
export async function setStorefrontImage(ctx: Ctx, storage: FileStorage, slot: StorefrontImageSlot, bytes: Uint8Array): Promise<Result<StorefrontDto, ImageError>> {
  const m = ctx.actor.membership
  if (!m) throw new DomainError('forbidden', 'FORBIDDEN')
  const checked = checkImage(bytes, slot)
  if (!checked.ok) return checked
  // Refuse before storing anything when the actor may not change the storefront.
  authorize(ctx, 'update', ctx.em.create(Storefront, { organizationId: m.organizationId }, { persist: false }))
  const key = `storefronts/${m.organizationId}/${slot}-${randomUUID()}.${checked.value.extension}`
  await storage.put(key, bytes, checked.value.type)
  let previous: string | null = null
  try {
    previous = await ctx.em.transactional(async (em) => {
      let row = await em.findOne(Storefront, { organizationId: m.organizationId })
      if (!row) em.persist((row = em.create(Storefront, { organizationId: m.organizationId })))
      authorize({ ...ctx, em }, 'update', row)
      const old = row[SLOT_COLUMNS[slot].key] ?? null
      em.assign(row, { [SLOT_COLUMNS[slot].key]: key, [SLOT_COLUMNS[slot].type]: checked.value.type })
      recordAudit({ ...ctx, em }, { organizationId: m.organizationId, action: 'storefront.image_set', subjectType: 'Storefront', subjectId: row.id, details: { slot, bytes: bytes.byteLength, contentType: checked.value.type } })
      return old
    })
  } catch (error) {
    await storage.delete(key).catch(() => undefined)
    throw error
  }
  if (previous) await storage.delete(previous).catch(() => undefined)
  return ok(await getMyStorefront(ctx))
}

/** Takes the logo or banner off the storefront. */
export async function removeStorefrontImage(ctx: Ctx, storage: FileStorage, slot: StorefrontImageSlot): Promise<StorefrontDto> {
  const m = ctx.actor.membership
  if (!m) throw new DomainError('forbidden', 'FORBIDDEN')
  const previous = await ctx.em.transactional(async (em) => {
    const row = await em.findOne(Storefront, { organizationId: m.organizationId })
    if (!row) return null
    authorize({ ...ctx, em }, 'update', row)
    const old = row[SLOT_COLUMNS[slot].key] ?? null
    em.assign(row, { [SLOT_COLUMNS[slot].key]: null, [SLOT_COLUMNS[slot].type]: null })
    if (old) recordAudit({ ...ctx, em }, { organizationId: m.organizationId, action: 'storefront.image_removed', subjectType: 'Storefront', subjectId: row.id, details: { slot } })
    return old
  })
  if (previous) await storage.delete(previous).catch(() => undefined)
  return getMyStorefront(ctx)
}

/** A storefront's logo or banner, for anyone, while its seller is active. */
export async function readStorefrontImage(ctx: Ctx, storage: FileStorage, slug: string, slot: StorefrontImageSlot): Promise<{ bytes: Uint8Array; contentType: string }> {
  const row = (await findSeller(ctx, { slug }))?.settings
  const key = row?.[SLOT_COLUMNS[slot].key]
  const bytes = key ? await storage.get(key) : null
  if (!row || !bytes) throw new DomainError('not_found', 'NOT_FOUND')
  return { bytes, contentType: row[SLOT_COLUMNS[slot].type] ?? 'application/octet-stream' }
}
