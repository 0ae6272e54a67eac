// Card payments through Stripe Connect, separate charges and transfers: the buyer pays a
// checkout's card orders with one PaymentIntent per currency on the platform (its transfer group
// is the checkout); once the processor says it succeeded, each seller's share and each territory
// distributor's share is sent as a transfer bound to the charge. A cancelled order is refunded and
// its transfers reversed. Every call to the processor carries an idempotency key derived from our
// own row, and happens in a job or after the commit, never inside a transaction.
import { recordAudit } from '../audit/record-audit.ts'
import { may, scoped } from '../authz/scoped.ts'
import type { Ctx } from '../ctx.ts'
import { DomainError, fail, ok, type Result } from '../errors.ts'
import { Invoice } from '../invoices/invoice.entity.ts'
import { QUEUES } from '../jobs/outbox.ts'
import { LedgerEntry } from '../ledger/ledger.entity.ts'
import { OPERATOR_ID_SQL } from '../ledger/posting.ts'
import { allocate, CURRENCIES, type Currency, type Money } from '../money.ts'
import { Checkout, Order } from '../orders/order.entity.ts'
import { Organization } from '../organizations/organization.entity.ts'
import { GatewayError, type PaymentGateway, type PaymentIntentView } from '@tradepost/payments/port'
import { Payment, PaymentAccount, PaymentRefund, PaymentTransfer } from './payment.entity.ts'
import { PAYMENT_WINDOW_MINUTES, type PaymentStatus, type TransferStatus } from './payments.constants.ts'
import { sqlArray } from '../db/sql-array.ts'

/** The sellers among these whose connected account may receive transfers: card payment is offered for them only. */
export async function cardSellers(ctx: Ctx, sellerIds: string[]): Promise<Set<string>> {
  if (!ctx.payments || !sellerIds.length) return new Set()
  const rows = await ctx.em.find(PaymentAccount, { organizationId: { $in: [...new Set(sellerIds)] }, transfers: 'active' })
  return new Set(rows.map((r) => r.organizationId))
}

/** In the transaction that places card orders: one payment per currency, waiting for the buyer. */
export async function createCheckoutPayments(ctx: Ctx, orders: Order[]): Promise<void> {
  const byCurrency = new Map<string, Order[]>()
  for (const o of orders.filter((o) => o.payBy === 'card')) byCurrency.set(o.currency, [...(byCurrency.get(o.currency) ?? []), o])
  for (const [currency, list] of byCurrency) {
    ctx.em.create(Payment, {
      checkoutId: list[0]!.checkoutId,
      buyerOrgId: list[0]!.buyerOrgId,
      currency: currency as Currency,
      amount: list.reduce((s, o) => s + o.subtotal, 0),
      status: 'requires_payment',
      intentId: null,
      intentAmount: null,
      chargeId: null,
      amountRefunded: 0,
      lastError: null,
      expiresAt: new Date(Date.now() + PAYMENT_WINDOW_MINUTES * 60_000),
      paidAt: null,
    })
  }
  await ctx.em.flush()
}

export interface CheckoutPaymentDto {
  id: string
  checkoutId: string
  poNumber: string
  status: PaymentStatus
  amount: Money
  refunded: Money
  expiresAt: string
  paidAt: string | null
  lastError: string | null
  orders: { id: string; number: string; seller: string; total: Money; status: Order['status'] }[]
  /** How the browser pays: test cards through our server (the local mock), or Stripe.js with the client secret. */
  mode: 'test' | 'live' | null
  clientSecret: string | null
  publishableKey: string | null
  canPay: boolean
}

function gatewayOf(ctx: Ctx): PaymentGateway {
  if (!ctx.payments) throw new DomainError('conflict', 'PAYMENTS_OFF')
  return ctx.payments
}

/**
 * The intent a payment is paid through, for its current amount: created on first need, with a key
 * derived from the payment and the amount (a retry finds the same intent; a changed amount, after
 * an order was cancelled, gets a new one and the old one is cancelled).
 */
async function ensureIntent(ctx: Ctx, payment: Payment): Promise<PaymentIntentView | null> {
  const gateway = gatewayOf(ctx)
  if (payment.status !== 'requires_payment') return payment.intentId ? gateway.getPaymentIntent(payment.intentId) : null
  let lost = false
  if (payment.intentId && payment.intentAmount === payment.amount) {
    try {
      return await gateway.getPaymentIntent(payment.intentId)
    } catch (error) {
      // The processor no longer knows it (a test processor restarted): a new one takes its place.
      if (!(error instanceof GatewayError) || error.status !== 404) throw error
      lost = true
    }
  }
  const stale = lost ? null : payment.intentId
  const intent = await gateway.createPaymentIntent({
    amount: payment.amount,
    currency: payment.currency,
    transferGroup: `checkout_${payment.checkoutId}`,
    metadata: { payment_id: payment.id, checkout_id: payment.checkoutId, buyer_org_id: payment.buyerOrgId },
    idempotencyKey: `payment:${payment.id}:${payment.amount}${lost ? `:${payment.intentId}` : ''}`,
  })
  await ctx.em.nativeUpdate(Payment, { id: payment.id, status: 'requires_payment' }, { intentId: intent.id, intentAmount: payment.amount, updatedAt: new Date() })
  payment.intentId = intent.id
  payment.intentAmount = payment.amount
  if (stale && stale !== intent.id) await gateway.cancelPaymentIntent({ id: stale, idempotencyKey: `cancel:${stale}` }).catch(() => {})
  return intent
}

/** The card payments of a checkout of the actor's company, each ready to be paid (its intent made). */
export async function checkoutPayments(ctx: Ctx, checkoutId: string): Promise<CheckoutPaymentDto[]> {
  const payments = await scoped(ctx).find(Payment, { checkoutId }, { orderBy: { currency: 'asc' } })
  if (!payments.length) throw new DomainError('not_found', 'NOT_FOUND')
  const checkout = await ctx.em.findOneOrFail(Checkout, { id: checkoutId })
  const orders = await scoped(ctx).find(Order, { checkoutId, payBy: 'card' }, { orderBy: { number: 'asc' } })
  const sellers = new Map((await ctx.em.find(Organization, { id: { $in: [...new Set(orders.map((o) => o.sellerOrgId))] } })).map((o) => [o.id, o.name]))
  const out: CheckoutPaymentDto[] = []
  for (const p of payments) {
    let canPay = p.status === 'requires_payment' && p.expiresAt > new Date() && !!ctx.payments && may(ctx, 'update', Payment, { buyerOrgId: p.buyerOrgId })
    // Live: Stripe.js needs the intent's client secret now. Test: the intent is made when paying
    // (a page view calls the processor only to read an intent that exists).
    const intent = !canPay ? null : ctx.payments!.mode === 'live' ? await ensureIntent(ctx, p) : p.intentId ? await ctx.payments!.getPaymentIntent(p.intentId).catch(() => null) : null
    // Paid in the browser (Stripe.js, back from its redirect) before the processor's event came: applied now, once.
    if (intent?.status === 'succeeded') {
      await paymentSucceeded(ctx, intent)
      Object.assign(p, await ctx.em.findOneOrFail(Payment, { id: p.id }, { refresh: true }))
      canPay = false
    }
    out.push({
      id: p.id,
      checkoutId,
      poNumber: checkout.poNumber,
      status: p.status,
      amount: { amount: p.amount, currency: p.currency },
      refunded: { amount: p.amountRefunded, currency: p.currency },
      expiresAt: p.expiresAt.toISOString(),
      paidAt: p.paidAt?.toISOString() ?? null,
      lastError: p.lastError ?? null,
      orders: orders.filter((o) => o.currency === p.currency).map((o) => ({ id: o.id, number: o.number, seller: sellers.get(o.sellerOrgId) ?? '', total: { amount: o.subtotal, currency: o.currency }, status: o.status })),
      mode: ctx.payments?.mode ?? null,
      clientSecret: ctx.payments?.mode === 'live' ? (intent?.clientSecret ?? null) : null,
      publishableKey: ctx.payments?.publishableKey ?? null,
      canPay,
    })
  }
  return out
}

/**
 * Test mode: pays with one of the processor's test cards, on the server. The success is applied
 * at once (the processor's event, arriving later, finds it done); a declined card is said so.
 */
export async function payWithTestCard(ctx: Ctx, paymentId: string, card: string): Promise<Result<{ status: PaymentStatus }, 'CARD_DECLINED' | 'STATUS_CHANGED' | 'PAYMENTS_OFF'>> {
  const payment = await scoped(ctx).findOneOrThrow(Payment, { id: paymentId }, 'update')
  if (!ctx.payments || ctx.payments.mode !== 'test') return fail('PAYMENTS_OFF', { field: 'card' })
  if (payment.status !== 'requires_payment' || payment.expiresAt <= new Date()) return fail('STATUS_CHANGED', { field: 'card' })
  const intent = await ensureIntent(ctx, payment)
  if (!intent) return fail('STATUS_CHANGED', { field: 'card' })
  try {
    const paid = await ctx.payments.confirmPaymentIntent({ id: intent.id, paymentMethod: card, idempotencyKey: `confirm:${intent.id}:${crypto.randomUUID()}` })
    if (paid.status === 'succeeded') await paymentSucceeded(ctx, paid)
    return ok({ status: paid.status === 'succeeded' ? 'succeeded' : 'requires_payment' })
  } catch (error) {
    if (!(error instanceof GatewayError) || error.status >= 500) throw error
    if (error.status === 402) {
      await ctx.em.nativeUpdate(Payment, { id: payment.id, status: 'requires_payment' }, { lastError: error.message.slice(0, 300), updatedAt: new Date() })
      return fail('CARD_DECLINED', { field: 'card' })
    }
    return fail('STATUS_CHANGED', { field: 'card' })
  }
}

/**
 * The processor says an intent succeeded (its event, or our own confirmation): the payment is
 * paid, the card invoices are paid, and each share with a connected account gets its transfer,
 * queued in this transaction. Idempotent: a second call finds the payment paid. An intent that
 * is not the payment's current one (superseded, or paid after the payment expired) is refunded whole.
 */
export async function paymentSucceeded(ctx: Ctx, intent: PaymentIntentView): Promise<void> {
  await ctx.em.transactional(async (em) => {
    const tx: Ctx = { ...ctx, em }
    const [row] = await em.execute<{ id: string }[]>(`select id from payment where intent_id = ? or id::text = ? for update`, [intent.id, paymentIdOf(intent)])
    if (!row) return
    const payment = await em.findOneOrFail(Payment, { id: row.id }, { refresh: true })
    if (payment.intentId !== intent.id || payment.status !== 'requires_payment') {
      if (payment.intentId === intent.id && payment.status === 'succeeded') return
      // Money taken for nothing: give it back (once per intent).
      const exists = await em.count(PaymentRefund, { intentId: intent.id, orderId: null })
      if (!exists && intent.amountReceived > 0) {
        const refund = em.create(PaymentRefund, { paymentId: payment.id, orderId: null, intentId: intent.id, buyerOrgId: payment.buyerOrgId, currency: payment.currency, amount: intent.amountReceived, status: 'queued', providerRefundId: null, lastError: null })
        await em.flush()
        await ctx.jobs.send(em, QUEUES.paymentRefund, { refundId: refund.id })
      }
      return
    }
    await em.nativeUpdate(Payment, { id: payment.id }, { status: 'succeeded', chargeId: intent.latestCharge, paidAt: new Date(), lastError: null, updatedAt: new Date() })
    const orders = await em.find(Order, { checkoutId: payment.checkoutId, currency: payment.currency, payBy: 'card', status: { $nin: ['cancelled', 'rejected'] } }, { orderBy: { number: 'asc' } })
    if (!orders.length) return
    await em.nativeUpdate(Invoice, { orderId: { $in: orders.map((o) => o.id) }, status: 'open' }, { status: 'paid', paidAt: new Date(), updatedAt: new Date() })
    const shares = await em.find(LedgerEntry, { entryGroup: { $in: orders.map((o) => `placed:${o.id}`) }, account: { $in: ['seller_share', 'territory_share'] }, amount: { $gt: 0 } }, { orderBy: { orderId: 'asc', account: 'asc' } })
    const connected = new Set((await em.find(PaymentAccount, { organizationId: { $in: [...new Set(shares.map((s) => s.accountOrgId))] }, transfers: 'active' })).map((a) => a.organizationId))
    // One row per order, share and party, in one statement (a second call inserts none).
    const due = shares.filter((s) => connected.has(s.accountOrgId))
    const queued = due.length
      ? (
          await em.execute<{ id: string }[]>(
            `insert into payment_transfer (id, payment_id, order_id, account, destination_org_id, buyer_org_id, currency, amount, status, created_at, updated_at)
             select gen_random_uuid(), ?, s.order_id, s.account, s.destination, ?, s.currency, s.amount, 'queued', now(), now()
               from unnest(?::uuid[], ?::text[], ?::uuid[], ?::text[], ?::bigint[]) as s(order_id, account, destination, currency, amount)
             on conflict (order_id, account, destination_org_id) do nothing returning id`,
            [payment.id, payment.buyerOrgId, sqlArray(due.map((s) => s.orderId)), sqlArray(due.map((s) => s.account)), sqlArray(due.map((s) => s.accountOrgId)), sqlArray(due.map((s) => s.currency)), sqlArray(due.map((s) => s.amount))],
          )
        ).map((r) => r.id)
      : []
    for (const id of queued) await ctx.jobs.send(em, QUEUES.paymentTransfer, { transferId: id })
    await ctx.jobs.send(em, QUEUES.paymentFee, { paymentId: payment.id })
    const details = { amount: { amount: payment.amount, currency: payment.currency }, orders: orders.map((o) => o.number) }
    recordAudit(tx, { organizationId: payment.buyerOrgId, action: 'payment.succeeded', subjectType: 'Payment', subjectId: payment.id, details })
    for (const o of orders) recordAudit(tx, { organizationId: o.sellerOrgId, action: 'payment.succeeded', subjectType: 'Order', subjectId: o.id, details: { number: o.number, amount: { amount: o.subtotal, currency: o.currency } } })
    await em.flush()
  })
}

const paymentIdOf = (intent: PaymentIntentView) => intent.metadata.payment_id ?? ''

/** The processor reports a failed attempt: said on the payment page (the buyer may try again). */
export async function paymentFailed(ctx: Ctx, intent: PaymentIntentView): Promise<void> {
  await ctx.em.nativeUpdate(Payment, { intentId: intent.id, status: 'requires_payment' }, { lastError: (intent.lastError ?? 'declined').slice(0, 300), updatedAt: new Date() })
}

/**
 * In the transaction that cancels a card order: paid, it is refunded (its total) and its transfers
 * reversed by a job; not yet paid, the payment shrinks (or ends) and the next intent asks for the rest.
 */
export async function cardOrderCancelled(ctx: Ctx, order: Order): Promise<void> {
  if (order.payBy !== 'card') return
  const [row] = await ctx.em.execute<{ id: string }[]>(`select id from payment where checkout_id = ? and currency = ? for update`, [order.checkoutId, order.currency])
  if (!row) return
  const payment = await ctx.em.findOneOrFail(Payment, { id: row.id }, { refresh: true })
  if (payment.status === 'succeeded') {
    const refund = ctx.em.create(PaymentRefund, { paymentId: payment.id, orderId: order.id, intentId: payment.intentId!, buyerOrgId: payment.buyerOrgId, currency: payment.currency, amount: order.subtotal, status: 'queued', providerRefundId: null, lastError: null })
    await ctx.em.flush()
    await ctx.jobs.send(ctx.em, QUEUES.paymentRefund, { refundId: refund.id })
  } else if (payment.status === 'requires_payment') {
    const rest = payment.amount - order.subtotal
    await ctx.em.nativeUpdate(Payment, { id: payment.id }, rest > 0 ? { amount: rest, updatedAt: new Date() } : { status: 'canceled', updatedAt: new Date() })
  }
}

/** Whether a processor error is worth retrying (the network, its 5xx) rather than recording. */
const retryable = (error: unknown) => !(error instanceof GatewayError) || error.status >= 500 || error.status === 429

/** Job: sends one queued transfer (a retried job sends it once: same idempotency key). */
export async function sendTransfer(ctx: Ctx, transferId: string): Promise<TransferStatus | null> {
  const gateway = gatewayOf(ctx)
  const t = await ctx.em.findOne(PaymentTransfer, { id: transferId })
  if (!t || t.status !== 'queued') return t?.status ?? null
  const [order, payment, account] = await Promise.all([
    ctx.em.findOneOrFail(Order, { id: t.orderId }),
    ctx.em.findOneOrFail(Payment, { id: t.paymentId }),
    ctx.em.findOne(PaymentAccount, { organizationId: t.destinationOrgId }),
  ])
  if (order.status === 'cancelled') {
    await ctx.em.nativeUpdate(PaymentTransfer, { id: t.id, status: 'queued' }, { status: 'canceled', updatedAt: new Date() })
    return 'canceled'
  }
  try {
    if (!account || !payment.chargeId) throw new GatewayError('no_destination', 'The connected account or the charge is missing.', 400)
    const sent = await gateway.createTransfer({
      amount: t.amount,
      currency: t.currency,
      destination: account.providerAccountId,
      sourceTransaction: payment.chargeId,
      transferGroup: `checkout_${payment.checkoutId}`,
      metadata: { transfer_id: t.id, order_id: t.orderId, account: t.account },
      idempotencyKey: `transfer:${t.id}`,
    })
    await ctx.em.nativeUpdate(PaymentTransfer, { id: t.id, status: 'queued' }, { status: 'sent', providerTransferId: sent.id, lastError: null, updatedAt: new Date() })
  } catch (error) {
    if (retryable(error)) throw error
    await ctx.em.nativeUpdate(PaymentTransfer, { id: t.id, status: 'queued' }, { status: 'failed', lastError: (error as Error).message.slice(0, 300), updatedAt: new Date() })
    return 'failed'
  }
  // Cancelled while it was being sent: the refund found nothing to reverse, so reverse it here.
  if ((await ctx.em.findOneOrFail(Order, { id: t.orderId }, { refresh: true })).status === 'cancelled') await reverseTransfersOf(ctx, t.orderId)
  return 'sent'
}

async function reverseTransfersOf(ctx: Ctx, orderId: string): Promise<void> {
  const gateway = gatewayOf(ctx)
  await ctx.em.nativeUpdate(PaymentTransfer, { orderId, status: 'queued' }, { status: 'canceled', updatedAt: new Date() })
  for (const t of await ctx.em.find(PaymentTransfer, { orderId, status: 'sent' }, { orderBy: { id: 'asc' } })) {
    const after = await gateway.reverseTransfer({ transfer: t.providerTransferId!, amount: t.amount - t.amountReversed, idempotencyKey: `reversal:${t.id}` })
    await ctx.em.nativeUpdate(PaymentTransfer, { id: t.id, status: 'sent' }, { status: 'reversed', amountReversed: after.amountReversed, updatedAt: new Date() })
  }
}

/** Job: refunds a cancelled order (or an intent paid for nothing) and reverses the order's transfers. */
export async function sendRefund(ctx: Ctx, refundId: string): Promise<void> {
  const gateway = gatewayOf(ctx)
  const r = await ctx.em.findOne(PaymentRefund, { id: refundId })
  if (!r) return
  if (r.status === 'queued') {
    try {
      const refund = await gateway.refund({ paymentIntent: r.intentId, amount: r.amount, idempotencyKey: `refund:${r.id}` })
      await ctx.em.transactional(async (em) => {
        if ((await em.nativeUpdate(PaymentRefund, { id: r.id, status: 'queued' }, { status: 'succeeded', providerRefundId: refund.id, updatedAt: new Date() })) !== 1) return
        if (r.orderId) await em.execute(`update payment set amount_refunded = amount_refunded + ?, updated_at = now() where id = ?`, [r.amount, r.paymentId])
        recordAudit({ ...ctx, em }, { organizationId: r.buyerOrgId, action: 'payment.refunded', subjectType: 'Payment', subjectId: r.paymentId, details: { amount: { amount: r.amount, currency: r.currency } } })
      })
    } catch (error) {
      if (retryable(error)) throw error
      await ctx.em.nativeUpdate(PaymentRefund, { id: r.id, status: 'queued' }, { status: 'failed', lastError: (error as Error).message.slice(0, 300), updatedAt: new Date() })
      return
    }
  }
  if (r.orderId) await reverseTransfersOf(ctx, r.orderId)
}

/**
 * Job: posts the processor's fee on a payment's charge to the ledger. The operator pays it (the
 * platform is the merchant of record with separate charges and transfers): for each order the
 * charge paid, its part of the fee (shared out by order total, the parts summing to the fee) as
 * the operator's `processor_fee` and the processor's side, summing to zero, in the currency the
 * processor reports it in. Posted once (the ledger's group, account and party are unique); a
 * refund leaves it (the processor keeps its fee).
 */
export async function recordProcessorFee(ctx: Ctx, paymentId: string): Promise<Money | null> {
  const gateway = gatewayOf(ctx)
  const payment = await ctx.em.findOne(Payment, { id: paymentId })
  if (!payment || payment.status !== 'succeeded' || !payment.chargeId) return null
  // The orders the charge paid: their card invoices were paid by it (cancelled since or not).
  const paid = await ctx.em.execute<{ id: string; buyer_org_id: string; seller_org_id: string; subtotal: string }[]>(
    `select o.id, o.buyer_org_id, o.seller_org_id, o.subtotal from orders o join invoice i on i.order_id = o.id and i.terms = 'card' and i.status = 'paid'
      where o.checkout_id = ? and o.currency = ? and o.pay_by = 'card' order by o.number`,
    [payment.checkoutId, payment.currency],
  )
  const [operator] = await ctx.em.execute<{ id: string }[]>(OPERATOR_ID_SQL)
  if (!paid.length || !operator) return null
  const fee = await gateway.chargeFee(payment.chargeId)
  if (!fee || fee.amount <= 0) return fee ? { amount: 0, currency: fee.currency as Currency } : null
  if (!(CURRENCIES as readonly string[]).includes(fee.currency)) throw new Error(`recordProcessorFee: the processor's fee is in ${fee.currency}, a currency the ledger does not keep`)
  const parts = allocate(fee.amount, paid.map((o) => Number(o.subtotal)))
  const rows = paid.flatMap((o, i) =>
    parts[i]! > 0
      ? [
          { order: o, account: 'processor_fee', amount: -parts[i]! },
          { order: o, account: 'processor', amount: parts[i]! },
        ]
      : [],
  )
  await ctx.em.execute(
    `insert into ledger_entry (id, entry_group, order_id, buyer_org_id, seller_org_id, account_org_id, account, amount, currency, created_at)
     select gen_random_uuid(), 'fee:' || r.order_id, r.order_id, r.buyer_org_id, r.seller_org_id, ?, r.account, r.amount, ?, now()
       from unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::text[], ?::bigint[]) as r(order_id, buyer_org_id, seller_org_id, account, amount)
     on conflict (entry_group, account, account_org_id) do nothing`,
    [operator.id, fee.currency, sqlArray(rows.map((r) => r.order.id)), sqlArray(rows.map((r) => r.order.buyer_org_id)), sqlArray(rows.map((r) => r.order.seller_org_id)), sqlArray(rows.map((r) => r.account)), sqlArray(rows.map((r) => r.amount))],
  )
  return { amount: fee.amount, currency: fee.currency as Currency }
}

/**
 * Scheduled: card payments not made in time end, and their orders with them (stock released,
 * invoices void, ledger reversed); their intents are cancelled so a stale page cannot pay.
 */
export async function expireUnpaidPayments(ctx: Ctx, cancelOrder: (ctx: Ctx, order: Order) => Promise<void>, now = new Date()): Promise<number> {
  const due = await ctx.em.find(Payment, { status: 'requires_payment', expiresAt: { $lt: now } }, { orderBy: { expiresAt: 'asc' }, limit: 100 })
  let expired = 0
  for (const p of due) {
    const done = await ctx.em.transactional(async (em) => {
      const tx: Ctx = { ...ctx, em }
      if ((await em.nativeUpdate(Payment, { id: p.id, status: 'requires_payment' }, { status: 'expired', updatedAt: new Date() })) !== 1) return false
      for (const o of await em.find(Order, { checkoutId: p.checkoutId, currency: p.currency, payBy: 'card', status: { $in: ['placed', 'confirmed'] } })) await cancelOrder(tx, o)
      recordAudit(tx, { organizationId: p.buyerOrgId, action: 'payment.expired', subjectType: 'Payment', subjectId: p.id, details: { amount: { amount: p.amount, currency: p.currency } } })
      await em.flush()
      return true
    })
    if (!done) continue
    expired += 1
    if (p.intentId && ctx.payments) await ctx.payments.cancelPaymentIntent({ id: p.intentId, idempotencyKey: `cancel:${p.intentId}` }).catch(() => {})
  }
  return expired
}
