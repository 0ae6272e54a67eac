// Posting orders to the ledger: when an order is placed, its total is charged to the buyer and
// shared out (the seller, the operator's commission, a territory distributor's share); when it is
// cancelled, the same entries are posted reversed. Each group of entries sums to zero.
import { DistributorAuthorization } from '../catalog/authorization.entity.ts'
import { territoryContains } from '../catalog/authorizations.ts'
import { Product } from '../catalog/product.entity.ts'
import type { Ctx } from '../ctx.ts'
import { distanceKm } from '../geo.ts'
import { Order, OrderLine } from '../orders/order.entity.ts'
import { Organization } from '../organizations/organization.entity.ts'
import { Warehouse } from '../organizations/warehouse.entity.ts'
import { CommissionRate, LedgerEntry, type LedgerAccount } from './ledger.entity.ts'
import { splitLine } from './split.ts'

/** The commission rate of a line: seller and category, then seller, then category, then the default (0 without one). */
export function commissionBpFor(rates: Pick<CommissionRate, 'sellerOrgId' | 'categoryId' | 'rateBp'>[], sellerId: string, categoryId: string | null): number {
  const find = (seller: string | null, category: string | null) => rates.find((r) => (r.sellerOrgId ?? null) === seller && (r.categoryId ?? null) === category)
  return (find(sellerId, categoryId) ?? find(sellerId, null) ?? (categoryId ? find(null, categoryId) : undefined) ?? find(null, null))?.rateBp ?? 0
}

/**
 * The distributor a manufacturer's line is shared with: one it authorized for the product's
 * brand whose territory holds the ship-to; when territories overlap, the one with a warehouse
 * nearest the ship-to (then the lowest id, so the choice is the same every time).
 */
async function territoryDistributors(ctx: Ctx, order: Order, brandIds: string[]): Promise<Map<string, string>> {
  const grants = brandIds.length ? await ctx.em.find(DistributorAuthorization, { organizationId: order.sellerOrgId, brandId: { $in: brandIds } }) : []
  const inside = grants.filter((g) => territoryContains(g, order.shipTo))
  if (!inside.length) return new Map()
  const warehouses = await ctx.em.find(Warehouse, { organizationId: { $in: [...new Set(inside.map((g) => g.distributorId))] } })
  const nearest = new Map<string, number>()
  for (const w of warehouses) nearest.set(w.organizationId, Math.min(nearest.get(w.organizationId) ?? Infinity, distanceKm(w, order.shipTo)))
  const byBrand = new Map<string, string>()
  for (const brandId of brandIds) {
    const candidates = inside.filter((g) => g.brandId === brandId).map((g) => g.distributorId)
    candidates.sort((a, b) => (nearest.get(a) ?? Infinity) - (nearest.get(b) ?? Infinity) || a.localeCompare(b))
    if (candidates[0]) byBrand.set(brandId, candidates[0])
  }
  return byBrand
}

/** Posts orders just placed (in the placing transaction); an order posted already is left alone. */
export async function postPlacedOrders(ctx: Ctx, orders: Order[]): Promise<void> {
  if (!orders.length) return
  const operator = await ctx.em.findOne(Organization, { kind: 'operator', status: 'active' }, { orderBy: { createdAt: 'asc', id: 'asc' } })
  for (const order of orders) {
    const group = `placed:${order.id}`
    if (await ctx.em.count(LedgerEntry, { entryGroup: group })) continue
    const [lines, seller, rates] = await Promise.all([
      ctx.em.find(OrderLine, { orderId: order.id }, { orderBy: { id: 'asc' } }),
      ctx.em.findOneOrFail(Organization, { id: order.sellerOrgId }),
      ctx.em.find(CommissionRate, { $or: [{ sellerOrgId: order.sellerOrgId }, { sellerOrgId: null }] }),
    ])
    const products = new Map((await ctx.em.find(Product, { id: { $in: [...new Set(lines.map((l) => l.productId))] } })).map((p) => [p.id, p]))
    const shareBp = seller.kind === 'manufacturer' ? seller.territoryShareBp : 0
    const distributorOf = shareBp > 0 ? await territoryDistributors(ctx, order, [...new Set([...products.values()].flatMap((p) => (p.brandId ? [p.brandId] : [])))]) : new Map<string, string>()
    const amounts = new Map<string, { account: LedgerAccount; org: string; amount: number }>()
    const add = (account: LedgerAccount, org: string, amount: number) => {
      const key = `${account}:${org}`
      const entry = amounts.get(key) ?? { account, org, amount: 0 }
      entry.amount += amount
      amounts.set(key, entry)
    }
    add('buyer_charge', order.buyerOrgId, -order.subtotal)
    for (const line of lines) {
      const product = products.get(line.productId)
      const distributor = product?.brandId ? distributorOf.get(product.brandId) : undefined
      const shares = splitLine({ total: line.lineTotal, commissionBp: operator ? commissionBpFor(rates, order.sellerOrgId, product?.categoryId ?? null) : 0, territoryBp: distributor ? shareBp : 0 })
      add('seller_share', order.sellerOrgId, shares.seller)
      if (operator && shares.commission) add('commission', operator.id, shares.commission)
      if (distributor && shares.territory) add('territory_share', distributor, shares.territory)
    }
    for (const a of amounts.values()) {
      ctx.em.create(LedgerEntry, { entryGroup: group, orderId: order.id, buyerOrgId: order.buyerOrgId, sellerOrgId: order.sellerOrgId, accountOrgId: a.org, account: a.account, amount: a.amount, currency: order.currency })
    }
  }
  await ctx.em.flush()
}

/** Posts an order's placing entries again, reversed (a cancellation); nothing for an order never posted, or reversed already. */
export async function reverseOrder(ctx: Ctx, orderId: string): Promise<void> {
  const group = `cancelled:${orderId}`
  if (await ctx.em.count(LedgerEntry, { entryGroup: group })) return
  const placed = await ctx.em.find(LedgerEntry, { entryGroup: `placed:${orderId}` })
  for (const e of placed) {
    ctx.em.create(LedgerEntry, { entryGroup: group, orderId, buyerOrgId: e.buyerOrgId, sellerOrgId: e.sellerOrgId, accountOrgId: e.accountOrgId, account: e.account, amount: -e.amount, currency: e.currency })
  }
  await ctx.em.flush()
}
