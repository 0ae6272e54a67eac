import { recordAudit } from '../audit/record-audit.ts'
import { authorize, scoped } from '../authz/scoped.ts'
import type { Ctx } from '../ctx.ts'
import { DomainError, fail, ok, type Result } from '../errors.ts'
import { Organization } from './organization.entity.ts'
import { Storefront } from './storefront.entity.ts'
import { Warehouse } from './warehouse.entity.ts'
import type { StorefrontInput } from './storefront.schemas.ts'

export { StorefrontInputSchema, type StorefrontInput } from './storefront.schemas.ts'

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
}

const DEFAULTS = { primaryColor: '#1d4ed8', accentColor: '#0f766e', taglineEn: '', taglineVi: '', aboutEn: '', aboutVi: '', hostname: null }

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

async function findStorefront(ctx: Ctx, by: { slug: string } | { hostname: string }): Promise<StorefrontDto | null> {
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
  const s = settings ?? DEFAULTS
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
