// Card payments end to end on a real PostgreSQL and the local Stripe (started here, delivering
// signed webhooks to our handler): onboarding, a checkout paying two sellers by card with a
// territory distributor's share, transfers bound to the charge, webhooks replayed three times in
// shuffled order with forged and stale ones among them, a cancellation refunded and reversed,
// expiry releasing stock, reconciliation, and who reads what.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signWebhook, startMockStripe, type MockStripe } from '@tradepost/payments/mock'
import { stripeGateway, type PaymentGateway } from '@tradepost/payments'
import { ANONYMOUS } from '../authz/actor.ts'
import type { Actor } from '../authz/actor.ts'
import type { Ctx } from '../ctx.ts'
import { Invoice } from '../invoices/invoice.entity.ts'
import { LedgerEntry } from '../ledger/ledger.entity.ts'
import { Order } from '../orders/order.entity.ts'
import { cancelUnpaidOrder, decideApproval, sellerOrderStep } from '../orders/orders.ts'
import { ApprovalRule } from '../companies/approval-rule.entity.ts'
import { useTestDatabase } from '../testing/test-database.ts'
import { paymentsWorld } from '../testing/payments-world.ts'
import { myPaymentAccount, myPayouts, myTransfers, startOnboarding } from './accounts.ts'
import { checkoutPayments, expireUnpaidPayments, payWithTestCard, recordProcessorFee, sendRefund, sendTransfer } from './card-payments.ts'
import { Payment, PaymentRefund, PaymentTransfer } from './payment.entity.ts'
import { reconcilePayments } from './reconcile.ts'
import { handleWebhook } from './webhooks.ts'

const db = useTestDatabase()
const secret = 'whsec_domain_test'
let mock: MockStripe
let receiver: Server
let gateway: PaymentGateway
const unwrap = <T,>(r: { ok: true; value: T } | { ok: false; error: { code: string } }): T => {
  if (!r.ok) throw new Error(r.error.code)
  return r.value
}
const ctxOf = (actor: Actor): Ctx => ({ ...db().ctx(actor), payments: gateway })

beforeAll(async () => {
  // The marketplace's webhook route, reduced to its use case.
  receiver = createServer((req, res) => {
    let body = ''
    req.on('data', (c) => (body += c))
    req.on('end', () => {
      void handleWebhook(ctxOf(ANONYMOUS), gateway, body, String(req.headers['stripe-signature'])).then(
        () => res.writeHead(200).end(),
        () => res.writeHead(400).end(),
      )
    })
  }).listen(0, '127.0.0.1')
  await new Promise((r) => receiver.once('listening', r))
  mock = await startMockStripe({ webhookSecret: secret, webhookUrl: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/` })
  gateway = stripeGateway({ secretKey: 'sk_test_domain', webhookSecret: secret, apiBase: mock.url })
})
afterAll(async () => {
  await mock?.close()
  receiver?.close()
})

const { world, onboard: onboardWith, buyByCard } = paymentsWorld(db, () => gateway)
const onboard = (actor: Actor) => onboardWith(actor, () => mock.idle())

const runTransfers = async () => {
  for (const t of await db().orm.em.fork().find(PaymentTransfer, { status: 'queued' })) await sendTransfer(ctxOf(ANONYMOUS), t.id)
}

describe('card payments through Stripe Connect', () => {
  it('onboards in a Connect region only, pays two sellers and a territory distributor from one charge, exactly once under replayed webhooks', async () => {
    const w = await world()
    // Vietnam is not a Connect region: said plainly, nothing created.
    expect(await startOnboarding(ctxOf(w.vietnamese.admin.actor), { returnUrl: 'http://x/', refreshUrl: 'http://x/' })).toMatchObject({ ok: false, error: { code: 'COUNTRY_UNSUPPORTED' } })
    expect((await myPaymentAccount(ctxOf(w.vietnamese.admin.actor))).supported).toBe(false)
    // Only admins connect a seller.
    await expect(startOnboarding(ctxOf(w.maker.members.sales!.actor), { returnUrl: 'http://x/', refreshUrl: 'http://x/' })).rejects.toThrow(/FORBIDDEN/)

    // Before onboarding, card is not offered: paying "by card" leaves the orders on terms.
    const before = await buyByCard(w, { maker: 1, distributor: 1 })
    expect(before.orders.map((o) => o.payBy)).toEqual(['terms', 'terms'])
    expect(before.payNow).toBe(false)

    await onboard(w.maker.admin.actor)
    await onboard(w.distributor.admin.actor)
    // account.updated arrived by webhook: transfers are active.
    expect((await myPaymentAccount(ctxOf(w.maker.admin.actor))).account).toMatchObject({ transfers: 'active', detailsSubmitted: true })

    const placed = await buyByCard(w)
    expect(placed.orders.map((o) => o.payBy)).toEqual(['card', 'card'])
    expect(placed.payNow).toBe(true)
    const [payment] = await checkoutPayments(ctxOf(w.buyer.members.buyer!.actor), placed.checkoutId)
    // 3 × 100.01 + 2 × 45.50 = 391.03 SGD, one intent for the checkout.
    expect(payment).toMatchObject({ amount: { amount: 39_103, currency: 'SGD' }, status: 'requires_payment', canPay: true, mode: 'test' })
    // Another company cannot see it; a viewer sees but cannot pay.
    await expect(checkoutPayments(ctxOf(w.vietnamese.admin.actor), placed.checkoutId)).rejects.toThrow(/NOT_FOUND/)
    expect((await checkoutPayments(ctxOf(w.buyer.members.viewer!.actor), placed.checkoutId))[0]!.canPay).toBe(false)
    await expect(payWithTestCard(ctxOf(w.buyer.members.viewer!.actor), payment!.id, 'pm_card_visa')).rejects.toThrow(/NOT_FOUND|FORBIDDEN/)

    // A declined card is said, and changes nothing.
    expect(await payWithTestCard(ctxOf(w.buyer.members.buyer!.actor), payment!.id, 'pm_card_chargeDeclined')).toMatchObject({ ok: false, error: { code: 'CARD_DECLINED' } })
    expect((await db().orm.em.fork().findOneOrFail(Payment, { id: payment!.id })).status).toBe('requires_payment')
    expect(unwrap(await payWithTestCard(ctxOf(w.buyer.members.buyer!.actor), payment!.id, 'pm_card_visa'))).toEqual({ status: 'succeeded' })
    await mock.idle()
    await runTransfers()

    const em = db().orm.em.fork()
    const invoices = await em.find(Invoice, { orderId: { $in: placed.orders.map((o) => o.id) } })
    expect(invoices.map((i) => [i.terms, i.status])).toEqual([['card', 'paid'], ['card', 'paid']])
    const shares = async () => (await db().orm.em.fork().find(PaymentTransfer, { paymentId: payment!.id }, { orderBy: { amount: 'desc' } })).map((t) => [t.account, t.destinationOrgId, t.amount, t.status])
    // Maker's line 300.03: 5 % commission 15.00, 10 % territory 30.00, seller 255.03. Distributor's 91.00: commission 4.55, seller 86.45.
    const expected = [
      ['seller_share', w.maker.org.id, 25_503, 'sent'],
      ['seller_share', w.distributor.org.id, 8_645, 'sent'],
      ['territory_share', w.distributor.org.id, 3_000, 'sent'],
    ]
    expect(await shares()).toEqual(expected)
    // The processor pays each connected account's balance out to its bank: in transit, then paid.
    mock.runPayouts()
    await mock.idle()
    expect((await myPayouts(ctxOf(w.distributor.admin.actor))).map((p) => [p.amount.amount, p.status])).toEqual([[11_645, 'in_transit']])
    mock.settlePayouts()
    await mock.idle()

    // Replay every event three times, shuffled, with forged and stale signatures among them.
    const events = mock.events()
    const deliveries = [...events, ...events, ...events].sort(() => Math.random() - 0.5)
    let refused = 0
    for (const e of deliveries) {
      const sign = (s: string, timestamp?: number) => signWebhook(e.payload, s, timestamp)
      for (const forged of [sign('whsec_forged'), sign(secret, Math.floor(Date.now() / 1000) - 3_600)]) {
        await handleWebhook(ctxOf(ANONYMOUS), gateway, e.payload, forged).catch(() => (refused += 1))
      }
      await handleWebhook(ctxOf(ANONYMOUS), gateway, e.payload, sign(secret))
    }
    expect(refused).toBe(deliveries.length * 2)
    await runTransfers()
    expect(await shares()).toEqual(expected)
    expect(await gateway.listTransfers(`checkout_${placed.checkoutId}`)).toHaveLength(3)
    // Payout events in any order leave each payout paid, once; each party reads only its own.
    expect((await myPayouts(ctxOf(w.distributor.admin.actor))).map((p) => [p.amount.amount, p.status])).toEqual([[11_645, 'paid']])
    expect((await myPayouts(ctxOf(w.maker.admin.actor))).map((p) => [p.amount.amount, p.status])).toEqual([[25_503, 'paid']])
    expect(await myPayouts(ctxOf(w.maker.members.sales!.actor))).toEqual([])
    expect(await myPayouts(ctxOf(w.buyer.admin.actor))).toEqual([])
    // The processor's fee on the charge (3.4 % + S$0.50 of S$391.03: S$13.80), posted once, shared
    // out by order total and paid by the operator: every group still sums to zero.
    // Until it is posted, reconciliation reports the fee the processor kept and the ledger lacks.
    expect((await reconcilePayments(ctxOf(ANONYMOUS))).mismatches.map((m) => [m.kind, m.ours, m.theirs])).toEqual([['fee', '', '1380 SGD']])
    expect(await recordProcessorFee(ctxOf(ANONYMOUS), payment!.id)).toEqual({ amount: 1_380, currency: 'SGD' })
    await recordProcessorFee(ctxOf(ANONYMOUS), payment!.id)
    const fees = await em.execute<{ order_id: string; account: string; amount: string }[]>(`select order_id, account, amount from ledger_entry where entry_group like 'fee:%' and order_id = any(?::uuid[]) order by amount`, [`{${placed.orders.map((o) => o.id).join(',')}}`])
    const makerOrderId = (await em.findOneOrFail(Order, { checkoutId: placed.checkoutId, sellerOrgId: w.maker.org.id })).id
    expect(fees.map((f) => [f.order_id === makerOrderId ? 'maker' : 'distributor', f.account, Number(f.amount)])).toEqual([
      ['maker', 'processor_fee', -1_059],
      ['distributor', 'processor_fee', -321],
      ['distributor', 'processor', 321],
      ['maker', 'processor', 1_059],
    ])
    // Each order's postings still sum to zero.
    const sums = await em.execute<{ total: string }[]>(`select sum(amount) as total from ledger_entry where order_id = any(?::uuid[]) group by entry_group`, [`{${placed.orders.map((o) => o.id).join(',')}}`])
    expect(sums.every((s) => Number(s.total) === 0)).toBe(true)

    // Each party reads its own transfers: the distributor its sale and its territory share, not the maker's.
    expect((await myTransfers(ctxOf(w.distributor.admin.actor))).map((t) => t.amount.amount).sort()).toEqual([3_000, 8_645])
    expect((await myTransfers(ctxOf(w.maker.admin.actor))).map((t) => t.amount.amount)).toEqual([25_503])
    expect(await myTransfers(ctxOf(w.maker.members.sales!.actor))).toEqual([])
    expect(await myTransfers(ctxOf(w.buyer.admin.actor))).toEqual([])

    // Reconciliation agrees with the processor; a transfer made behind our back is reported.
    expect((await reconcilePayments(ctxOf(ANONYMOUS))).mismatches).toEqual([])
    const paid = await em.findOneOrFail(Payment, { id: payment!.id })
    const account = (await myPaymentAccount(ctxOf(w.maker.admin.actor))).account!.id
    await gateway.createTransfer({ amount: 1, currency: 'SGD', destination: account, sourceTransaction: paid.chargeId!, transferGroup: `checkout_${placed.checkoutId}`, metadata: {}, idempotencyKey: randomUUID() })
    expect((await reconcilePayments(ctxOf(ANONYMOUS))).mismatches.map((m) => m.kind)).toEqual(['transfer_unknown'])

    // The seller cancels its confirmed order: the buyer is refunded its total and both of its transfers (seller, territory) are reversed.
    const makerOrder = await em.findOneOrFail(Order, { checkoutId: placed.checkoutId, sellerOrgId: w.maker.org.id })
    unwrap(await sellerOrderStep(ctxOf(w.maker.admin.actor), makerOrder.id, { step: 'confirm' }))
    unwrap(await sellerOrderStep(ctxOf(w.maker.admin.actor), makerOrder.id, { step: 'cancel' }))
    const refund = await db().orm.em.fork().findOneOrFail(PaymentRefund, { orderId: makerOrder.id })
    await sendRefund(ctxOf(ANONYMOUS), refund.id)
    await sendRefund(ctxOf(ANONYMOUS), refund.id)
    const after = await db().orm.em.fork().find(PaymentTransfer, { orderId: makerOrder.id }, { orderBy: { amount: 'desc' } })
    expect(after.map((t) => [t.status, t.amountReversed])).toEqual([['reversed', 25_503], ['reversed', 3_000]])
    expect(await db().orm.em.fork().findOneOrFail(Payment, { id: payment!.id })).toMatchObject({ amountRefunded: 30_003 })
    expect((await reconcilePayments(ctxOf(ANONYMOUS))).mismatches.map((m) => m.kind)).toEqual(['transfer_unknown'])
    const ledger = await db().orm.em.fork().execute<{ total: string }[]>(`select sum(amount) as total from ledger_entry where order_id = ?`, [makerOrder.id])
    expect(Number(ledger[0]!.total)).toBe(0)
    // Placed (4), cancelled (4) and its part of the processor's fee (2), which a refund does not give back.
    expect(await db().orm.em.fork().count(LedgerEntry, { orderId: makerOrder.id })).toBe(10)
  })

  it('asks a card checkout that needs approval to pay only once it is approved', async () => {
    const w = await world()
    await onboard(w.maker.admin.actor)
    await onboard(w.distributor.admin.actor)
    const em = db().orm.em.fork()
    await em.persist(em.create(ApprovalRule, { organizationId: w.buyer.org.id, name: 'Everything', minTotal: null, currency: 'SGD', steps: [{ role: 'admin' }], active: true })).flush()
    const placed = await buyByCard(w)
    expect([placed.payNow, placed.orders.map((o) => [o.status, o.payBy])]).toEqual([false, [['pending_approval', 'card'], ['pending_approval', 'card']]])
    expect(await em.count(Payment, { checkoutId: placed.checkoutId })).toBe(0)
    unwrap(await decideApproval(ctxOf(w.buyer.admin.actor), placed.checkoutId, { decision: 'approve', comment: '' }))
    const [payment] = await checkoutPayments(ctxOf(w.buyer.members.buyer!.actor), placed.checkoutId)
    expect(payment).toMatchObject({ status: 'requires_payment', amount: { amount: 39_103, currency: 'SGD' }, canPay: true })
    expect(unwrap(await payWithTestCard(ctxOf(w.buyer.members.buyer!.actor), payment!.id, 'pm_card_visa'))).toEqual({ status: 'succeeded' })
    expect(await em.fork().count(PaymentTransfer, { paymentId: payment!.id })).toBe(3)
  })

  it('expires an unpaid card checkout: its orders are cancelled, stock released, its intent cancelled', async () => {
    const w = await world()
    await onboard(w.maker.admin.actor)
    await onboard(w.distributor.admin.actor)
    const placed = await buyByCard(w)
    const [payment] = await checkoutPayments(ctxOf(w.buyer.members.buyer!.actor), placed.checkoutId)
    // Viewing the page made no intent (test mode); a declined attempt does.
    expect((await db().orm.em.fork().findOneOrFail(Payment, { id: payment!.id })).intentId).toBeNull()
    expect(await payWithTestCard(ctxOf(w.buyer.members.buyer!.actor), payment!.id, 'pm_card_chargeDeclined')).toMatchObject({ ok: false, error: { code: 'CARD_DECLINED' } })
    const stock = async () => Number((await db().orm.em.fork().execute<{ n: string }[]>(`select sum(quantity) as n from offer_stock where offer_id = ?`, [w.makerOffer.offer.id]))[0]!.n)
    expect(await stock()).toBe(17)
    // Not yet due: nothing happens.
    expect(await expireUnpaidPayments(ctxOf(ANONYMOUS), cancelUnpaidOrder)).toBe(0)
    const later = new Date(Date.now() + 31 * 60_000)
    expect(await expireUnpaidPayments(ctxOf(ANONYMOUS), cancelUnpaidOrder, later)).toBe(1)
    expect(await expireUnpaidPayments(ctxOf(ANONYMOUS), cancelUnpaidOrder, later)).toBe(0)
    expect(await stock()).toBe(20)
    const orders = await db().orm.em.fork().find(Order, { checkoutId: placed.checkoutId })
    expect(orders.map((o) => o.status)).toEqual(['cancelled', 'cancelled'])
    expect(await payWithTestCard(ctxOf(w.buyer.members.buyer!.actor), payment!.id, 'pm_card_visa')).toMatchObject({ ok: false, error: { code: 'STATUS_CHANGED' } })
    const { intentId } = await db().orm.em.fork().findOneOrFail(Payment, { id: payment!.id })
    expect((await gateway.getPaymentIntent(intentId!)).status).toBe('canceled')
  })
})
