import { scoped } from '../authz/scoped.ts'
import type { Ctx } from '../ctx.ts'
import { distanceKm, type LatLng } from '../geo.ts'
import { Organization } from '../organizations/organization.entity.ts'
import { Warehouse } from '../organizations/warehouse.entity.ts'
import { DistributorAuthorization } from './authorization.entity.ts'
import { Brand } from './brand.entity.ts'

export interface WhereToBuyRow {
  distributor: { name: string; slug: string }
  subdivisions: string[]
  cities: string[]
  nearestKm: number | null
}

export interface BrandPageDto {
  name: string
  slug: string
  manufacturer: { name: string; slug: string }
  /** Changes with the logo (its address's version), null without one. */
  logo: string | null
  whereToBuy: WhereToBuyRow[]
}

/** A brand with its authorized distributors, nearest first when the buyer's location is known. */
export async function getBrandPage(ctx: Ctx, slug: string, near: LatLng | null): Promise<BrandPageDto> {
  const brand = await scoped(ctx).findOneOrThrow(Brand, { slug })
  const manufacturer = await scoped(ctx).findOneOrThrow(Organization, { id: brand.organizationId })
  const grants = await scoped(ctx).find(DistributorAuthorization, { brandId: brand.id })
  const distributors = grants.length ? await scoped(ctx).find(Organization, { id: { $in: grants.map((g) => g.distributorId) }, status: 'active' }) : []
  const warehouses = distributors.length ? await ctx.em.find(Warehouse, { organizationId: { $in: distributors.map((d) => d.id) } }) : []
  const rows = distributors.map((d): WhereToBuyRow => {
    const own = warehouses.filter((w) => w.organizationId === d.id)
    const grant = grants.find((g) => g.distributorId === d.id)!
    return {
      distributor: { name: d.name, slug: d.slug },
      subdivisions: grant.subdivisions,
      cities: [...new Set(own.map((w) => w.city))],
      nearestKm: near && own.length ? Math.round(Math.min(...own.map((w) => distanceKm(near, w)))) : null,
    }
  })
  rows.sort((a, b) => (a.nearestKm ?? Infinity) - (b.nearestKm ?? Infinity) || a.distributor.name.localeCompare(b.distributor.name))
  return { name: brand.name, slug: brand.slug, manufacturer: { name: manufacturer.name, slug: manufacturer.slug }, logo: brand.logoKey ? (brand.logoKey.split('/').pop() ?? null) : null, whereToBuy: rows }
}
