import { raw } from '@mikro-orm/core'
import { accessibleWhere } from '../authz/ability.ts'
import { scoped } from '../authz/scoped.ts'
import { listAuthorizations } from '../catalog/authorizations.ts'
import { Brand } from '../catalog/brand.entity.ts'
import type { Ctx } from '../ctx.ts'
import { DomainError } from '../errors.ts'
import { ImportJob } from '../imports/import-job.entity.ts'
import { OfferStock } from '../offers/offer-stock.entity.ts'
import { Offer } from '../offers/offer.entity.ts'
import { countOffersByStatus } from '../offers/offers.ts'
import { Storefront } from '../organizations/storefront.entity.ts'
import { StorefrontView } from '../organizations/storefront-view.entity.ts'
import { Order } from '../orders/order.entity.ts'
import { Warehouse } from '../organizations/warehouse.entity.ts'
import { dayInVietnam } from '../calendar.ts'

/** How many days of storefront views the dashboard charts. */
export const VIEW_DAYS = 14

export interface SellerDashboardDto {
  kind: 'manufacturer' | 'distributor'
  offers: { active: number; paused: number; outOfStock: number }
  /** Orders buyers placed that the seller has not confirmed yet, and confirmed ones not shipped. */
  orders: { toConfirm: number; toShip: number }
  stockByWarehouse: { id: string; name: string; city: string; units: number }[]
  imports: { id: string; filename: string; kind: string; status: string; checkOnly: boolean; okRows: number; errorRows: number; createdAt: string }[]
  authorizations: { granted: number; received: number; rows: { brandName: string; distributorName: string; subdivisions: string[]; circles: number }[] }
  /** One entry per day, oldest first, days without views included. */
  views: { day: string; views: number }[]
  /** The first steps of a new seller, each ticked by what exists. */
  checklist: { storefront: boolean; warehouses: boolean; authorizations: boolean; firstOffer: boolean }
}

/** Everything a seller's dashboard shows, read under the actor's ability. */
export async function getSellerDashboard(ctx: Ctx, today = new Date()): Promise<SellerDashboardDto> {
  const m = ctx.actor.membership
  if (!m || (m.organizationKind !== 'manufacturer' && m.organizationKind !== 'distributor')) throw new DomainError('forbidden', 'FORBIDDEN')
  const orgId = m.organizationId
  const offersAllowed = accessibleWhere(ctx.ability, 'read', Offer)
  const stockAllowed = accessibleWhere(ctx.ability, 'read', OfferStock)
  if (!offersAllowed || !stockAllowed) throw new DomainError('forbidden', 'FORBIDDEN')

  const byStatus = await countOffersByStatus(ctx, orgId)
  // Active offers a buyer cannot get today: no unit in any warehouse.
  const stocked = ctx.em.createQueryBuilder(OfferStock, 's').select('s.offerId').where({ $and: [stockAllowed, { quantity: { $gt: 0 } }] } as never)
  const outOfStock = await ctx.em
    .createQueryBuilder(Offer, 'o')
    .where({ $and: [offersAllowed, { organizationId: orgId, status: 'active' }, { id: { $nin: stocked } }] } as never)
    .getCount()
  const units = await ctx.em
    .createQueryBuilder(OfferStock, 's')
    .select(['s.warehouseId', raw('sum(s.quantity)::int as units')])
    .where({ $and: [stockAllowed, { organizationId: orgId }] } as never)
    .groupBy('s.warehouseId')
    .execute<{ warehouseId: string; units: number }[]>()
  const unitsBy = new Map(units.map((u) => [u.warehouseId, u.units]))
  const warehouses = await scoped(ctx).find(Warehouse, { organizationId: orgId }, { orderBy: { name: 'asc', id: 'asc' } })

  const imports = await scoped(ctx).find(ImportJob, { organizationId: orgId }, { orderBy: { createdAt: 'desc', id: 'desc' }, limit: 5 })
  const authorizations = await listAuthorizations(ctx)
  const granted = authorizations.filter((a) => a.distributorId !== orgId)
  const received = authorizations.filter((a) => a.distributorId === orgId)

  const first = new Date(today.getTime() - (VIEW_DAYS - 1) * 86_400_000)
  const counted = new Map((await scoped(ctx).find(StorefrontView, { organizationId: orgId, day: { $gte: dayInVietnam(first) } })).map((v) => [String(v.day).slice(0, 10), v.views]))
  const views = Array.from({ length: VIEW_DAYS }, (_, i) => {
    const day = dayInVietnam(first.getTime() + i * 86_400_000)
    return { day, views: counted.get(day) ?? 0 }
  })

  const storefront = await scoped(ctx).findOne(Storefront, { organizationId: orgId })
  const offers = { ...byStatus, outOfStock }
  const [, toConfirm] = await scoped(ctx).findAndCount(Order, { sellerOrgId: orgId, status: 'placed' }, { limit: 1 })
  const [, toShip] = await scoped(ctx).findAndCount(Order, { sellerOrgId: orgId, status: { $in: ['confirmed', 'partially_shipped'] } }, { limit: 1 })
  // A manufacturer's step is to authorize distributors (after making a brand); a distributor's is to be authorized.
  const authorizationsDone = m.organizationKind === 'manufacturer' ? granted.length > 0 && (await scoped(ctx).find(Brand, { organizationId: orgId }, { limit: 1 })).length > 0 : received.length > 0
  return {
    kind: m.organizationKind,
    offers,
    orders: { toConfirm, toShip },
    stockByWarehouse: warehouses.map((w) => ({ id: w.id, name: w.name, city: w.city, units: unitsBy.get(w.id) ?? 0 })),
    imports: imports.map((j) => ({ id: j.id, filename: j.filename, kind: j.kind, status: j.status, checkOnly: j.checkOnly, okRows: j.okRows, errorRows: j.errorRows, createdAt: j.createdAt.toISOString() })),
    authorizations: {
      granted: granted.length,
      received: received.length,
      rows: (m.organizationKind === 'manufacturer' ? granted : received).slice(0, 5).map((a) => ({ brandName: a.brandName, distributorName: a.distributorName, subdivisions: a.subdivisions, circles: a.circles.length })),
    },
    views,
    checklist: {
      storefront: Boolean(storefront && (storefront.taglineEn || storefront.aboutEn || storefront.logoKey)),
      warehouses: warehouses.length > 0,
      authorizations: authorizationsDone,
      firstOffer: offers.active + offers.paused > 0,
    },
  }
}
