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
import { preparedRead } from '../db/prepared.ts'
import { sqlArray } from '../db/sql-array.ts'

/** The operator the ledger books commission and the card processor's fees to: the first active one. */
export const OPERATOR_ID_SQL = `select id from organization where kind = 'operator' and status = 'active' order by created_at, id limit 1`

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

/** What a caller placing orders has read already: their lines, products and sellers. */
export interface PlacedOrdersRead {
  lines: OrderLine[]
  products: Map<string, Pick<Product, 'brandId' | 'categoryId'>>
  sellers: Map<string, Pick<Organization, 'kind' | 'territoryShareBp'>>
}

/**
 * Posts orders just placed (in the placing transaction); an order posted already is left alone.
 * `fresh`: the orders were created in this transaction (none can be posted yet), with what the
 * caller read for them, so nothing is read twice.
 */
export async function postPlacedOrders(ctx: Ctx, orders: Order[], fresh?: PlacedOrdersRead): Promise<void> {
  if (!orders.length) return
  const orderIds = orders.map((o) => o.id)
  const posted = fresh
    ? new Set<string>()
    : new Set((await ctx.em.execute<{ entry_group: string }[]>(`select distinct entry_group from ledger_entry where entry_group = any(?::text[])`, [sqlArray(orderIds.map((id) => `placed:${id}`))])).map((r) => r.entry_group))
  const toPost = orders.filter((o) => !posted.has(`placed:${o.id}`))
  if (!toPost.length) return
  // The operator (the first active one) and the commission rates of these sellers, in one read.
  const rateRows = await preparedRead<{ operator_id: string; seller_org_id: string | null; category_id: string | null; rate_bp: number | null }>(
    ctx.em,
    `select op.id as operator_id, r.seller_org_id, r.category_id, r.rate_bp
       from (${OPERATOR_ID_SQL}) op
       left join commission_rate r on r.seller_org_id = any(?::uuid[]) or r.seller_org_id is null`,
    [sqlArray([...new Set(toPost.map((o) => o.sellerOrgId))])],
  )
  const operatorId = rateRows[0]?.operator_id ?? null
  const rates = rateRows.filter((r) => r.rate_bp !== null).map((r) => ({ sellerOrgId: r.seller_org_id, categoryId: r.category_id, rateBp: r.rate_bp! }))
  const lines = fresh?.lines ?? (await ctx.em.find(OrderLine, { orderId: { $in: toPost.map((o) => o.id) } }, { orderBy: { id: 'asc' } }))
  const products = fresh?.products ?? new Map((await ctx.em.find(Product, { id: { $in: [...new Set(lines.map((l) => l.productId))] } })).map((p) => [p.id, p]))
  const sellers = fresh?.sellers ?? new Map((await ctx.em.find(Organization, { id: { $in: [...new Set(toPost.map((o) => o.sellerOrgId))] } })).map((o) => [o.id, o]))
  for (const order of toPost) {
    const orderLines = lines.filter((l) => l.orderId === order.id).sort((a, b) => a.id.localeCompare(b.id))
    const seller = sellers.get(order.sellerOrgId)!
    const shareBp = seller.kind === 'manufacturer' ? seller.territoryShareBp : 0
    const brandIds = [...new Set(orderLines.flatMap((l) => products.get(l.productId)?.brandId ?? []))]
    const distributorOf = shareBp > 0 ? await territoryDistributors(ctx, order, brandIds) : new Map<string, string>()
    const amounts = new Map<string, { account: LedgerAccount; org: string; amount: number }>()
    const add = (account: LedgerAccount, org: string, amount: number) => {
      const key = `${account}:${org}`
      const entry = amounts.get(key) ?? { account, org, amount: 0 }
      entry.amount += amount
      amounts.set(key, entry)
    }
    add('buyer_charge', order.buyerOrgId, -order.subtotal)
    for (const line of orderLines) {
      const product = products.get(line.productId)
      const distributor = product?.brandId ? distributorOf.get(product.brandId) : undefined
      const shares = splitLine({ total: line.lineTotal, commissionBp: operatorId ? commissionBpFor(rates, order.sellerOrgId, product?.categoryId ?? null) : 0, territoryBp: distributor ? shareBp : 0 })
      add('seller_share', order.sellerOrgId, shares.seller)
      if (operatorId && shares.commission) add('commission', operatorId, shares.commission)
      if (distributor && shares.territory) add('territory_share', distributor, shares.territory)
    }
    for (const a of amounts.values()) {
      ctx.em.create(LedgerEntry, { entryGroup: `placed:${order.id}`, orderId: order.id, buyerOrgId: order.buyerOrgId, sellerOrgId: order.sellerOrgId, accountOrgId: a.org, account: a.account, amount: a.amount, currency: order.currency })
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
