// The production adapter (the official SDK) against the local Stripe: accounts and onboarding,
// PaymentIntents, transfers bound to their charge, reversals, refunds, idempotency and signed
// webhooks (good, forged and stale).
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import Stripe from 'stripe'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startMockStripe, type MockStripe } from './mock/server.ts'
import { GatewayError, WebhookSignatureError, type GatewayEvent, type PaymentGateway } from './port.ts'
import { stripeGateway } from './stripe-gateway.ts'

const secret = 'whsec_test_adapter'
let mock: MockStripe
let receiver: Server
let gateway: PaymentGateway
const received: { payload: string; signature: string }[] = []
const parsed: GatewayEvent[] = []

beforeAll(async () => {
  receiver = createServer((req, res) => {
    let body = ''
    req.on('data', (c) => (body += c))
    req.on('end', () => {
      received.push({ payload: body, signature: String(req.headers['stripe-signature']) })
      void gateway.parseWebhook(body, String(req.headers['stripe-signature'])).then(
        (e) => (parsed.push(e), res.writeHead(200).end()),
        () => res.writeHead(400).end(),
      )
    })
  }).listen(0, '127.0.0.1')
  await new Promise((r) => receiver.once('listening', r))
  mock = await startMockStripe({ webhookSecret: secret, webhookUrl: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/` })
  gateway = stripeGateway({ secretKey: 'sk_test_adapter', webhookSecret: secret, apiBase: mock.url })
})
afterAll(async () => {
  await mock?.close()
  receiver?.close()
})

async function onboarded(country = 'SG') {
  const account = await gateway.createAccount({ country, email: 'ops@example.test', businessName: 'Lion City', orgId: crypto.randomUUID(), idempotencyKey: crypto.randomUUID() })
  const link = await gateway.onboardingLink({ account: account.id, refreshUrl: 'http://app.test/refresh', returnUrl: 'http://app.test/back' })
  const page = await fetch(link)
  expect(await page.text()).toContain('Set up payouts for Lion City')
  const submit = await fetch(link, { method: 'POST', body: new URLSearchParams({ return_url: 'http://app.test/back' }), redirect: 'manual' })
  expect(submit.headers.get('location')).toBe('http://app.test/back')
  return account
}

async function paid(amount: number, group: string) {
  const pi = await gateway.createPaymentIntent({ amount, currency: 'SGD', transferGroup: group, metadata: { checkout: group }, idempotencyKey: `pi:${group}` })
  return gateway.confirmPaymentIntent({ id: pi.id, paymentMethod: 'pm_card_visa', idempotencyKey: `confirm:${group}` })
}

describe('the Stripe adapter against the local Stripe', () => {
  it('creates Express accounts in Connect regions only, and onboarding activates transfers (account.updated)', async () => {
    await expect(gateway.createAccount({ country: 'VN', email: 'a@example.test', businessName: 'Hà Nội', orgId: 'x', idempotencyKey: crypto.randomUUID() })).rejects.toThrow(/VN are not supported/)
    const account = await gateway.createAccount({ country: 'SG', email: 'a@example.test', businessName: 'Lion City', orgId: 'x', idempotencyKey: 'acct-once' })
    expect(account).toMatchObject({ country: 'SG', transfers: 'inactive', detailsSubmitted: false })
    expect((await gateway.createAccount({ country: 'SG', email: 'a@example.test', businessName: 'Lion City', orgId: 'x', idempotencyKey: 'acct-once' })).id).toBe(account.id)

    const active = await onboarded()
    expect(await gateway.getAccount(active.id)).toMatchObject({ transfers: 'active', detailsSubmitted: true })
    await mock.idle()
    expect(parsed.find((e) => e.type === 'account.updated' && e.account?.id === active.id)?.account).toMatchObject({ transfers: 'active' })
  })

  it('charges one PaymentIntent, transfers shares bound to its charge, never beyond it, once per key', async () => {
    const seller = await onboarded()
    const distributor = await onboarded()
    const group = `checkout_${crypto.randomUUID()}`
    const pi = await paid(10_000, group)
    expect(pi).toMatchObject({ status: 'succeeded', amountReceived: 10_000, currency: 'SGD', transferGroup: group })
    expect(pi.latestCharge).toMatch(/^ch_/)
    // The charge's balance transaction carries the processing fee (3.4 % + S$0.50 in Singapore).
    expect(await gateway.chargeFee(pi.latestCharge!)).toEqual({ amount: 390, currency: 'SGD' })

    const send = (amount: number, destination: string, key: string) =>
      gateway.createTransfer({ amount, currency: 'SGD', destination, sourceTransaction: pi.latestCharge!, transferGroup: group, metadata: { share: key }, idempotencyKey: key })
    const first = await send(8_500, seller.id, `${group}:seller`)
    expect((await send(8_500, seller.id, `${group}:seller`)).id).toBe(first.id)
    await send(800, distributor.id, `${group}:territory`)
    await expect(send(800, distributor.id, `${group}:too-much`)).rejects.toThrow(/must not exceed the source amount/)
    const inactive = await gateway.createAccount({ country: 'SG', email: 'b@example.test', businessName: 'Not yet', orgId: 'y', idempotencyKey: crypto.randomUUID() })
    await expect(send(100, inactive.id, `${group}:inactive`)).rejects.toThrow(/capabilities enabled: transfers/)
    const listed = await gateway.listTransfers(group)
    expect(listed.map((t) => [t.destination, t.amount]).sort()).toEqual([[distributor.id, 800], [seller.id, 8_500]].sort())

    const reversed = await gateway.reverseTransfer({ transfer: first.id, amount: 8_500, idempotencyKey: `${group}:reverse` })
    expect(reversed).toMatchObject({ amountReversed: 8_500 })
    await expect(gateway.reverseTransfer({ transfer: first.id, amount: 1, idempotencyKey: `${group}:reverse-again` })).rejects.toBeInstanceOf(GatewayError)
  })

  it('refunds by PaymentIntent up to what was paid, and reports a declined card', async () => {
    const group = `checkout_${crypto.randomUUID()}`
    const pi = await paid(5_000, group)
    expect(await gateway.refund({ paymentIntent: pi.id, amount: 3_000, idempotencyKey: `${group}:r1` })).toMatchObject({ amount: 3_000, currency: 'SGD', status: 'succeeded' })
    const tooMuch = await gateway.refund({ paymentIntent: pi.id, amount: 2_001, idempotencyKey: `${group}:r2` }).catch((e: unknown) => e)
    expect(tooMuch).toBeInstanceOf(GatewayError)
    expect((tooMuch as GatewayError).status).toBe(400)

    const declined = await gateway.createPaymentIntent({ amount: 1_000, currency: 'SGD', transferGroup: 'g', metadata: {}, idempotencyKey: crypto.randomUUID() })
    const error = await gateway.confirmPaymentIntent({ id: declined.id, paymentMethod: 'pm_card_chargeDeclined', idempotencyKey: crypto.randomUUID() }).catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'card_declined', status: 402 })
    expect(await gateway.getPaymentIntent(declined.id)).toMatchObject({ status: 'requires_payment_method', lastError: expect.stringMatching(/declined/) })
    const cancelled = await gateway.cancelPaymentIntent({ id: declined.id, idempotencyKey: crypto.randomUUID() })
    expect(cancelled.status).toBe('canceled')
  })

  it('delivers signed events; a forged or stale signature is refused', async () => {
    await paid(2_000, `checkout_${crypto.randomUUID()}`)
    await mock.idle()
    const event = received.find((r) => JSON.parse(r.payload).type === 'payment_intent.succeeded' && JSON.parse(r.payload).data.object.amount === 2_000)!
    expect((await gateway.parseWebhook(event.payload, event.signature)).paymentIntent).toMatchObject({ status: 'succeeded', amount: 2_000 })
    const forged = Stripe.webhooks.generateTestHeaderString({ payload: event.payload, secret: 'whsec_someone_else' })
    await expect(gateway.parseWebhook(event.payload, forged)).rejects.toBeInstanceOf(WebhookSignatureError)
    await expect(gateway.parseWebhook(event.payload.replace('2000', '2001'), event.signature)).rejects.toBeInstanceOf(WebhookSignatureError)
    const stale = Stripe.webhooks.generateTestHeaderString({ payload: event.payload, secret, timestamp: Math.floor(Date.now() / 1000) - 3600 })
    await expect(gateway.parseWebhook(event.payload, stale)).rejects.toBeInstanceOf(WebhookSignatureError)
    // A Connect endpoint signs with a secret of its own: both endpoints' deliveries are read, no other.
    const both = stripeGateway({ secretKey: 'sk_test_adapter', webhookSecret: secret, connectWebhookSecret: 'whsec_connect_endpoint', apiBase: mock.url })
    const viaConnect = Stripe.webhooks.generateTestHeaderString({ payload: event.payload, secret: 'whsec_connect_endpoint' })
    expect((await both.parseWebhook(event.payload, viaConnect)).id).toBe(JSON.parse(event.payload).id)
    expect((await both.parseWebhook(event.payload, event.signature)).id).toBe(JSON.parse(event.payload).id)
    await expect(gateway.parseWebhook(event.payload, viaConnect)).rejects.toBeInstanceOf(WebhookSignatureError)
    await expect(both.parseWebhook(event.payload, forged)).rejects.toBeInstanceOf(WebhookSignatureError)
  })
})
