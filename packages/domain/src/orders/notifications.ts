// Who hears about what happens to an order, by email through the outbox: each use case enqueues
// one event in its own transaction (so nothing is sent for a change that rolled back), and the
// worker turns it into emails to the people concerned, each in their own language, with a link
// into the app they use.
import type { Ctx } from '../ctx.ts'
import type { OrderEmailStatus } from '../email/templates.ts'
import { queueEmail } from '../email/queue-email.ts'
import { notify } from '../notifications/notifications.ts'
import { QUEUES } from '../jobs/outbox.ts'
import { formatMoney, type Money } from '../money.ts'
import { Organization } from '../organizations/organization.entity.ts'
import { Membership } from '../users/membership.entity.ts'
import { User } from '../users/user.entity.ts'
import { Checkout, Order } from './order.entity.ts'
import { ORDER_ROLES } from './orders.constants.ts'

export type OrderEvent =
  /** Orders that reached their sellers (placed, or approved): the sellers' order staff. */
  | { event: 'placed'; orderIds: string[] }
  /** A checkout waits for its next approval step: whoever holds it (never the buyer who placed it). */
  | { event: 'approval'; checkoutId: string }
  /** A checkout was rejected: the buyer who placed it. */
  | { event: 'rejected'; checkoutId: string; byUserId: string; comment: string }
  /** The seller moved an order on (or approval placed it): the buyer who placed it. Shipping says how, as it was then. */
  | { event: 'status'; orderId: string; status: OrderEmailStatus; carrier?: string | null; trackingNumber?: string | null }
  /** The buyer cancelled before the seller confirmed: the seller's order staff. */
  | { event: 'buyer_cancelled'; orderId: string }

/** Enqueues an order event in the caller's transaction. */
export async function enqueueOrderEvent(ctx: Ctx, event: OrderEvent): Promise<void> {
  await ctx.jobs.send(ctx.em, QUEUES.orderNotify, event)
}

export interface AppLinks {
  market: string
  portal: string
}

const totalOf = (amounts: Money[], locale: string) => amounts.map((m) => formatMoney(m, locale)).join(' + ')

async function orderStaff(ctx: Ctx, sellerOrgId: string): Promise<User[]> {
  const members = await ctx.em.find(Membership, { organizationId: sellerOrgId, role: { $in: [...ORDER_ROLES] } })
  return members.length ? ctx.em.find(User, { id: { $in: members.map((m) => m.userId) } }) : []
}

/**
 * Queues the emails of one order event, and writes each as a notification in the app (the worker
 * runs it in a transaction). Returns how many were queued. Sent again (a retried job), it queues them again: an email may come twice, never
 * not at all.
 */
export async function notifyOrderEvent(ctx: Ctx, event: OrderEvent, links: AppLinks): Promise<number> {
  let sent = 0
  // The email, and the same news in the app the person works in (as `organizationId`).
  const send = async (user: User, organizationId: string, email: Parameters<typeof queueEmail>[3] & { params: { url: string } }) => {
    const message = await queueEmail(ctx, user.email, user.locale, email)
    const url = email.params.url
    const base = url.startsWith(links.portal) ? links.portal : links.market
    notify(ctx, { userId: user.id, organizationId, title: message.subject, path: url.startsWith(base) ? url.slice(base.length) || '/' : '/' })
    sent += 1
  }
  if (event.event === 'placed' || event.event === 'buyer_cancelled') {
    const ids = event.event === 'placed' ? event.orderIds : [event.orderId]
    const orders = await ctx.em.find(Order, { id: { $in: ids } })
    for (const order of orders) {
      const buyer = await ctx.em.findOneOrFail(Organization, { id: order.buyerOrgId })
      const url = `${links.portal}/orders/${order.id}`
      for (const user of await orderStaff(ctx, order.sellerOrgId)) {
        if (event.event === 'placed') await send(user, order.sellerOrgId, { template: 'order-placed', params: { number: order.number, buyerName: buyer.name, total: totalOf([{ amount: order.subtotal, currency: order.currency }], user.locale), poNumber: order.poNumber, url } })
        else await send(user, order.sellerOrgId, { template: 'order-cancelled-by-buyer', params: { number: order.number, buyerName: buyer.name, url } })
      }
    }
    return sent
  }
  if (event.event === 'status') {
    const order = await ctx.em.findOneOrFail(Order, { id: event.orderId })
    const [buyer, seller] = await Promise.all([ctx.em.findOneOrFail(User, { id: order.placedById }), ctx.em.findOneOrFail(Organization, { id: order.sellerOrgId })])
    await send(buyer, order.buyerOrgId, { template: 'order-status', params: { number: order.number, sellerName: seller.name, status: event.status, carrier: event.carrier ?? '', trackingNumber: event.trackingNumber ?? '', url: `${links.market}/orders/${order.id}` } })
    return sent
  }
  const checkout = await ctx.em.findOneOrFail(Checkout, { id: event.checkoutId })
  const orders = await ctx.em.find(Order, { checkoutId: checkout.id }, { orderBy: { number: 'asc' } })
  const placer = await ctx.em.findOneOrFail(User, { id: checkout.userId })
  if (event.event === 'rejected') {
    const approver = await ctx.em.findOneOrFail(User, { id: event.byUserId })
    await send(placer, checkout.buyerOrgId, { template: 'order-rejected', params: { numbers: orders.map((o) => o.number).join(', '), approver: approver.name, comment: event.comment, url: `${links.market}/orders` } })
    return sent
  }
  // Whoever holds the step the checkout waits for, except the buyer who placed it.
  const step = checkout.approvalSteps[checkout.approvalsDone]
  if (!step || !orders.some((o) => o.status === 'pending_approval')) return sent
  const holders = 'role' in step ? (await ctx.em.find(Membership, { organizationId: checkout.buyerOrgId, role: step.role })).map((m) => m.userId) : [step.userId]
  const people = await ctx.em.find(User, { id: { $in: holders.filter((id) => id !== checkout.userId) } })
  const totals = new Map<string, number>()
  for (const o of orders) totals.set(o.currency, (totals.get(o.currency) ?? 0) + o.subtotal)
  for (const user of people) {
    await send(user, checkout.buyerOrgId, { template: 'order-approval-needed', params: { placedBy: placer.name, total: totalOf([...totals].map(([currency, amount]) => ({ amount, currency }) as Money), user.locale), poNumber: checkout.poNumber, url: `${links.market}/orders/approvals` } })
  }
  return sent
}
