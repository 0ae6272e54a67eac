// Orders after checkout: the buyer's history, the seller's work queue, each order's page, the
// seller's steps (confirm, ship, deliver, complete, cancel) and the buyer's approvals. Every
// change of status is a conditional update (a double submit or a race finds it already done),
// audited in both organizations.
import { recordAudit } from '../audit/record-audit.ts'
import { may, scoped } from '../authz/scoped.ts'
import type { ApprovalStep } from '../companies/approvals.constants.ts'
import type { Ctx } from '../ctx.ts'
import { DomainError, fail, ok, type Result } from '../errors.ts'
import type { Money } from '../money.ts'
import { Organization } from '../organizations/organization.entity.ts'
import { User } from '../users/user.entity.ts'
import { CartLine } from './cart-line.entity.ts'
import { Invoice } from '../invoices/invoice.entity.ts'
import type { InvoiceTerms } from '../invoices/invoices.constants.ts'
import { awaitingPrepayment, CreditRefused, invoiceOrders, voidInvoiceOf, type CreditError } from '../invoices/billing.ts'
import { postPlacedOrders, reverseOrder } from '../ledger/posting.ts'
import { releaseStock } from './checkout.ts'
import { cardOrderCancelled, createCheckoutPayments } from '../payments/card-payments.ts'
import { Payment } from '../payments/payment.entity.ts'
import type { PaymentStatus } from '../payments/payments.constants.ts'
import { enqueueOrderEvent } from './notifications.ts'
import { Checkout, CheckoutApproval, Order, OrderLine, Shipment, type ShipmentLine, type ShipToSnapshot } from './order.entity.ts'
import type { OrderEmailStatus } from '../email/templates.ts'
import { SELLER_TRANSITIONS, type OrderStatus, type SellerStep } from './orders.constants.ts'
import type { ApprovalDecisionInput, SellerStepInput } from './orders.schemas.ts'
import { sqlArray } from '../db/sql-array.ts'

export interface OrderRowDto {
  id: string
  checkoutId: string
  number: string
  status: OrderStatus
  poNumber: string
  total: Money
  seller: { id: string; name: string }
  buyer: { id: string; name: string }
  placedBy: string
  lineCount: number
  createdAt: string
}

export interface OrderDto extends OrderRowDto {
  requestedDate: string | null
  notes: string
  shipTo: ShipToSnapshot
  carrier: string | null
  trackingNumber: string | null
  lines: { id: string; sku: string; productName: { en: string; vi: string }; quantity: number; shipped: number; unit: Money; total: Money; priceList: string | null }[]
  /** Its shipments, oldest first. */
  shipments: { id: string; carrier: string; trackingNumber: string | null; at: string; lines: ShipmentLine[] }[]
  /** The checkout's approval chain, each step with its decision when taken. */
  approval: { steps: { step: ApprovalStep; label: string; decision: { by: string; decision: 'approved' | 'rejected'; comment: string; at: string } | null }[]; done: number }
  /** Its invoice, once placed. */
  invoice: { id: string; number: string; status: 'open' | 'paid' | 'void'; terms: InvoiceTerms; dueDate: string } | null
  /** Its card payment, when paid by card. */
  payment: { status: PaymentStatus } | null
  /** What the actor may do to it now. */
  actions: { sellerSteps: SellerStep[]; approve: boolean; buyerCancel: boolean; reorder: boolean }
}

const ORDERS_LIMIT = 200

async function toRows(ctx: Ctx, orders: Order[]): Promise<OrderRowDto[]> {
  if (!orders.length) return []
  const orgIds = [...new Set(orders.flatMap((o) => [o.sellerOrgId, o.buyerOrgId]))]
  const [orgs, users, counts] = await Promise.all([
    ctx.em.find(Organization, { id: { $in: orgIds } }),
    ctx.em.find(User, { id: { $in: [...new Set(orders.map((o) => o.placedById))] } }),
    ctx.em.execute<{ order_id: string; n: string }[]>(`select order_id, count(*) as n from order_line where order_id = any(?::uuid[]) group by order_id`, [sqlArray(orders.map((o) => o.id))]),
  ])
  const org = new Map(orgs.map((o) => [o.id, o.name]))
  const user = new Map(users.map((u) => [u.id, u.name]))
  const lines = new Map(counts.map((c) => [c.order_id, Number(c.n)]))
  return orders.map((o) => ({
    id: o.id,
    checkoutId: o.checkoutId,
    number: o.number,
    status: o.status,
    poNumber: o.poNumber,
    total: { amount: o.subtotal, currency: o.currency },
    seller: { id: o.sellerOrgId, name: org.get(o.sellerOrgId) ?? '' },
    buyer: { id: o.buyerOrgId, name: org.get(o.buyerOrgId) ?? '' },
    placedBy: user.get(o.placedById) ?? '',
    lineCount: lines.get(o.id) ?? 0,
    createdAt: o.createdAt.toISOString(),
  }))
}

/** The orders the actor's company placed (newest first), or those it received as a seller. */
export async function listOrders(ctx: Ctx, side: 'buyer' | 'seller', filter: { status?: OrderStatus } = {}): Promise<OrderRowDto[]> {
  const org = ctx.actor.membership?.organizationId
  if (!org) return []
  const where = { ...(side === 'buyer' ? { buyerOrgId: org } : { sellerOrgId: org }), ...(filter.status ? { status: filter.status } : {}) }
  return toRows(ctx, await scoped(ctx).find(Order, where, { orderBy: { createdAt: 'desc', number: 'desc' }, limit: ORDERS_LIMIT }))
}

/** Whether the actor holds the step (its role in the company, or it is the person named). */
function holdsStep(ctx: Ctx, step: ApprovalStep): boolean {
  const m = ctx.actor.membership
  if (!m) return false
  return 'role' in step ? m.role === step.role : ctx.actor.userId === step.userId
}

/** One order the actor may read, as its page shows it to the buyer or the seller. */
export async function getOrder(ctx: Ctx, id: string): Promise<OrderDto> {
  const order = await scoped(ctx).findOneOrThrow(Order, { id })
  const [[row], lines, checkout, decisions, invoice] = await Promise.all([
    toRows(ctx, [order]),
    ctx.em.find(OrderLine, { orderId: order.id }, { orderBy: { sku: 'asc', id: 'asc' } }),
    ctx.em.findOneOrFail(Checkout, { id: order.checkoutId }),
    ctx.em.find(CheckoutApproval, { checkoutId: order.checkoutId }, { orderBy: { step: 'asc' } }),
    scoped(ctx).findOne(Invoice, { orderId: order.id }),
  ])
  const shipments = await ctx.em.find(Shipment, { orderId: order.id }, { orderBy: { createdAt: 'asc', id: 'asc' } })
  // The payment is the buyer's (read through the order the actor may read, seller or buyer).
  const payment = order.payBy === 'card' ? await ctx.em.findOne(Payment, { checkoutId: order.checkoutId, currency: order.currency }) : null
  const namedUsers = checkout.approvalSteps.flatMap((s) => ('userId' in s ? [s.userId] : []))
  const people = new Map((await ctx.em.find(User, { id: { $in: [...new Set([...namedUsers, ...decisions.map((d) => d.userId)])] } })).map((u) => [u.id, u.name]))
  const org = ctx.actor.membership?.organizationId
  const isSeller = org === order.sellerOrgId
  const waitingStep = order.status === 'pending_approval' ? checkout.approvalSteps[checkout.approvalsDone] : undefined
  return {
    ...row!,
    requestedDate: order.requestedDate ?? null,
    notes: order.notes,
    shipTo: order.shipTo,
    carrier: order.carrier ?? null,
    trackingNumber: order.trackingNumber ?? null,
    shipments: shipments.map((sh) => ({ id: sh.id, carrier: sh.carrier, trackingNumber: sh.trackingNumber ?? null, at: sh.createdAt.toISOString(), lines: sh.lines })),
    lines: lines.map((l) => ({ id: l.id, sku: l.sku, productName: l.productName, quantity: l.quantity, shipped: l.shippedQuantity, unit: { amount: l.unitAmount, currency: l.currency }, total: { amount: l.lineTotal, currency: l.currency }, priceList: l.priceListName ?? null })),
    approval: {
      done: checkout.approvalsDone,
      steps: checkout.approvalSteps.map((step, i) => {
        const d = decisions.find((x) => x.step === i)
        return { step, label: 'role' in step ? step.role : (people.get(step.userId) ?? ''), decision: d ? { by: people.get(d.userId) ?? '', decision: d.decision, comment: d.comment, at: d.createdAt.toISOString() } : null }
      }),
    },
    payment: payment ? { status: payment.status } : null,
    invoice: invoice ? { id: invoice.id, number: invoice.number, status: invoice.status, terms: invoice.terms, dueDate: invoice.dueDate } : null,
    actions: {
      sellerSteps: isSeller && may(ctx, 'update', Order, { sellerOrgId: order.sellerOrgId }) ? (Object.keys(SELLER_TRANSITIONS) as SellerStep[]).filter((s) => (SELLER_TRANSITIONS[s].from as readonly OrderStatus[]).includes(order.status)) : [],
      approve: !!waitingStep && holdsStep(ctx, waitingStep) && order.placedById !== ctx.actor.userId && may(ctx, 'approve', Order, { buyerOrgId: order.buyerOrgId }),
      buyerCancel: !isSeller && (order.status === 'pending_approval' || order.status === 'placed') && may(ctx, 'cancel', Order, { buyerOrgId: order.buyerOrgId }),
      reorder: !isSeller && !!ctx.actor.userId && may(ctx, 'create', CartLine, { buyerOrgId: order.buyerOrgId, userId: ctx.actor.userId }),
    },
  }
}

/** Moves an order from one of `from` to `to`, only if it is still in one of them; false if not. */
async function moveStatus(ctx: Ctx, order: Order, from: readonly OrderStatus[], to: OrderStatus, extra: Partial<Pick<Order, 'carrier' | 'trackingNumber'>> = {}): Promise<boolean> {
  const changed = await ctx.em.nativeUpdate(Order, { id: order.id, status: { $in: [...from] } }, { status: to, updatedAt: new Date(), ...extra })
  return changed === 1
}

async function releaseOrderStock(ctx: Ctx, orderId: string): Promise<void> {
  const lines = await ctx.em.find(OrderLine, { orderId }, { orderBy: { offerId: 'asc' } })
  for (const l of lines) await releaseStock(ctx, l.offerId ?? null, l.allocations)
}

/** What ending a placed order undoes (in its transaction): its stock, its invoice, its ledger postings, its card payment. */
async function undoOrder(ctx: Ctx, order: Order): Promise<void> {
  await releaseOrderStock(ctx, order.id)
  await voidInvoiceOf(ctx, order.id)
  await reverseOrder(ctx, order.id)
  await cardOrderCancelled(ctx, order)
}

/**
 * Cancels a card order whose payment was not made in time (the expiry job, in its transaction):
 * the same undoing as any cancellation, audited on both sides, the buyer told.
 */
export async function cancelUnpaidOrder(ctx: Ctx, order: Order): Promise<void> {
  if (!(await moveStatus(ctx, order, ['placed', 'confirmed'], 'cancelled'))) return
  await undoOrder(ctx, order)
  const details = { number: order.number, from: order.status, to: 'cancelled', by: 'payment_expired' }
  recordAudit(ctx, { organizationId: order.buyerOrgId, action: 'order.cancelled', subjectType: 'Order', subjectId: order.id, details })
  recordAudit(ctx, { organizationId: order.sellerOrgId, action: 'order.cancelled', subjectType: 'Order', subjectId: order.id, details })
  await enqueueOrderEvent(ctx, { event: 'status', orderId: order.id, status: 'cancelled' })
}

/** A seller's step on one of its own orders; cancelling gives the stock back. */
/** A refusal inside a step's transaction (it rolls back whole). */
class StepRefused extends Error {
  readonly code: SellerStepError
  constructor(code: SellerStepError) {
    super(code)
    this.code = code
  }
}

export type SellerStepError = 'STATUS_CHANGED' | 'PREPAYMENT_DUE' | 'NOTHING_TO_SHIP' | 'QUANTITY_TOO_MANY'

/**
 * Ships some or all of what the order has left (each line's quantity in `quantities`, all of a
 * line not named): one shipment, each line's shipped units raised by conditional updates (two
 * shipments at once never ship a unit twice). Returns the status it leaves the order in.
 */
async function shipPart(ctx: Ctx, order: Order, input: SellerStepInput): Promise<OrderStatus> {
  const lines = await ctx.em.find(OrderLine, { orderId: order.id }, { orderBy: { sku: 'asc', id: 'asc' } })
  const parcel: ShipmentLine[] = []
  for (const line of lines) {
    const left = line.quantity - line.shippedQuantity
    const quantity = input.quantities?.[line.id] ?? left
    if (quantity > left) throw new StepRefused('QUANTITY_TOO_MANY')
    if (quantity > 0) parcel.push({ lineId: line.id, sku: line.sku, quantity })
  }
  if (!parcel.length) throw new StepRefused('NOTHING_TO_SHIP')
  const raised = await ctx.em.execute<{ id: string }[]>(
    `update order_line l set shipped_quantity = l.shipped_quantity + p.quantity
       from unnest(?::uuid[], ?::int[]) as p(id, quantity)
      where l.id = p.id and l.shipped_quantity + p.quantity <= l.quantity returning l.id`,
    [sqlArray(parcel.map((p) => p.lineId)), sqlArray(parcel.map((p) => p.quantity))],
  )
  if (raised.length !== parcel.length) throw new StepRefused('STATUS_CHANGED')
  ctx.em.create(Shipment, { orderId: order.id, buyerOrgId: order.buyerOrgId, sellerOrgId: order.sellerOrgId, carrier: input.carrier ?? '', trackingNumber: input.trackingNumber ?? null, lines: parcel })
  const [left] = await ctx.em.execute<{ n: string }[]>(`select coalesce(sum(quantity - shipped_quantity), 0) as n from order_line where order_id = ?`, [order.id])
  return Number(left!.n) === 0 ? 'shipped' : 'partially_shipped'
}

/** A seller's step on one of its own orders; shipping may send part of it; cancelling gives the stock back. */
export async function sellerOrderStep(ctx: Ctx, id: string, input: SellerStepInput): Promise<Result<{ status: OrderStatus }, SellerStepError>> {
  try {
    return await ctx.em.transactional(async (em) => {
      const tx: Ctx = { ...ctx, em }
      const order = await scoped(tx).findOneOrThrow(Order, { id, sellerOrgId: ctx.actor.membership?.organizationId ?? '' }, 'update')
      const t = SELLER_TRANSITIONS[input.step]
      const extra = input.step === 'ship' ? { carrier: input.carrier ?? null, trackingNumber: input.trackingNumber ?? null } : {}
      // Prepaid terms (or a card not yet charged): the seller ships once it is paid.
      if (input.step === 'ship' && (await awaitingPrepayment(tx, order.id))) return fail('PREPAYMENT_DUE', { field: 'step' })
      if (input.step === 'ship' && !(t.from as readonly OrderStatus[]).includes(order.status)) return fail('STATUS_CHANGED', { field: 'step' })
      const to: OrderStatus = input.step === 'ship' ? await shipPart(tx, order, input) : t.to
      if (!(await moveStatus(tx, order, t.from, to, extra))) throw new StepRefused('STATUS_CHANGED')
      if (to === 'cancelled') await undoOrder(tx, order)
      const details = { number: order.number, from: order.status, to, ...extra }
      recordAudit(tx, { organizationId: order.sellerOrgId, action: `order.${to}`, subjectType: 'Order', subjectId: order.id, details })
      recordAudit(tx, { organizationId: order.buyerOrgId, action: `order.${to}`, subjectType: 'Order', subjectId: order.id, details })
      await em.flush()
      await enqueueOrderEvent(tx, { event: 'status', orderId: order.id, status: to as OrderEmailStatus, ...extra })
      return ok({ status: to })
    })
  } catch (error) {
    if (error instanceof StepRefused) return fail(error.code, { field: error.code === 'QUANTITY_TOO_MANY' || error.code === 'NOTHING_TO_SHIP' ? 'quantities' : 'step' })
    throw error
  }
}

/** The buyer cancels an order not yet confirmed by the seller; its stock goes back. */
export async function cancelMyOrder(ctx: Ctx, id: string): Promise<Result<{ status: OrderStatus }, 'STATUS_CHANGED'>> {
  return ctx.em.transactional(async (em) => {
    const tx: Ctx = { ...ctx, em }
    const order = await scoped(tx).findOneOrThrow(Order, { id, buyerOrgId: ctx.actor.membership?.organizationId ?? '' }, 'cancel')
    if (!(await moveStatus(tx, order, ['pending_approval', 'placed'], 'cancelled'))) return fail('STATUS_CHANGED', { field: 'step' })
    await undoOrder(tx, order)
    const details = { number: order.number, from: order.status, to: 'cancelled', by: 'buyer' }
    recordAudit(tx, { organizationId: order.buyerOrgId, action: 'order.cancelled', subjectType: 'Order', subjectId: order.id, details })
    // The seller saw it only once placed: it hears of the cancellation then, and the audit log of
    // the seller records it then.
    if (order.status === 'placed') recordAudit(tx, { organizationId: order.sellerOrgId, action: 'order.cancelled', subjectType: 'Order', subjectId: order.id, details })
    await em.flush()
    if (order.status === 'placed') await enqueueOrderEvent(tx, { event: 'buyer_cancelled', orderId: order.id })
    return ok({ status: 'cancelled' })
  })
}

export interface ApprovalQueueRow {
  checkoutId: string
  poNumber: string
  placedBy: string
  createdAt: string
  orders: OrderRowDto[]
  totals: Money[]
  step: number
  steps: number
}

/** The checkouts of the actor's company waiting for the actor's own step, oldest first. */
export async function approvalQueue(ctx: Ctx): Promise<ApprovalQueueRow[]> {
  const org = ctx.actor.membership?.organizationId
  if (!org || !may(ctx, 'approve', Order, { buyerOrgId: org })) return []
  const pending = await scoped(ctx).find(Order, { buyerOrgId: org, status: 'pending_approval' }, { orderBy: { createdAt: 'asc' }, limit: ORDERS_LIMIT })
  if (!pending.length) return []
  const checkouts = await ctx.em.find(Checkout, { id: { $in: [...new Set(pending.map((o) => o.checkoutId))] } }, { orderBy: { createdAt: 'asc' } })
  const rows = await toRows(ctx, pending)
  return checkouts
    .filter((c) => {
      const step = c.approvalSteps[c.approvalsDone]
      return step && holdsStep(ctx, step) && c.userId !== ctx.actor.userId
    })
    .map((c) => {
      const orders = rows.filter((r) => pending.find((p) => p.id === r.id)!.checkoutId === c.id)
      const totals = new Map<string, number>()
      for (const o of orders) totals.set(o.total.currency, (totals.get(o.total.currency) ?? 0) + o.total.amount)
      return { checkoutId: c.id, poNumber: c.poNumber, placedBy: orders[0]?.placedBy ?? '', createdAt: c.createdAt.toISOString(), orders, totals: [...totals].map(([currency, amount]) => ({ amount, currency }) as Money), step: c.approvalsDone + 1, steps: c.approvalSteps.length }
    })
}

/**
 * An approver's decision on the step of a checkout waiting for them: approving the last step
 * places its orders; rejecting ends them and gives their stock back. A person decides one step of
 * a checkout at most, and never on their own.
 */
export async function decideApproval(ctx: Ctx, checkoutId: string, input: ApprovalDecisionInput): Promise<Result<{ status: OrderStatus | 'pending_approval' }, 'STATUS_CHANGED' | 'NOT_YOUR_STEP' | CreditError>> {
  try {
    return await decide(ctx, checkoutId, input)
  } catch (error) {
    if (error instanceof CreditRefused) return fail(error.code, { field: 'decision', params: error.params })
    throw error
  }
}

function decide(ctx: Ctx, checkoutId: string, input: ApprovalDecisionInput): Promise<Result<{ status: OrderStatus | 'pending_approval' }, 'STATUS_CHANGED' | 'NOT_YOUR_STEP'>> {
  return ctx.em.transactional(async (em) => {
    const tx: Ctx = { ...ctx, em }
    const org = ctx.actor.membership?.organizationId ?? ''
    await em.execute(`select id from checkout where id = ? and buyer_org_id = ? for update`, [checkoutId, org])
    const checkout = await em.findOne(Checkout, { id: checkoutId, buyerOrgId: org })
    const orders = checkout ? await scoped(tx).find(Order, { checkoutId, status: 'pending_approval' }, {}, 'approve') : []
    if (!checkout || !orders.length) {
      const any = checkout && (await scoped(tx).findOne(Order, { checkoutId }))
      if (!any) throw new DomainError('not_found', 'NOT_FOUND')
      return fail('STATUS_CHANGED', { field: 'decision' })
    }
    const step = checkout.approvalSteps[checkout.approvalsDone]
    const decided = await em.count(CheckoutApproval, { checkoutId, userId: ctx.actor.userId! })
    if (!step || !holdsStep(ctx, step) || checkout.userId === ctx.actor.userId || decided > 0) return fail('NOT_YOUR_STEP', { field: 'decision' })
    em.create(CheckoutApproval, { checkoutId, buyerOrgId: org, step: checkout.approvalsDone, userId: ctx.actor.userId!, decision: input.decision === 'approve' ? 'approved' : 'rejected', comment: input.comment })
    let status: OrderStatus = 'pending_approval'
    if (input.decision === 'reject') {
      status = 'rejected'
      for (const o of orders) {
        if (await moveStatus(tx, o, ['pending_approval'], 'rejected')) await releaseOrderStock(tx, o.id)
      }
    } else {
      checkout.approvalsDone += 1
      if (checkout.approvalsDone >= checkout.approvalSteps.length) {
        status = 'placed'
        for (const o of orders) await moveStatus(tx, o, ['pending_approval'], 'placed')
        // Placed now: each seller's credit is checked (refused whole if over) and its invoice issued.
        await invoiceOrders(tx, orders)
        await postPlacedOrders(tx, orders)
        await createCheckoutPayments(tx, orders)
      }
    }
    const action = input.decision === 'approve' ? (status === 'placed' ? 'order.approved' : 'order.approval_step') : 'order.rejected'
    for (const o of orders) {
      const details = { number: o.number, step: checkout.approvalsDone, comment: input.comment }
      recordAudit(tx, { organizationId: o.buyerOrgId, action, subjectType: 'Order', subjectId: o.id, details })
      if (status === 'placed') recordAudit(tx, { organizationId: o.sellerOrgId, action, subjectType: 'Order', subjectId: o.id, details: { number: o.number } })
    }
    await em.flush()
    if (status === 'rejected') await enqueueOrderEvent(tx, { event: 'rejected', checkoutId, byUserId: ctx.actor.userId!, comment: input.comment })
    else if (status === 'placed') {
      await enqueueOrderEvent(tx, { event: 'placed', orderIds: orders.map((o) => o.id) })
      for (const o of orders) await enqueueOrderEvent(tx, { event: 'status', orderId: o.id, status: 'placed' })
    } else await enqueueOrderEvent(tx, { event: 'approval', checkoutId })
    return ok({ status })
  })
}
