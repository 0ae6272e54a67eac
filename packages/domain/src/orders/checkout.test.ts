// Cart, checkout and orders on a real PostgreSQL: a cart from two sellers becomes one order per
// seller, all or nothing; stock is never sold twice (500 concurrent purchases of 100 units);
// prices that changed are asked again; approvals, cancellation and each side's reads.
import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { ApprovalRule } from '../companies/approval-rule.entity.ts'
import { ShipTo } from '../companies/ship-to.entity.ts'
import { ProductInputSchema } from '../catalog/catalog.schemas.ts'
import { saveProduct, setProductStatus } from '../catalog/products.ts'
import { createCtx } from '../ctx.ts'
import { createOrm } from '../db/orm.ts'
import { OfferInputSchema } from '../offers/offer.schemas.ts'
import { saveOffer } from '../offers/offers.ts'
import { addMember, createBrand, createCategory, createOrganization, createWarehouse } from '../testing/factories.ts'
import { useTestDatabase } from '../testing/test-database.ts'
import { CartLine } from './cart-line.entity.ts'
import { addToCart, getCart, quickOrder, reorder, setCartQuantity } from './cart.ts'
import { placeCheckout } from './checkout.ts'
import { Order, OrderLine } from './order.entity.ts'
import { approvalQueue, cancelMyOrder, decideApproval, getOrder, listOrders, sellerOrderStep } from './orders.ts'
import { notifyOrderEvent, type OrderEvent } from './notifications.ts'
import { markNotificationsRead, myNotifications } from '../notifications/notifications.ts'
import { EmailMessage } from '../email/email-message.entity.ts'
import { Invoice } from '../invoices/invoice.entity.ts'
import { getInvoice, listInvoices, markInvoicePaid, termsWithSellers } from '../invoices/billing.ts'
import { Customer } from '../pricing/customer.entity.ts'
import { getSellerDashboard } from '../dashboard/seller-dashboard.ts'
import { CheckoutInputSchema } from './orders.schemas.ts'

const db = useTestDatabase()
const unwrap = <T,>(r: { ok: true; value: T } | { ok: false; error: { code: string } }): T => {
  if (!r.ok) throw new Error(r.error.code)
  return r.value
}
const tag = () => Math.random().toString(36).slice(2, 8)

/** Two manufacturers selling one product each (with stock in one warehouse), and a buyer company with a ship-to. */
async function world(options: { stock?: number; moq?: number; multiple?: number } = {}) {
  const em = db().orm.em.fork()
  const category = await createCategory(em)
  const seller = async (price: string) => {
    const s = await createOrganization(em, { kind: 'manufacturer', roles: ['fulfillment', 'catalog_manager'] })
    const brand = await createBrand(em, s.org)
    const warehouse = await createWarehouse(em, s.org, { subdivisionCode: 'VN-HN', latitude: 21.03, longitude: 105.85 })
    const ctx = db().ctx(s.admin.actor)
    const product = unwrap(await saveProduct(ctx, ProductInputSchema.parse({ mpn: `MPN-${tag()}`, nameEn: 'Breaker', nameVi: 'Cầu dao', brandId: brand.id, categoryId: category.id })))
    await setProductStatus(ctx, product.id, 'published')
    const offer = unwrap(
      await saveOffer(ctx, OfferInputSchema.parse({ productId: product.id, sku: `SKU-${tag()}`, price, currency: 'VND', minOrderQty: options.moq ?? 1, orderMultiple: options.multiple ?? 1, stock: { [warehouse.id]: options.stock ?? 50 } })),
    )
    return { ...s, product, offer, warehouse }
  }
  const a = await seller('100000')
  const b = await seller('250000')
  const buyer = await createOrganization(em, { kind: 'buyer', roles: ['buyer', 'approver', 'viewer'] })
  const stranger = await createOrganization(em, { kind: 'buyer' })
  const shipTo = em.create(ShipTo, { organizationId: buyer.org.id, name: 'Site A', addressLine: '1 Road', city: 'Hà Nội', subdivisionCode: 'VN-HN', country: 'VN', latitude: 21.0, longitude: 105.8 })
  await em.persist(shipTo).flush()
  return { a, b, buyer, stranger, shipTo, em }
}

const stockOf = async (offerId: string) => {
  const [row] = await db().orm.em.fork().execute<{ units: string }[]>('select coalesce(sum(quantity), 0) as units from offer_stock where offer_id = ?', [offerId])
  return Number(row!.units)
}
const checkoutInput = (shipToId: string, extra: Record<string, unknown> = {}) => CheckoutInputSchema.parse({ token: randomUUID(), shipToId, poNumber: 'PO-1', ...extra })

describe('checkout', () => {
  it('places one order per seller, takes the stock, empties the cart, and each side reads only its own', async () => {
    const w = await world()
    const buyer = db().ctx(w.buyer.members.buyer!.actor)
    unwrap(await addToCart(buyer, { offerId: w.a.offer.id, quantity: 3 }))
    unwrap(await addToCart(db().ctx(w.buyer.members.buyer!.actor), { offerId: w.b.offer.id, quantity: 2 }))
    const cart = await getCart(db().ctx(w.buyer.members.buyer!.actor))
    expect(cart.groups.map((g) => g.subtotal.amount).sort()).toEqual([300_000, 500_000])
    expect(cart.hasIssues).toBe(false)

    const placed = unwrap(await placeCheckout(db().ctx(w.buyer.members.buyer!.actor), checkoutInput(w.shipTo.id)))
    expect(placed.orders).toHaveLength(2)
    expect(placed.orders.every((o) => o.status === 'placed')).toBe(true)
    expect(await stockOf(w.a.offer.id)).toBe(47)
    expect(await stockOf(w.b.offer.id)).toBe(48)
    expect(await db().orm.em.fork().count(CartLine, { userId: w.buyer.members.buyer!.user.id })).toBe(0)

    // The buyer company's members read both; each seller reads its own; nobody else reads any.
    expect(await listOrders(db().ctx(w.buyer.members.viewer!.actor), 'buyer')).toHaveLength(2)
    const sellerA = await listOrders(db().ctx(w.a.admin.actor), 'seller')
    expect(sellerA.map((o) => o.total.amount)).toEqual([300_000])
    const orderOfB = placed.orders.find((o) => o.id !== sellerA[0]!.id)!
    await expect(getOrder(db().ctx(w.a.admin.actor), orderOfB.id)).rejects.toThrow(/NOT_FOUND/)
    await expect(getOrder(db().ctx(w.stranger.admin.actor), orderOfB.id)).rejects.toThrow(/NOT_FOUND/)
    expect(await listOrders(db().ctx(w.stranger.admin.actor), 'buyer')).toHaveLength(0)
    // A viewer may look but not buy.
    await expect(addToCart(db().ctx(w.buyer.members.viewer!.actor), { offerId: w.a.offer.id, quantity: 1 })).rejects.toThrow(/FORBIDDEN/)
  })

  it('places once when the same form is submitted twice', async () => {
    const w = await world()
    const actor = w.buyer.members.buyer!.actor
    unwrap(await addToCart(db().ctx(actor), { offerId: w.a.offer.id, quantity: 1 }))
    const input = checkoutInput(w.shipTo.id)
    const [first, second] = await Promise.all([placeCheckout(db().ctx(actor), input), placeCheckout(db().ctx(actor), input)].map((p) => p.catch((e: Error) => e)))
    const results = [first, second].filter((r) => r !== undefined && !(r instanceof Error)) as Awaited<ReturnType<typeof placeCheckout>>[]
    // One of two concurrent submits may lose the race on the token; the one that answers names the same checkout.
    expect(results.length).toBeGreaterThan(0)
    const again = unwrap(await placeCheckout(db().ctx(actor), input))
    expect(results.map((r) => (r.ok ? r.value.checkoutId : r.error.code))).toEqual(results.map(() => again.checkoutId))
    expect(await db().orm.em.fork().count(Order, { buyerOrgId: w.buyer.org.id })).toBe(1)
    expect(await stockOf(w.a.offer.id)).toBe(49)
  })

  it('shows a price that changed since the line was added and refuses to place it until seen', async () => {
    const w = await world()
    const actor = w.buyer.members.buyer!.actor
    unwrap(await addToCart(db().ctx(actor), { offerId: w.a.offer.id, quantity: 2 }))
    await db().orm.em.fork().execute('update offer set price_amount = 120000 where id = ?', [w.a.offer.id])
    const cart = await getCart(db().ctx(actor))
    expect(cart.groups[0]!.lines[0]!.issues).toEqual([{ code: 'PRICE_CHANGED', seen: { amount: 100_000, currency: 'VND' } }])
    expect(cart.groups[0]!.lines[0]!.unit).toEqual({ amount: 120_000, currency: 'VND' })
    const refused = await placeCheckout(db().ctx(actor), checkoutInput(w.shipTo.id))
    expect(refused.ok ? null : refused.error.code).toBe('CART_CHANGED')
    expect(await db().orm.em.fork().count(Order, { buyerOrgId: w.buyer.org.id })).toBe(0)
    expect(await stockOf(w.a.offer.id)).toBe(50)
    expect(await db().orm.em.fork().count(CartLine, { userId: actor.userId! })).toBe(1)
    // Setting the quantity again is seeing the price: it places now, at the new price.
    const line = cart.groups[0]!.lines[0]!
    await setCartQuantity(db().ctx(actor), { lineId: line.id, quantity: 2 })
    const placed = unwrap(await placeCheckout(db().ctx(actor), checkoutInput(w.shipTo.id)))
    const lines = await db().orm.em.fork().find(OrderLine, { orderId: placed.orders[0]!.id })
    expect(lines.map((l) => [l.unitAmount, l.lineTotal])).toEqual([[120_000, 240_000]])
  })

  it('flags quantities below the minimum or off the multiple on the line, and refuses them', async () => {
    const w = await world({ moq: 10, multiple: 5 })
    const actor = w.buyer.members.buyer!.actor
    unwrap(await addToCart(db().ctx(actor), { offerId: w.a.offer.id, quantity: 4 }))
    expect((await getCart(db().ctx(actor))).groups[0]!.lines[0]!.issues).toEqual([{ code: 'BELOW_MOQ', minOrderQty: 10 }])
    const line = (await getCart(db().ctx(actor))).groups[0]!.lines[0]!
    await setCartQuantity(db().ctx(actor), { lineId: line.id, quantity: 12 })
    expect((await getCart(db().ctx(actor))).groups[0]!.lines[0]!.issues).toEqual([{ code: 'NOT_MULTIPLE', orderMultiple: 5, minOrderQty: 10 }])
    const refused = await placeCheckout(db().ctx(actor), checkoutInput(w.shipTo.id))
    expect(refused.ok).toBe(false)
    await setCartQuantity(db().ctx(actor), { lineId: line.id, quantity: 15 })
    expect(unwrap(await placeCheckout(db().ctx(actor), checkoutInput(w.shipTo.id))).orders).toHaveLength(1)
  })

  it('adds quick-order lines by SKU or part number, and suggests what a line might have meant', async () => {
    const w = await world()
    const actor = w.buyer.members.buyer!.actor
    const problems = await quickOrder(db().ctx(actor), { lines: `${w.a.offer.sku} 3\n${w.b.product.mpn.toLowerCase()}, 2\n${w.a.offer.sku.slice(0, 7)} 1` })
    expect(problems.ok).toBe(false)
    expect(problems.problems?.map((p) => [p.line, p.code])).toEqual([[3, 'NOT_FOUND']])
    expect(problems.problems?.[0]!.suggestions.map((s) => s.sku)).toContain(w.a.offer.sku)
    // Nothing of a paste with a problem is added.
    expect(await db().orm.em.fork().count(CartLine, { userId: actor.userId! })).toBe(0)
    unwrap(await quickOrder(db().ctx(actor), { lines: `${w.a.offer.sku} 3\n${w.b.product.mpn.toLowerCase()}, 2` }))
    const cart = await getCart(db().ctx(actor))
    expect(cart.groups.flatMap((g) => g.lines.map((l) => l.quantity)).sort()).toEqual([2, 3])
  })

  it('waits for approval in sequence, hides the order from the seller until then, and gives stock back when rejected', async () => {
    const w = await world()
    const em = db().orm.em.fork()
    await em.persist(em.create(ApprovalRule, { organizationId: w.buyer.org.id, name: 'Big orders', minTotal: 200_000, currency: 'VND', steps: [{ role: 'approver' }, { role: 'admin' }], active: true })).flush()
    const actor = w.buyer.members.buyer!.actor
    unwrap(await addToCart(db().ctx(actor), { offerId: w.a.offer.id, quantity: 3 }))
    const placed = unwrap(await placeCheckout(db().ctx(actor), checkoutInput(w.shipTo.id)))
    expect(placed.orders[0]!.status).toBe('pending_approval')
    expect(await stockOf(w.a.offer.id)).toBe(47)
    expect(await listOrders(db().ctx(w.a.admin.actor), 'seller')).toHaveLength(0)

    // The admin's step comes second: not in the admin's queue yet; the buyer never approves their own.
    expect(await approvalQueue(db().ctx(w.buyer.admin.actor))).toHaveLength(0)
    const queue = await approvalQueue(db().ctx(w.buyer.members.approver!.actor))
    expect(queue.map((q) => q.checkoutId)).toEqual([placed.checkoutId])
    const wrong = await decideApproval(db().ctx(w.buyer.admin.actor), placed.checkoutId, { decision: 'approve', comment: '' })
    expect(wrong.ok ? null : wrong.error.code).toBe('NOT_YOUR_STEP')
    expect(unwrap(await decideApproval(db().ctx(w.buyer.members.approver!.actor), placed.checkoutId, { decision: 'approve', comment: '' })).status).toBe('pending_approval')
    expect(unwrap(await decideApproval(db().ctx(w.buyer.admin.actor), placed.checkoutId, { decision: 'approve', comment: 'ok' })).status).toBe('placed')
    expect(await listOrders(db().ctx(w.a.admin.actor), 'seller')).toHaveLength(1)

    // A second checkout, rejected: its stock comes back, and the seller never sees it.
    unwrap(await addToCart(db().ctx(actor), { offerId: w.a.offer.id, quantity: 4 }))
    const second = unwrap(await placeCheckout(db().ctx(actor), checkoutInput(w.shipTo.id)))
    expect(await stockOf(w.a.offer.id)).toBe(43)
    expect(unwrap(await decideApproval(db().ctx(w.buyer.members.approver!.actor), second.checkoutId, { decision: 'reject', comment: 'Too much' })).status).toBe('rejected')
    expect(await stockOf(w.a.offer.id)).toBe(47)
    const again = await decideApproval(db().ctx(w.buyer.members.approver!.actor), second.checkoutId, { decision: 'reject', comment: 'Too much' })
    expect(again.ok ? null : again.error.code).toBe('STATUS_CHANGED')
    expect(await listOrders(db().ctx(w.a.admin.actor), 'seller')).toHaveLength(1)
  })

  it('adds to one line when the same offer is added many times at once (double clicks, two tabs)', async () => {
    const w = await world()
    const actor = w.buyer.members.buyer!.actor
    const results = await Promise.all(Array.from({ length: 10 }, () => addToCart(db().ctx(actor), { offerId: w.a.offer.id, quantity: 2 })))
    expect(results.every((r) => r.ok)).toBe(true)
    const lines = await db().orm.em.fork().find(CartLine, { userId: w.buyer.members.buyer!.user.id })
    expect(lines.map((l) => l.quantity)).toEqual([20])
  })

  it('lets the seller confirm and ship its own orders only (in parts too), and cancelling gives the stock back', async () => {
    const w = await world()
    const actor = w.buyer.members.buyer!.actor
    unwrap(await addToCart(db().ctx(actor), { offerId: w.a.offer.id, quantity: 5 }))
    const [order] = unwrap(await placeCheckout(db().ctx(actor), checkoutInput(w.shipTo.id))).orders
    await expect(sellerOrderStep(db().ctx(w.b.admin.actor), order!.id, { step: 'confirm' })).rejects.toThrow(/NOT_FOUND/)
    // A catalog manager reads orders but does not work them.
    await expect(sellerOrderStep(db().ctx(w.a.members.catalog_manager!.actor), order!.id, { step: 'confirm' })).rejects.toThrow(/NOT_FOUND/)
    expect((await getSellerDashboard(db().ctx(w.a.admin.actor))).orders).toEqual({ toConfirm: 1, toShip: 0 })
    expect((await getSellerDashboard(db().ctx(w.b.admin.actor))).orders).toEqual({ toConfirm: 0, toShip: 0 })
    expect(unwrap(await sellerOrderStep(db().ctx(w.a.members.fulfillment!.actor), order!.id, { step: 'confirm' })).status).toBe('confirmed')
    expect((await getSellerDashboard(db().ctx(w.a.admin.actor))).orders).toEqual({ toConfirm: 0, toShip: 1 })
    const twice = await sellerOrderStep(db().ctx(w.a.members.fulfillment!.actor), order!.id, { step: 'confirm' })
    expect(twice.ok ? null : twice.error.code).toBe('STATUS_CHANGED')
    // Not the seller's customer: prepaid. It ships once its billing people marked the invoice paid.
    const early = await sellerOrderStep(db().ctx(w.a.admin.actor), order!.id, { step: 'ship', carrier: 'Viettel Post', trackingNumber: 'VT123' })
    expect(early.ok ? null : early.error.code).toBe('PREPAYMENT_DUE')
    const invoice = await db().orm.em.fork().findOneOrFail(Invoice, { orderId: order!.id })
    expect([invoice.terms, invoice.status, invoice.amount, invoice.number]).toEqual(['prepaid', 'open', 500_000, 'INV-000001'])
    await expect(markInvoicePaid(db().ctx(w.a.members.fulfillment!.actor), invoice.id)).rejects.toThrow(/NOT_FOUND/)
    await expect(markInvoicePaid(db().ctx(w.b.admin.actor), invoice.id)).rejects.toThrow(/NOT_FOUND/)
    unwrap(await markInvoicePaid(db().ctx(w.a.admin.actor), invoice.id))
    // A partial shipment: 2 of the 5 now (more than is left is refused, nothing at all too), the rest later.
    const lineId = (await getOrder(db().ctx(w.a.admin.actor), order!.id)).lines[0]!.id
    const tooMany = await sellerOrderStep(db().ctx(w.a.admin.actor), order!.id, { step: 'ship', carrier: 'Viettel Post', quantities: { [lineId]: 6 } })
    expect(tooMany.ok ? null : tooMany.error.code).toBe('QUANTITY_TOO_MANY')
    const none = await sellerOrderStep(db().ctx(w.a.admin.actor), order!.id, { step: 'ship', carrier: 'Viettel Post', quantities: { [lineId]: 0 } })
    expect(none.ok ? null : none.error.code).toBe('NOTHING_TO_SHIP')
    expect(unwrap(await sellerOrderStep(db().ctx(w.a.admin.actor), order!.id, { step: 'ship', carrier: 'Viettel Post', trackingNumber: 'VT122', quantities: { [lineId]: 2 } })).status).toBe('partially_shipped')
    expect((await getSellerDashboard(db().ctx(w.a.admin.actor))).orders).toEqual({ toConfirm: 0, toShip: 1 })
    const partly = await getOrder(db().ctx(actor), order!.id)
    expect([partly.status, partly.lines[0]!.shipped, partly.shipments.map((sh) => [sh.trackingNumber, sh.lines[0]!.quantity])]).toEqual(['partially_shipped', 2, [['VT122', 2]]])
    expect(unwrap(await sellerOrderStep(db().ctx(w.a.admin.actor), order!.id, { step: 'ship', carrier: 'Viettel Post', trackingNumber: 'VT123' })).status).toBe('shipped')
    const seen = await getOrder(db().ctx(actor), order!.id)
    expect([seen.status, seen.carrier, seen.trackingNumber, seen.lines[0]!.shipped]).toEqual(['shipped', 'Viettel Post', 'VT123', 5])
    expect(seen.shipments.map((sh) => [sh.trackingNumber, sh.lines[0]!.quantity])).toEqual([['VT122', 2], ['VT123', 3]])
    const again = await sellerOrderStep(db().ctx(w.a.admin.actor), order!.id, { step: 'ship', carrier: 'Viettel Post' })
    expect(again.ok ? null : again.error.code).toBe('STATUS_CHANGED')
    // Too late for the buyer to cancel a shipped order.
    const late = await cancelMyOrder(db().ctx(actor), order!.id)
    expect(late.ok ? null : late.error.code).toBe('STATUS_CHANGED')
    expect(await stockOf(w.a.offer.id)).toBe(45)

    unwrap(await addToCart(db().ctx(actor), { offerId: w.a.offer.id, quantity: 5 }))
    const [next] = unwrap(await placeCheckout(db().ctx(actor), checkoutInput(w.shipTo.id))).orders
    expect(await stockOf(w.a.offer.id)).toBe(40)
    unwrap(await cancelMyOrder(db().ctx(actor), next!.id))
    expect(await stockOf(w.a.offer.id)).toBe(45)
    expect((await db().orm.em.fork().findOneOrFail(Invoice, { orderId: next!.id })).status).toBe('void')
  })

  it('reorders an order at today\'s prices, skipping what can no longer be bought, and only the company\'s own orders', async () => {
    const w = await world()
    const actor = w.buyer.members.buyer!.actor
    unwrap(await addToCart(db().ctx(actor), { offerId: w.a.offer.id, quantity: 2 }))
    unwrap(await addToCart(db().ctx(actor), { offerId: w.b.offer.id, quantity: 1 }))
    const placed = unwrap(await placeCheckout(db().ctx(actor), checkoutInput(w.shipTo.id)))
    const orderOfA = placed.orders[0]!
    await db().orm.em.fork().execute("update offer set price_amount = 110000 where id = ?", [w.a.offer.id])
    await expect(reorder(db().ctx(w.stranger.admin.actor), orderOfA.id)).rejects.toThrow(/NOT_FOUND/)
    // Every buying member of the company may reorder it (the approver here), at today's price.
    for (const o of placed.orders) unwrap(await reorder(db().ctx(w.buyer.members.approver!.actor), o.id))
    const cart = await getCart(db().ctx(w.buyer.members.approver!.actor))
    expect(cart.groups.flatMap((g) => g.lines.map((l) => [l.quantity, l.unit?.amount])).sort()).toEqual([[1, 250_000], [2, 110_000]])
    expect(cart.hasIssues).toBe(false)
    await db().orm.em.fork().execute("update offer set status = 'paused' where id = ?", [w.b.offer.id])
    const orderOfB = await db().orm.em.fork().findOneOrFail(Order, { checkoutId: placed.checkoutId, sellerOrgId: w.b.org.id })
    const none = await reorder(db().ctx(actor), orderOfB.id)
    expect(none.ok ? null : none.error.code).toBe('NOTHING_TO_REORDER')
  })

  it('tells the people concerned by email through the outbox: approvers in turn, the sellers\' order staff, the buyer', async () => {
    const w = await world()
    const em = db().orm.em.fork()
    await em.persist(em.create(ApprovalRule, { organizationId: w.buyer.org.id, name: 'Everything', minTotal: null, currency: 'VND', steps: [{ role: 'approver' }, { role: 'admin' }], active: true })).flush()
    const actor = w.buyer.members.buyer!.actor
    unwrap(await addToCart(db().ctx(actor), { offerId: w.a.offer.id, quantity: 1 }))
    const placed = unwrap(await placeCheckout(db().ctx(actor), checkoutInput(w.shipTo.id)))
    const links = { market: 'https://market.test', portal: 'https://sell.test' }
    // Each event was enqueued with its change; the worker's handler turns the newest into emails.
    const deliver = async () => {
      const [job] = await db().orm.em.fork().execute<{ data: OrderEvent }[]>(`select data from pgboss.job where name = 'order-notify' and (data->>'checkoutId' = ? or data->'orderIds' @> jsonb_build_array(?::text) or data->>'orderId' = ?) order by created_on desc limit 1`, [placed.checkoutId, placed.orders[0]!.id, placed.orders[0]!.id])
      return db().orm.em.fork().transactional((tx) => notifyOrderEvent({ ...db().ctx(w.buyer.admin.actor), em: tx }, job!.data, links))
    }
    const mailTo = async (user: { email: string }, template: string) => db().orm.em.fork().count(EmailMessage, { to: user.email, template })
    expect(await deliver()).toBe(1)
    expect(await mailTo(w.buyer.members.approver!.user, 'order-approval-needed')).toBe(1)
    expect(await mailTo(w.buyer.admin.user, 'order-approval-needed')).toBe(0)
    unwrap(await decideApproval(db().ctx(w.buyer.members.approver!.actor), placed.checkoutId, { decision: 'approve', comment: '' }))
    expect(await deliver()).toBe(1)
    expect(await mailTo(w.buyer.admin.user, 'order-approval-needed')).toBe(1)
    unwrap(await decideApproval(db().ctx(w.buyer.admin.actor), placed.checkoutId, { decision: 'approve', comment: '' }))
    await deliver()
    const jobs = await db().orm.em.fork().execute<{ data: OrderEvent }[]>(`select data from pgboss.job where name = 'order-notify' and data->'orderIds' @> jsonb_build_array(?::text)`, [placed.orders[0]!.id])
    expect(jobs).toHaveLength(1)
    await db().orm.em.fork().transactional((tx) => notifyOrderEvent({ ...db().ctx(w.buyer.admin.actor), em: tx }, jobs[0]!.data, links))
    // The seller's admin and fulfilment staff hear of it, its catalogue manager does not; the buyer hears it was placed.
    expect(await mailTo(w.a.admin.user, 'order-placed')).toBe(1)
    expect(await mailTo(w.a.members.fulfillment!.user, 'order-placed')).toBe(1)
    expect(await mailTo(w.a.members.catalog_manager!.user, 'order-placed')).toBe(0)
    expect(await mailTo(w.buyer.members.buyer!.user, 'order-status')).toBe(1)
    // The same news in the app: the seller's staff see it in the seller's notifications, leading to the order; nobody else does.
    const sellerNews = await myNotifications(db().ctx(w.a.members.fulfillment!.actor))
    expect(sellerNews).toEqual([expect.objectContaining({ path: `/orders/${placed.orders[0]!.id}`, read: false, title: expect.stringContaining(placed.orders[0]!.number) })])
    expect(await myNotifications(db().ctx(w.a.members.catalog_manager!.actor))).toEqual([])
    expect(await myNotifications(db().ctx(w.b.admin.actor))).toEqual([])
    expect((await myNotifications(db().ctx(w.buyer.members.buyer!.actor))).map((n) => n.path)).toContain(`/orders/${placed.orders[0]!.id}`)
    expect(await markNotificationsRead(db().ctx(w.a.members.fulfillment!.actor))).toBe(1)
    expect((await myNotifications(db().ctx(w.a.members.fulfillment!.actor)))[0]!.read).toBe(true)
    expect((await myNotifications(db().ctx(w.a.admin.actor)))[0]!.read).toBe(false)
    unwrap(await sellerOrderStep(db().ctx(w.a.admin.actor), placed.orders[0]!.id, { step: 'confirm' }))
    unwrap(await markInvoicePaid(db().ctx(w.a.admin.actor), (await db().orm.em.fork().findOneOrFail(Invoice, { orderId: placed.orders[0]!.id })).id))
    unwrap(await sellerOrderStep(db().ctx(w.a.admin.actor), placed.orders[0]!.id, { step: 'ship', carrier: 'Viettel Post', trackingNumber: 'VT-9' }))
    await deliver()
    const shipped = await db().orm.em.fork().findOneOrFail(EmailMessage, { to: w.buyer.members.buyer!.user.email, template: 'order-status' }, { orderBy: { createdAt: 'desc' } })
    expect(shipped.text).toContain('VT-9')
    expect(shipped.text).toContain(`https://market.test/orders/${placed.orders[0]!.id}`)
  })

  it('places on account within the credit the seller gives its customer, atomically, and invoices each order by its terms', async () => {
    const w = await world()
    const em = db().orm.em.fork()
    await em.persist(em.create(Customer, { organizationId: w.a.org.id, buyerId: w.buyer.org.id, approved: true, paymentTerms: 'net30', creditLimit: 500_000, creditCurrency: 'VND' })).flush()
    const actor = w.buyer.members.buyer!.actor
    unwrap(await addToCart(db().ctx(actor), { offerId: w.a.offer.id, quantity: 3 }))
    const first = unwrap(await placeCheckout(db().ctx(actor), checkoutInput(w.shipTo.id)))
    const invoice = await db().orm.em.fork().findOneOrFail(Invoice, { orderId: first.orders[0]!.id })
    expect([invoice.terms, invoice.amount]).toEqual(['net30', 300_000])
    expect(Date.parse(invoice.dueDate) - Date.parse(invoice.issuedAt.toISOString().slice(0, 10))).toBeGreaterThanOrEqual(29 * 86_400_000)
    expect((await termsWithSellers(db().ctx(actor), w.buyer.org.id, [w.a.org.id]))[0]!.available).toEqual({ amount: 200_000, currency: 'VND' })
    // A second order of 300,000 would owe 600,000: refused whole, stock and cart untouched.
    unwrap(await addToCart(db().ctx(actor), { offerId: w.a.offer.id, quantity: 3 }))
    unwrap(await addToCart(db().ctx(actor), { offerId: w.b.offer.id, quantity: 1 }))
    const refused = await placeCheckout(db().ctx(actor), checkoutInput(w.shipTo.id))
    expect(refused.ok ? null : [refused.error.code, refused.error.params?.available]).toEqual(['CREDIT_EXCEEDED', '₫200,000'])
    expect(await stockOf(w.a.offer.id)).toBe(47)
    expect(await stockOf(w.b.offer.id)).toBe(50)
    expect(await db().orm.em.fork().count(Order, { buyerOrgId: w.buyer.org.id })).toBe(1)
    // Once the first invoice is paid, the credit is free again; and on account, shipping needs no payment first.
    unwrap(await markInvoicePaid(db().ctx(w.a.admin.actor), invoice.id))
    const second = unwrap(await placeCheckout(db().ctx(actor), checkoutInput(w.shipTo.id)))
    expect(second.orders).toHaveLength(2)
    const ofA = await db().orm.em.fork().findOneOrFail(Order, { checkoutId: second.checkoutId, sellerOrgId: w.a.org.id })
    unwrap(await sellerOrderStep(db().ctx(w.a.admin.actor), ofA.id, { step: 'confirm' }))
    unwrap(await sellerOrderStep(db().ctx(w.a.admin.actor), ofA.id, { step: 'ship', carrier: 'GHN' }))
    // Each side lists its own invoices; another company or seller, none of them.
    expect((await listInvoices(db().ctx(w.buyer.members.viewer!.actor), 'buyer')).map((i) => i.status).sort()).toEqual(['open', 'open', 'paid'])
    expect(await listInvoices(db().ctx(w.a.admin.actor), 'seller')).toHaveLength(2)
    expect(await listInvoices(db().ctx(w.stranger.admin.actor), 'buyer')).toHaveLength(0)
    await expect(getInvoice(db().ctx(w.b.admin.actor), invoice.id)).rejects.toThrow(/NOT_FOUND/)
  })

  it('refuses a requested delivery day in the past, and a PO number over 64 characters', () => {
    const base = { token: randomUUID(), shipToId: randomUUID() }
    const yesterday = new Date(Date.now() - 2 * 86_400_000).toLocaleDateString('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' })
    const answer = CheckoutInputSchema.safeParse({ ...base, requestedDate: yesterday })
    expect(answer.success ? null : answer.error.issues.map((i) => i.message)).toEqual(['DATE_IN_PAST'])
    expect(CheckoutInputSchema.safeParse({ ...base, requestedDate: '2999-01-31' }).success).toBe(true)
    expect(CheckoutInputSchema.safeParse({ ...base, poNumber: 'P'.repeat(65) }).success).toBe(false)
  })

  it('refuses a ship-to of another company and an empty cart, writing nothing', async () => {
    const w = await world()
    const em = db().orm.em.fork()
    const theirs = em.create(ShipTo, { organizationId: w.stranger.org.id, name: 'Theirs', addressLine: '2 Road', city: 'Huế', subdivisionCode: 'VN-TTH', country: 'VN', latitude: 16.4, longitude: 107.6 })
    await em.persist(theirs).flush()
    const actor = w.buyer.members.buyer!.actor
    const empty = await placeCheckout(db().ctx(actor), checkoutInput(w.shipTo.id))
    expect(empty.ok ? null : empty.error.code).toBe('CART_EMPTY')
    unwrap(await addToCart(db().ctx(actor), { offerId: w.a.offer.id, quantity: 1 }))
    const foreign = await placeCheckout(db().ctx(actor), checkoutInput(theirs.id))
    expect(foreign.ok ? null : foreign.error.code).toBe('SHIP_TO_UNKNOWN')
    expect(await db().orm.em.fork().count(Order, { buyerOrgId: w.buyer.org.id })).toBe(0)
    expect(await stockOf(w.a.offer.id)).toBe(50)
  })
})

describe('the hot SKU', () => {
  it('sells exactly its 100 units to 500 concurrent purchases, never below zero, nothing half placed', async () => {
    const w = await world({ stock: 100 })
    // A second warehouse holds part of the stock: purchases draw from both.
    const em = db().orm.em.fork()
    const second = await createWarehouse(em, w.a.org, { subdivisionCode: 'VN-SG', latitude: 10.77, longitude: 106.7, name: 'South' })
    await em.execute('update offer_stock set quantity = 60 where offer_id = ?', [w.a.offer.id])
    await em.execute('insert into offer_stock (id, organization_id, offer_id, warehouse_id, quantity, updated_at) values (?, ?, ?, ?, 40, now())', [randomUUID(), w.a.org.id, w.a.offer.id, second.id])
    // 500 buyers: ten in each of 50 companies (checkouts of one company take turns; of different ones, race).
    const buyers: { actor: unknown; shipToId: string }[] = []
    for (let c = 0; c < 50; c++) {
      const company = await createOrganization(em, { kind: 'buyer' })
      const site = em.create(ShipTo, { organizationId: company.org.id, name: 'Site', addressLine: '3 Road', city: 'Đà Nẵng', subdivisionCode: 'VN-DN', country: 'VN', latitude: 16.05, longitude: 108.2 })
      await em.persist(site).flush()
      for (let i = 0; i < 10; i++) buyers.push({ actor: (await addMember(em, company.org, 'buyer')).actor, shipToId: site.id })
    }
    // Each purchase is a cart line plus a checkout; 20 connections serve all 500 at once.
    const orm = await createOrm(db().url, { pool: { min: 0, max: 20 } })
    try {
      const ctxOf = (actor: never) => createCtx({ actor, em: orm.em.fork(), jobs: db().ctx(w.a.admin.actor).jobs })
      const purchases = buyers
      const results = await Promise.all(
        purchases.map(async (b) => {
          try {
            const added = await addToCart(ctxOf(b.actor as never), { offerId: w.a.offer.id, quantity: 1 })
            if (!added.ok) return added.error.code
            const placed = await placeCheckout(ctxOf(b.actor as never), checkoutInput(b.shipToId))
            return placed.ok ? 'placed' : placed.error.code
          } catch (error) {
            return (error as Error).message
          }
        }),
      )
      const placedOrders = results.filter((r) => r === 'placed').length
      const check = db().orm.em.fork()
      const [sold] = await check.execute<{ units: string; orders: string }[]>('select coalesce(sum(l.quantity), 0) as units, count(distinct o.id) as orders from orders o join order_line l on l.order_id = o.id where l.offer_id = ?', [w.a.offer.id])
      const [rows] = await check.execute<{ min: number }[]>('select min(quantity) as min from offer_stock where offer_id = ?', [w.a.offer.id])
      const [orphans] = await check.execute<{ n: string }[]>('select count(*) as n from orders o where not exists (select 1 from order_line l where l.order_id = o.id)')
      console.log(`hot SKU: ${placedOrders} of 500 purchases placed, ${sold!.units} units sold, stock left ${await stockOf(w.a.offer.id)}; refusals: ${JSON.stringify(Object.fromEntries([...new Set(results)].map((r) => [r, results.filter((x) => x === r).length])))}`)
      expect(Number(sold!.units)).toBe(100)
      expect(placedOrders).toBe(Number(sold!.orders))
      expect(await stockOf(w.a.offer.id)).toBe(0)
      expect(rows!.min).toBeGreaterThanOrEqual(0)
      expect(Number(orphans!.n)).toBe(0)
      // Every refusal is a clear one: out of stock (at the cart or at checkout), never an error.
      expect(results.filter((r) => r !== 'placed').every((r) => r === 'OUT_OF_STOCK' || r === 'CART_CHANGED')).toBe(true)
    } finally {
      await orm.close()
    }
  }, 120_000)
})
