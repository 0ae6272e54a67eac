// Checkout: the cart becomes one checkout and one order per seller (and currency), all or
// nothing. Stock is taken by conditional updates under row locks, so concurrent checkouts never
// sell a unit twice; the company's spending limits and approval rules decide whether the orders
// are placed or wait for approval.
import { recordAudit } from '../audit/record-audit.ts'
import { scoped } from '../authz/scoped.ts'
import { approvalChainFor, type ApprovalChain } from '../companies/approval-chain.ts'
import { ShipTo } from '../companies/ship-to.entity.ts'
import type { Ctx } from '../ctx.ts'
import { fail, ok, type Result } from '../errors.ts'
import { User } from '../users/user.entity.ts'
import type { Currency } from '../money.ts'
import { cartOwner, loadCart, type CartDto } from './cart.ts'
import { Checkout, Order, OrderLine, type Allocation, type ShipToSnapshot } from './order.entity.ts'
import { CreditRefused, invoiceOrders, type CreditError } from '../invoices/billing.ts'
import { postPlacedOrders } from '../ledger/posting.ts'
import { enqueueOrderEvent } from './notifications.ts'
import { cardSellers, createCheckoutPayments } from '../payments/card-payments.ts'
import { COUNTED_ORDER_STATUSES } from './orders.constants.ts'
import type { CheckoutInput } from './orders.schemas.ts'

export type CheckoutError = 'CART_EMPTY' | 'CART_CHANGED' | 'OUT_OF_STOCK' | 'LIMIT_EXCEEDED' | 'SHIP_TO_UNKNOWN' | CreditError

export interface PlacedCheckout {
  checkoutId: string
  orders: { id: string; number: string; status: Order['status']; payBy: Order['payBy'] }[]
  /** Card orders placed now: the buyer goes on to pay them. */
  payNow: boolean
}

/** A rollback with a reason: thrown inside the transaction, answered as a failure outside it. */
class CheckoutRefused extends Error {
  readonly code: CheckoutError
  constructor(code: CheckoutError) {
    super(code)
    this.code = code
  }
}

/**
 * What the company's members already spent this calendar month (UTC) in `currency`, in orders
 * placed or approved and not ended: the person, and the whole company.
 */
export async function spentThisMonth(ctx: Ctx, buyerOrgId: string, userId: string, currency: Currency): Promise<{ user: number; company: number }> {
  const [row] = await ctx.em.execute<{ user_spent: string | null; company_spent: string | null }[]>(
    `select coalesce(sum(subtotal) filter (where placed_by_id = ?), 0) as user_spent, coalesce(sum(subtotal), 0) as company_spent
       from orders where buyer_org_id = ? and currency = ? and status = any(?::text[])
        and created_at >= (date_trunc('month', now() at time zone 'UTC') at time zone 'UTC')`,
    [userId, buyerOrgId, currency, `{${COUNTED_ORDER_STATUSES.join(',')}}`],
  )
  return { user: Number(row?.user_spent ?? 0), company: Number(row?.company_spent ?? 0) }
}

/** The approval chain the actor's cart would need if placed now (shown before placing), with the names of the people it names. */
export async function checkoutApproval(ctx: Ctx, cart: CartDto): Promise<(ApprovalChain & { names: Record<string, string> }) | null> {
  if (!cart.groups.length) return null
  const chain = await approvalFor(ctx, cart, cartOwner(ctx))
  const ids = chain.steps.flatMap((s) => ('userId' in s.step ? [s.step.userId] : []))
  const people = ids.length ? await ctx.em.find(User, { id: { $in: ids } }) : []
  return { ...chain, names: Object.fromEntries(people.map((u) => [u.id, u.name])) }
}

async function approvalFor(ctx: Ctx, cart: CartDto, owner: { buyerOrgId: string; userId: string }): Promise<ApprovalChain> {
  const [row] = await ctx.em.execute<{ default_currency: string }[]>(`select default_currency from organization where id = ?`, [owner.buyerOrgId])
  const spent = await spentThisMonth(ctx, owner.buyerOrgId, owner.userId, row!.default_currency as Currency)
  return approvalChainFor(ctx, {
    lines: cart.groups.flatMap((g) => g.lines.map((l) => ({ sellerId: g.seller.id, categoryId: l.categoryId, total: l.lineTotal! }))),
    spentThisMonth: spent,
  })
}

/**
 * Takes `quantity` units of an offer from its warehouses, fullest first, locking the rows it
 * reads; never below zero. Returns what it took from where, or null (and takes nothing that
 * sticks: the caller rolls back) when there are not enough.
 */
async function reserve(ctx: Ctx, offerId: string, quantity: number): Promise<Allocation[] | null> {
  const rows: { warehouse_id: string; take: number }[] = await ctx.em.execute(
    `with locked as (
       select id, warehouse_id, quantity from offer_stock where offer_id = ? and quantity > 0 order by id for update
     ), planned as (
       select id, warehouse_id, least(quantity, greatest(?::int - coalesce(sum(quantity) over (order by quantity desc, id rows between unbounded preceding and 1 preceding), 0), 0))::int as take from locked
     )
     update offer_stock s set quantity = s.quantity - p.take, updated_at = now() from planned p
      where s.id = p.id and p.take > 0 and s.quantity >= p.take
     returning p.warehouse_id, p.take`,
    [offerId, quantity],
  )
  const taken = rows.reduce((sum, r) => sum + Number(r.take), 0)
  return taken === quantity ? rows.map((r) => ({ warehouseId: r.warehouse_id, quantity: Number(r.take) })) : null
}

/** Puts the units an order line took back where they came from. */
export async function releaseStock(ctx: Ctx, offerId: string | null, allocations: Allocation[]): Promise<void> {
  if (!offerId) return
  for (const a of [...allocations].sort((x, y) => x.warehouseId.localeCompare(y.warehouseId))) {
    await ctx.em.execute(`update offer_stock set quantity = quantity + ?, updated_at = now() where offer_id = ? and warehouse_id = ?`, [a.quantity, offerId, a.warehouseId])
  }
}

/**
 * Places the actor's cart: one checkout, one order per seller and currency, each line priced as
 * the cart showed it (a price that changed since refuses the checkout, so the buyer sees it
 * first), stock reserved, the cart emptied. The same form submitted twice finds the first
 * checkout. Orders wait for approval when the company's rules ask for it; a spending limit
 * exceeded without a rule to approve it refuses the checkout.
 */
export async function placeCheckout(ctx: Ctx, input: CheckoutInput): Promise<Result<PlacedCheckout, CheckoutError>> {
  const owner = cartOwner(ctx)
  try {
    return await ctx.em.transactional(async (em) => {
      const tx: Ctx = { ...ctx, em }
      // One checkout of a company at a time: its spending this month is read and added to as one,
      // and a second submit of the same form, waiting here, finds the first one placed.
      await em.execute(`select id from organization where id = ? for update`, [owner.buyerOrgId])
      const again = await em.findOne(Checkout, { token: input.token })
      if (again) {
        if (again.userId !== owner.userId || again.buyerOrgId !== owner.buyerOrgId) throw new CheckoutRefused('CART_CHANGED')
        const orders = await scoped(tx).find(Order, { checkoutId: again.id }, { orderBy: { number: 'asc' } })
        return ok({ checkoutId: again.id, orders: orders.map((o) => ({ id: o.id, number: o.number, status: o.status, payBy: o.payBy })), payNow: orders.some((o) => o.payBy === 'card' && o.status === 'placed') })
      }
      const shipTo = await scoped(tx).findOne(ShipTo, { id: input.shipToId, organizationId: owner.buyerOrgId })
      if (!shipTo) throw new CheckoutRefused('SHIP_TO_UNKNOWN')
      const { dto: cart, lines, offers, prices, products } = await loadCart(tx)
      if (!lines.length) throw new CheckoutRefused('CART_EMPTY')
      if (cart.hasIssues) throw new CheckoutRefused(cart.groups.flatMap((g) => g.lines).some((l) => l.issues.some((i) => i.code === 'OUT_OF_STOCK')) ? 'OUT_OF_STOCK' : 'CART_CHANGED')
      const chain = await approvalFor(tx, cart, owner)
      if (chain.outcome === 'blocked') throw new CheckoutRefused('LIMIT_EXCEEDED')
      const status: Order['status'] = chain.outcome === 'approval' ? 'pending_approval' : 'placed'
      const checkout = em.create(Checkout, {
        buyerOrgId: owner.buyerOrgId,
        userId: owner.userId,
        token: input.token,
        poNumber: input.poNumber,
        approvalSteps: chain.steps.map((s) => s.step),
        approvalsDone: 0,
        approvalReasons: chain.rules,
      })
      const snapshot: ShipToSnapshot = { id: shipTo.id, name: shipTo.name, addressLine: shipTo.addressLine, city: shipTo.city, subdivisionCode: shipTo.subdivisionCode, country: shipTo.country, latitude: shipTo.latitude, longitude: shipTo.longitude }
      const placed: PlacedCheckout['orders'] = []
      // By card: the orders of sellers whose connected account takes transfers; the rest on terms.
      const card = input.payBy === 'card' ? await cardSellers(tx, cart.groups.map((g) => g.seller.id)) : new Set<string>()
      const created: Order[] = []
      const reservations: { line: OrderLine; offerId: string; quantity: number }[] = []
      // Lines in one order of offers, whatever the cart's order: concurrent checkouts lock stock alike.
      const byLine = new Map(lines.map((l) => [l.id, l]))
      for (const group of cart.groups) {
        const [next] = await em.execute<{ n: string }[]>(`select nextval('order_number_seq') as n`)
        const order = em.create(Order, {
          number: `TP-${String(next!.n).padStart(6, '0')}`,
          checkoutId: checkout.id,
          buyerOrgId: owner.buyerOrgId,
          sellerOrgId: group.seller.id,
          placedById: owner.userId,
          status,
          currency: group.currency,
          subtotal: group.subtotal.amount,
          payBy: card.has(group.seller.id) ? 'card' : 'terms',
          poNumber: input.poNumber,
          requestedDate: input.requestedDate ?? null,
          notes: input.notes,
          shipTo: snapshot,
          carrier: null,
          trackingNumber: null,
        })
        for (const l of group.lines) {
          const offer = offers.get(l.offerId)!
          const product = products.get(offer.productId)
          const line = em.create(OrderLine, {
            orderId: order.id,
            buyerOrgId: owner.buyerOrgId,
            sellerOrgId: group.seller.id,
            offerId: offer.id,
            productId: offer.productId,
            sku: offer.sku,
            productName: { en: product?.nameEn ?? '', vi: product?.nameVi ?? '' },
            quantity: l.quantity,
            unitAmount: l.unit!.amount,
            currency: l.unit!.currency,
            lineTotal: l.lineTotal!.amount,
            priceListName: prices.get(offer.id)?.list?.name ?? null,
            allocations: [],
          })
          reservations.push({ line, offerId: offer.id, quantity: l.quantity })
          em.remove(byLine.get(l.id)!)
        }
        const details = { number: order.number, status, total: group.subtotal, poNumber: input.poNumber }
        recordAudit(tx, { organizationId: owner.buyerOrgId, action: 'order.placed', subjectType: 'Order', subjectId: order.id, details })
        // The seller learns of an order once it is placed (after approval, when it needs one).
        if (status === 'placed') recordAudit(tx, { organizationId: group.seller.id, action: 'order.placed', subjectType: 'Order', subjectId: order.id, details })
        placed.push({ id: order.id, number: order.number, status, payBy: order.payBy })
        created.push(order)
      }
      await em.flush()
      await enqueueOrderEvent(tx, status === 'placed' ? { event: 'placed', orderIds: placed.map((o) => o.id) } : { event: 'approval', checkoutId: checkout.id })
      // The rows other checkouts wait for are locked last, so they are held for the shortest time:
      // each seller's credit and invoice numbering (placed now; after approval otherwise), then
      // the stock, in one order of offers whatever the cart's, so concurrent checkouts lock alike.
      if (status === 'placed') {
        await postPlacedOrders(tx, created)
        await invoiceOrders(tx, created)
        await createCheckoutPayments(tx, created)
      }
      for (const r of reservations.sort((a, b) => a.offerId.localeCompare(b.offerId) || a.line.id.localeCompare(b.line.id))) {
        const allocations = await reserve(tx, r.offerId, r.quantity)
        if (!allocations) throw new CheckoutRefused('OUT_OF_STOCK')
        r.line.allocations = allocations
      }
      await em.flush()
      return ok({ checkoutId: checkout.id, orders: placed, payNow: status === 'placed' && placed.some((o) => o.payBy === 'card') })
    })
  } catch (error) {
    if (error instanceof CheckoutRefused) return fail(error.code, { field: error.code === 'SHIP_TO_UNKNOWN' ? 'shipToId' : 'token' })
    if (error instanceof CreditRefused) return fail(error.code, { field: 'token', params: error.params })
    throw error
  }
}
