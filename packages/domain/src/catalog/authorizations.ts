import { recordAudit } from '../audit/record-audit.ts'
import { authorize, scoped } from '../authz/scoped.ts'
import type { Ctx } from '../ctx.ts'
import { DomainError, fail, ok, type Result } from '../errors.ts'
import { distanceKm, type LatLng } from '../geo.ts'
import { sellerNamed } from '../organizations/operator-console.ts'
import { Organization } from '../organizations/organization.entity.ts'
import { DistributorAuthorization, type TerritoryCircle } from './authorization.entity.ts'
import { Brand } from './brand.entity.ts'
import type { AuthorizationInput } from './catalog.schemas.ts'

export interface Territory {
  subdivisions: string[]
  circles: TerritoryCircle[]
}

/** Whether a place (its subdivision code and coordinates) lies within a territory. */
export function territoryContains(territory: Territory, place: LatLng & { subdivisionCode: string }): boolean {
  return territory.subdivisions.includes(place.subdivisionCode) || territory.circles.some((c) => distanceKm(c, place) <= c.radiusKm)
}

export interface AuthorizationDto {
  id: string
  brandId: string
  brandName: string
  distributorId: string
  distributorName: string
  subdivisions: string[]
  circles: TerritoryCircle[]
}

/** A manufacturer authorizes a distributor for one of its brands within a territory. */
export async function authorizeDistributor(ctx: Ctx, input: AuthorizationInput): Promise<Result<AuthorizationDto, 'BRAND_UNKNOWN' | 'DISTRIBUTOR_UNKNOWN' | 'TERRITORY_EMPTY'>> {
  const m = ctx.actor.membership
  if (!m) throw new DomainError('forbidden', 'FORBIDDEN')
  if (!input.subdivisions.length && !input.circles.length) return fail('TERRITORY_EMPTY', { field: 'subdivisions' })
  return ctx.em.transactional(async (em) => {
    const tx = { ...ctx, em }
    const brand = await em.findOne(Brand, { id: input.brandId, organizationId: m.organizationId })
    if (!brand) return fail('BRAND_UNKNOWN', { field: 'brandId' })
    const named = !input.distributorId && input.distributor ? await sellerNamed(tx, input.distributor) : null
    const distributor = await em.findOne(Organization, { id: input.distributorId ?? named?.id ?? '00000000-0000-0000-0000-000000000000', kind: 'distributor', status: 'active' })
    if (!distributor) return fail('DISTRIBUTOR_UNKNOWN', { field: input.distributorId ? 'distributorId' : 'distributor' })
    let row = await em.findOne(DistributorAuthorization, { brandId: brand.id, distributorId: distributor.id })
    if (row) {
      row.subdivisions = input.subdivisions
      row.circles = input.circles
    } else {
      row = em.create(DistributorAuthorization, { organizationId: m.organizationId, distributorId: distributor.id, brandId: brand.id, subdivisions: input.subdivisions, circles: input.circles })
      em.persist(row)
    }
    authorize(tx, 'create', row)
    recordAudit(tx, { organizationId: m.organizationId, action: 'authorization.granted', subjectType: 'DistributorAuthorization', subjectId: row.id, details: { brand: brand.name, distributor: distributor.name, subdivisions: input.subdivisions, circles: input.circles.length } })
    return ok({ id: row.id, brandId: brand.id, brandName: brand.name, distributorId: distributor.id, distributorName: distributor.name, subdivisions: row.subdivisions, circles: row.circles })
  })
}

/** Authorizations the actor's organization (or another, for the operator) granted (manufacturer) or holds (distributor). */
export async function listAuthorizations(ctx: Ctx, organizationId?: string): Promise<AuthorizationDto[]> {
  const orgId = organizationId ?? ctx.actor.membership?.organizationId
  if (!orgId) return []
  const rows = await scoped(ctx).find(DistributorAuthorization, { $or: [{ organizationId: orgId }, { distributorId: orgId }] })
  if (!rows.length) return []
  const brands = new Map((await ctx.em.find(Brand, { id: { $in: rows.map((r) => r.brandId) } })).map((b) => [b.id, b.name]))
  const orgs = new Map((await ctx.em.find(Organization, { id: { $in: rows.map((r) => r.distributorId) } })).map((o) => [o.id, o.name]))
  return rows.map((r) => ({ id: r.id, brandId: r.brandId, brandName: brands.get(r.brandId) ?? '', distributorId: r.distributorId, distributorName: orgs.get(r.distributorId) ?? '', subdivisions: r.subdivisions, circles: r.circles }))
}
