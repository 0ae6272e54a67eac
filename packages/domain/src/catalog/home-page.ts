import { scoped } from '../authz/scoped.ts'
import type { Ctx } from '../ctx.ts'
import { distanceKm, type LatLng } from '../geo.ts'
import { Organization } from '../organizations/organization.entity.ts'
import { Warehouse } from '../organizations/warehouse.entity.ts'
import { Category } from './category.entity.ts'

export interface HomePageDto {
  categories: { slug: string; nameEn: string; nameVi: string }[]
  /** Active sellers, nearest warehouse first when the buyer gave a location (by name otherwise). */
  sellers: { id: string; name: string; slug: string; kind: Organization['kind']; cities: string[]; nearestKm: number | null }[]
}

/**
 * The marketplace's front page: where to start browsing, and who sells near the buyer. (Its
 * brands come from the search index's facets: only brands with a published product show.)
 */
export async function getHomePage(ctx: Ctx, near: LatLng | null): Promise<HomePageDto> {
  const categories = await scoped(ctx).find(Category, {}, { orderBy: { nameEn: 'asc' }, limit: 48 })
  const orgs = await scoped(ctx).find(Organization, { status: 'active', kind: { $in: ['manufacturer', 'distributor'] } }, { orderBy: { name: 'asc' }, limit: 100 })
  // Public: the cities sellers ship from and how far they are (never their addresses).
  const warehouses = orgs.length ? await ctx.em.find(Warehouse, { organizationId: { $in: orgs.map((o) => o.id) } }) : []
  const sellers = orgs.map((o) => {
    const own = warehouses.filter((w) => w.organizationId === o.id)
    const km = near && own.length ? Math.round(Math.min(...own.map((w) => distanceKm(near, w)))) : null
    return { id: o.id, name: o.name, slug: o.slug, kind: o.kind, cities: [...new Set(own.map((w) => w.city))], nearestKm: km }
  })
  if (near) sellers.sort((a, b) => (a.nearestKm ?? Infinity) - (b.nearestKm ?? Infinity))
  return {
    categories: categories.map((c) => ({ slug: c.slug, nameEn: c.nameEn, nameVi: c.nameVi })),
    sellers: sellers.slice(0, 8),
  }
}
