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
import { checkCredit, CreditRefused, issueInvoices, type CreditError } from '../invoices/billing.ts'
import { postPlacedOrders } from '../ledger/posting.ts'
import { enqueueOrderEvent } from './notifications.ts'
import { cardSellers, createCheckoutPayments } from '../payments/card-payments.ts'
import { COUNTED_ORDER_STATUSES } from './orders.constants.ts'
import type { CheckoutInput } from './orders.schemas.ts'
import { accessibleSql } from '../authz/sql.ts'
import { preparedRead, preparedWrite } from '../db/prepared.ts'
import { sqlArray } from '../db/sql-array.ts'

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
  const [row] = await preparedRead<{ user_spent: string | null; company_spent: string | null }>(
    ctx.em,
    `select coalesce(sum(subtotal) filter (where placed_by_id = ?), 0) as user_spent, coalesce(sum(subtotal), 0) as company_spent
       from orders where buyer_org_id = ? and currency = ? and status = any(?::text[])
        and created_at >= (date_trunc('month', now() at time zone 'UTC') at time zone 'UTC')`,
    [userId, buyerOrgId, currency, sqlArray(COUNTED_ORDER_STATUSES)],
  )
  return { user: Number(row?.user_spent ?? 0), company: Number(row?.company_spent ?? 0) }
}

/** The approval chain the actor's cart would need if placed now (shown before placing), with the names of the people it names. */
export async function checkoutApproval(ctx: Ctx, cart: CartDto): Promise<(ApprovalChain & { names: Record<string, string> }) | null> {
  if (!cart.groups.length) return null
  const owner = cartOwner(ctx)
  const [row] = await ctx.em.execute<{ default_currency: Currency }[]>(`select default_currency from organization where id = ?`, [owner.buyerOrgId])
  const chain = await approvalFor(ctx, cart, owner, row!.default_currency)
  const ids = chain.steps.flatMap((s) => ('userId' in s.step ? [s.step.userId] : []))
  const people = ids.length ? await ctx.em.find(User, { id: { $in: ids } }) : []
  return { ...chain, names: Object.fromEntries(people.map((u) => [u.id, u.name])) }
}

/** The chain the cart needs; the month's spending (in the company's currency) is read only when a monthly limit asks. */
function approvalFor(ctx: Ctx, cart: CartDto, owner: { buyerOrgId: string; userId: string }, companyCurrency: Currency): Promise<ApprovalChain> {
  return approvalChainFor(ctx, {
    lines: cart.groups.flatMap((g) => g.lines.map((l) => ({ sellerId: g.seller.id, categoryId: l.categoryId, total: l.lineTotal! }))),
    spentThisMonth: () => spentThisMonth(ctx, owner.buyerOrgId, owner.userId, companyCurrency),
  })
}

/**
 * Takes each line's units of its offer from the offer's warehouses, fullest first, and writes on
 * each line where they came from, in one statement: stock rows are locked in one order (offer,
 * then row), never go below zero, and are held from here to the commit only. Returns whether
 * every line got all its units (when not, the caller rolls back: nothing taken sticks).
 */
async function reserve(ctx: Ctx, lines: { lineId: string; offerId: string; quantity: number }[]): Promise<boolean> {
  if (!lines.length) return true
  const rows = await preparedWrite<{ id: string; taken: string; quantity: number }>(
    ctx.em,
    `with wanted as (
       select * from unnest(?::uuid[], ?::uuid[], ?::int[]) as w(line_id, offer_id, quantity)
     ), locked as (
       select s.id, s.offer_id, s.warehouse_id, s.quantity from offer_stock s
        where s.offer_id in (select offer_id from wanted) and s.quantity > 0 order by s.offer_id, s.id for update
     ), planned as (
       select l.id, l.offer_id, l.warehouse_id,
              least(l.quantity, greatest(w.quantity - coalesce(sum(l.quantity) over (partition by l.offer_id order by l.quantity desc, l.id rows between unbounded preceding and 1 preceding), 0), 0))::int as take
         from locked l join wanted w on w.offer_id = l.offer_id
     ), taken as (
       update offer_stock s set quantity = s.quantity - p.take, updated_at = now() from planned p
        where s.id = p.id and p.take > 0 and s.quantity >= p.take
       returning p.offer_id, p.warehouse_id, p.take
     ), allocated as (
       select w.line_id, w.quantity, sum(t.take) as taken,
              jsonb_agg(jsonb_build_object('warehouseId', t.warehouse_id, 'quantity', t.take) order by t.warehouse_id) as allocations
         from wanted w join taken t on t.offer_id = w.offer_id group by w.line_id, w.quantity
     )
     update order_line l set allocations = a.allocations from allocated a where l.id = a.line_id
     returning l.id, a.taken, a.quantity`,
    [sqlArray(lines.map((l) => l.lineId)), sqlArray(lines.map((l) => l.offerId)), sqlArray(lines.map((l) => l.quantity))],
  )
  return rows.length === lines.length && rows.every((r) => Number(r.taken) === Number(r.quantity))
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
 *
 * Rows other checkouts wait for are locked as late as possible and held only until the commit:
 * the stock of the lines, then each seller's invoice numbering, last.
 */
export async function placeCheckout(ctx: Ctx, input: CheckoutInput): Promise<Result<PlacedCheckout, CheckoutError>> {
  const owner = cartOwner(ctx)
  try {
    return await ctx.em.transactional(async (em) => {
      const tx: Ctx = { ...ctx, em }
      // One checkout of a company at a time: its spending this month is read and added to as one,
      // and a second submit of the same form, waiting here, finds the first one placed. The ship-to
      // (one of the company's, that the actor may read) comes with it, as the orders keep it.
      const readableShipTo = accessibleSql(tx, 'read', ShipTo, 's.id')
      const [company] = await preparedRead<{ default_currency: Currency; again: string | null; ship_to: ShipToSnapshot | null }>(
        em,
        `select o.default_currency, (select c.id from checkout c where c.token = ?) as again,
                (select json_build_object('id', s.id, 'name', s.name, 'addressLine', s.address_line, 'city', s.city, 'subdivisionCode', s.subdivision_code,
                                          'country', s.country, 'latitude', s.latitude, 'longitude', s.longitude)
                   from ship_to s where s.id = ? and s.organization_id = o.id and ${readableShipTo.sql}) as ship_to
           from organization o where o.id = ? for update of o`,
        [input.token, input.shipToId, ...readableShipTo.params, owner.buyerOrgId],
      )
      const placedBefore = async (checkoutId: string) => {
        const orders = await scoped(tx).find(Order, { checkoutId, buyerOrgId: owner.buyerOrgId, placedById: owner.userId }, { orderBy: { number: 'asc' } })
        if (!orders.length) throw new CheckoutRefused('CART_CHANGED')
        return ok({ checkoutId, orders: orders.map((o) => ({ id: o.id, number: o.number, status: o.status, payBy: o.payBy })), payNow: orders.some((o) => o.payBy === 'card' && o.status === 'placed') })
      }
      if (company!.again) return placedBefore(company!.again)
      const snapshot = company!.ship_to
      if (!snapshot) throw new CheckoutRefused('SHIP_TO_UNKNOWN')
      const { dto: cart, lines, offers, prices, products, sellers } = await loadCart(tx, { stock: false })
      if (!lines.length) {
        // The statement that waited for the lock read as of before the first submit committed; the
        // cart it emptied says it may have: looked for again, now.
        const [again] = await em.execute<{ id: string }[]>(`select id from checkout where token = ?`, [input.token])
        if (again) return placedBefore(again.id)
        throw new CheckoutRefused('CART_EMPTY')
      }
      if (cart.hasIssues) throw new CheckoutRefused('CART_CHANGED')
      const chain = await approvalFor(tx, cart, owner, company!.default_currency)
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
      const placed: PlacedCheckout['orders'] = []
      // By card: the orders of sellers whose connected account takes transfers; the rest on terms.
      const card = input.payBy === 'card' ? await cardSellers(tx, cart.groups.map((g) => g.seller.id)) : new Set<string>()
      const numbers = await em.execute<{ n: string }[]>(`select nextval('order_number_seq') as n from generate_series(1, ?::int)`, [cart.groups.length])
      const created: Order[] = []
      const orderLines: OrderLine[] = []
      cart.groups.forEach((group, i) => {
        const order = em.create(Order, {
          number: `TP-${String(numbers[i]!.n).padStart(6, '0')}`,
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
          orderLines.push(
            em.create(OrderLine, {
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
            }),
          )
        }
        const details = { number: order.number, status, total: group.subtotal, poNumber: input.poNumber }
        recordAudit(tx, { organizationId: owner.buyerOrgId, action: 'order.placed', subjectType: 'Order', subjectId: order.id, details })
        // The seller learns of an order once it is placed (after approval, when it needs one).
        if (status === 'placed') recordAudit(tx, { organizationId: group.seller.id, action: 'order.placed', subjectType: 'Order', subjectId: order.id, details })
        placed.push({ id: order.id, number: order.number, status, payBy: order.payBy })
        created.push(order)
      })
      // The cart's lines become the orders' lines.
      await preparedWrite(em, `delete from cart_line where id = any(?::uuid[])`, [sqlArray(cart.groups.flatMap((g) => g.lines.map((l) => l.id)))])
      // Placed now (after approval otherwise): each seller's credit is checked under the lock of its
      // relationship with the buyer, and the orders posted to the ledger; everything is written.
      const terms = status === 'placed' ? await checkCredit(tx, created) : null
      if (status === 'placed') await postPlacedOrders(tx, created, { lines: orderLines, products, sellers })
      await em.flush()
      if (status === 'placed') await createCheckoutPayments(tx, created)
      // Then the rows other checkouts wait for: the stock, and last each seller's invoice numbering.
      if (!(await reserve(tx, orderLines.map((l) => ({ lineId: l.id, offerId: l.offerId!, quantity: l.quantity }))))) throw new CheckoutRefused('OUT_OF_STOCK')
      await enqueueOrderEvent(tx, status === 'placed' ? { event: 'placed', orderIds: placed.map((o) => o.id) } : { event: 'approval', checkoutId: checkout.id })
      if (terms) await issueInvoices(tx, created, terms)
      return ok({ checkoutId: checkout.id, orders: placed, payNow: status === 'placed' && placed.some((o) => o.payBy === 'card') })
    })
  } catch (error) {
    if (error instanceof CheckoutRefused) return fail(error.code, { field: error.code === 'SHIP_TO_UNKNOWN' ? 'shipToId' : 'token' })
    if (error instanceof CreditRefused) return fail(error.code, { field: 'token', params: error.params })
    throw error
  }
}
