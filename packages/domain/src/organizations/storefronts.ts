import { randomBytes, randomUUID } from 'node:crypto'
import { recordAudit } from '../audit/record-audit.ts'
import { checkImage, type FileStorage, type ImageError } from '../catalog/images.ts'
import { authorize, authorizeType, scoped } from '../authz/scoped.ts'
import { QUEUES } from '../jobs/outbox.ts'
import type { Ctx } from '../ctx.ts'
import { DomainError, fail, ok, type Result } from '../errors.ts'
import { reindexSellerCatalog } from './operator-console.ts'
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
  pricesIncludeVat: boolean
  /** Visitors see "sign in to see prices" instead of this seller's prices. */
  pricesSignedInOnly: boolean
  contact: { email: string; phone: string }
  hostname: string | null
  cities: string[]
  /** Versions of the uploaded logo and banner (they change with each upload), or null. */
  images: Record<StorefrontImageSlot, string | null>
}

const SLOT_COLUMNS = { logo: { key: 'logoKey', type: 'logoType' }, banner: { key: 'bannerKey', type: 'bannerType' } } as const
/** The version of a stored image: its key's last part. */
const versionOf = (key: string | null | undefined) => (key ? key.slice(key.lastIndexOf('/') + 1, key.lastIndexOf('.')) : null)

const DEFAULTS = { primaryColor: '#1d4ed8', accentColor: '#0f766e', taglineEn: '', taglineVi: '', aboutEn: '', aboutVi: '', pricesIncludeVat: false, pricesSignedInOnly: false, contactEmail: '', contactPhone: '', hostname: null, hostnameVerifiedAt: null, logoKey: null, bannerKey: null }

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
    settings = await scoped(ctx).findOne(Storefront, { hostname: by.hostname.toLowerCase(), hostnameVerifiedAt: { $ne: null } })
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
    pricesIncludeVat: s.pricesIncludeVat,
    pricesSignedInOnly: s.pricesSignedInOnly,
    contact: { email: s.contactEmail, phone: s.contactPhone },
    // Public only once it serves the storefront.
    hostname: s.hostname && s.hostnameVerifiedAt ? s.hostname : null,
    cities: [...new Set(warehouses.map((w) => w.city))],
    images: { logo: versionOf(s.logoKey), banner: versionOf(s.bannerKey) },
  }
}


/** Where a storefront's host name stands: what DNS record proves it, and whether it serves yet. */
export interface HostVerificationDto {
  hostname: string
  verifiedAt: string | null
  /** The TXT record that proves control: `name` holds `value`. */
  record: { name: string; value: string }
}

export type HostnameError = 'HOSTNAME_TAKEN' | 'HOSTNAME_RESERVED'

/** The DNS name whose TXT record proves control of a host name. */
export const verificationRecordName = (hostname: string) => `_tradepost-verify.${hostname}`
const verificationRecord = (row: Storefront): HostVerificationDto | null =>
  row.hostname && row.hostnameToken
    ? { hostname: row.hostname, verifiedAt: row.hostnameVerifiedAt?.toISOString() ?? null, record: { name: verificationRecordName(row.hostname), value: `tradepost-verify=${row.hostnameToken}` } }
    : null

/**
 * Host names no storefront may claim: the apps' own (and names under them), and this machine.
 * (IP literals never pass the form's host name rule.)
 */
function isReserved(hostname: string, reservedHosts: readonly string[]): boolean {
  return ['localhost', ...reservedHosts].some((r) => hostname === r || hostname.endsWith(`.${r}`))
}

/**
 * A seller's admin sets its storefront's look and words. A new host name starts unverified,
 * with a fresh token to publish in DNS; the worker checks it (the outbox). A host name that
 * another storefront has verified is refused; one it only claimed is taken over, since a claim
 * proves nothing.
 */
export async function saveStorefront(ctx: Ctx, input: StorefrontInput, options: { reservedHosts?: readonly string[] } = {}): Promise<Result<StorefrontDto, HostnameError>> {
  const m = ctx.actor.membership
  if (!m) throw new DomainError('forbidden', 'FORBIDDEN')
  const hostname = input.hostname ?? null
  if (hostname && isReserved(hostname, options.reservedHosts ?? [])) return fail('HOSTNAME_RESERVED', { field: 'hostname' })
  return ctx.em.transactional(async (em) => {
    const tx = { ...ctx, em }
    let row = await em.findOne(Storefront, { organizationId: m.organizationId })
    const changed = hostname !== (row?.hostname ?? null)
    const pricesShownChanged = input.pricesIncludeVat !== (row?.pricesIncludeVat ?? false) || input.pricesSignedInOnly !== (row?.pricesSignedInOnly ?? false)
    if (hostname && changed) {
      const other = await em.findOne(Storefront, { hostname, organizationId: { $ne: m.organizationId } })
      if (other?.hostnameVerifiedAt) return fail('HOSTNAME_TAKEN', { field: 'hostname' })
      if (other) {
        other.hostname = null
        other.hostnameToken = null
        await em.flush()
      }
    }
    const fields = {
      ...input,
      hostname,
      ...(changed ? { hostnameToken: hostname ? randomBytes(16).toString('hex') : null, hostnameVerifiedAt: null } : {}),
    }
    if (row) em.assign(row, fields)
    else em.persist((row = em.create(Storefront, { organizationId: m.organizationId, ...fields })))
    authorize(tx, 'update', row)
    recordAudit(tx, { organizationId: m.organizationId, action: 'storefront.updated', subjectType: 'Storefront', subjectId: row.id, details: { hostname: fields.hostname, pricesIncludeVat: input.pricesIncludeVat, pricesSignedInOnly: input.pricesSignedInOnly } })
    await em.flush()
    // Search shows whether prices include VAT, and to whom: the seller's products are indexed again.
    if (pricesShownChanged) await reindexSellerCatalog(tx, m.organizationId)
    if (hostname && changed) await ctx.jobs.send(em, QUEUES.storefrontHostVerify, { storefrontId: row.id })
    const org = await em.findOneOrFail(Organization, { id: m.organizationId })
    return ok(await getStorefront(tx, { slug: org.slug }))
  })
}

/** The actor's storefront host name and the record that proves it (for its settings page), or null. */
export async function getMyHostVerification(ctx: Ctx): Promise<HostVerificationDto | null> {
  const orgId = ctx.actor.membership?.organizationId
  if (!orgId) throw new DomainError('forbidden', 'FORBIDDEN')
  const row = await scoped(ctx).findOne(Storefront, { organizationId: orgId })
  if (row) authorize(ctx, 'update', row)
  return row ? verificationRecord(row) : null
}

/** A seller's admin asks for its host name to be checked again now (the worker does it). */
export async function requestHostCheck(ctx: Ctx): Promise<void> {
  const orgId = ctx.actor.membership?.organizationId
  if (!orgId) throw new DomainError('forbidden', 'FORBIDDEN')
  await ctx.em.transactional(async (em) => {
    const row = await em.findOne(Storefront, { organizationId: orgId })
    if (!row?.hostname || row.hostnameVerifiedAt) return
    authorize({ ...ctx, em }, 'update', row)
    await ctx.jobs.send(em, QUEUES.storefrontHostVerify, { storefrontId: row.id })
  })
}

/** How the worker reads DNS: TXT records of a name, each as its strings (node:dns's shape). */
export interface TxtResolver {
  resolveTxt(name: string): Promise<string[][]>
}

/**
 * The worker's half: looks up the TXT record of a claimed host name and, when it holds the
 * storefront's token, the host name starts serving the storefront. Not found, or another
 * value: it stays waiting.
 */
export async function verifyStorefrontHost(ctx: Ctx, resolver: TxtResolver, storefrontId: string): Promise<'verified' | 'pending' | 'none'> {
  const row = await ctx.em.findOne(Storefront, { id: storefrontId })
  if (!row?.hostname || !row.hostnameToken) return 'none'
  if (row.hostnameVerifiedAt) return 'verified'
  const expected = `tradepost-verify=${row.hostnameToken}`
  const records = await resolver.resolveTxt(verificationRecordName(row.hostname)).catch(() => [] as string[][])
  if (!records.some((chunks) => chunks.join('') === expected)) return 'pending'
  await ctx.em.transactional(async (em) => {
    await em.nativeUpdate(Storefront, { id: row.id, hostnameToken: row.hostnameToken }, { hostnameVerifiedAt: new Date() })
    recordAudit({ ...ctx, em }, { organizationId: row.organizationId, action: 'storefront.host_verified', subjectType: 'Storefront', subjectId: row.id, details: { hostname: row.hostname, by: 'dns' } })
  })
  return 'verified'
}

/** The host name an organization's storefront claims, for the operator's console (null when none). */
export async function getStorefrontHostForOperator(ctx: Ctx, organizationId: string): Promise<HostVerificationDto | null> {
  authorizeType(ctx, 'operate', Organization)
  const row = await ctx.em.findOne(Storefront, { organizationId })
  return row ? verificationRecord(row) : null
}

/** The operator vouches for a storefront's host name (when its owner cannot publish DNS records). */
export async function approveStorefrontHost(ctx: Ctx, organizationId: string): Promise<Result<HostVerificationDto, 'HOSTNAME_NONE'>> {
  authorizeType(ctx, 'operate', Organization)
  return ctx.em.transactional(async (em) => {
    const org = await scoped({ ...ctx, em }).findOneOrThrow(Organization, { id: organizationId })
    authorize({ ...ctx, em }, 'approve', org)
    const row = await em.findOne(Storefront, { organizationId })
    if (!row?.hostname) return fail('HOSTNAME_NONE')
    if (!row.hostnameVerifiedAt) {
      row.hostnameVerifiedAt = new Date()
      recordAudit({ ...ctx, em }, { organizationId, action: 'storefront.host_verified', subjectType: 'Storefront', subjectId: row.id, details: { hostname: row.hostname, by: 'operator' } })
    }
    return ok(verificationRecord(row)!)
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
