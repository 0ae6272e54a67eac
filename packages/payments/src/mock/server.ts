// A local Stripe for tests and `npm start` (STRIPE_MOCK=1). `stripe-stateful-mock` serves charges
// and refunds by charge; this server stands in front of it and serves exactly the other calls the
// adapter makes: Express accounts and their onboarding links, PaymentIntents, Transfers and their
// reversals, refunds by PaymentIntent. It signs and delivers webhook events the way Stripe does.
// Objects start from Stripe's published example objects (stripe-objects.json, MIT, from Stripe's
// OpenAPI repository) and are typed with the SDK's types.
import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { createRequire } from 'node:module'
import express, { type NextFunction, type Request, type Response } from 'express'
import Stripe from 'stripe'
import { CONNECT_COUNTRIES } from '../port.ts'

const require = createRequire(import.meta.url)
const objects = require('./stripe-objects.json') as {
  account: Stripe.Account
  account_link: Stripe.AccountLink
  payment_intent: Stripe.PaymentIntent
  transfer: Stripe.Transfer
  transfer_reversal: Stripe.TransferReversal
  refund: Stripe.Refund
  event: Stripe.Event
  balance_transaction: Stripe.BalanceTransaction
  payout: Stripe.Payout
}
const { createExpressApp } = require('stripe-stateful-mock') as { createExpressApp: () => express.Express }
;(require('loglevel') as { setLevel(l: string): void }).setLevel('silent')

export interface MockStripeOptions {
  /** Where signed events are POSTed (the marketplace's /webhooks/stripe); none: events are only listed. */
  webhookUrl?: string | null
  webhookSecret: string
  /** Connected accounts survive restarts here (a JSON file), so onboarded demo sellers stay onboarded. */
  stateFile?: string | null
  port?: number
  host?: string
  /** Answers transfers this much later (tests kill a worker while one is in flight); the transfer is made whatever the caller does meanwhile. */
  transferDelayMs?: number
  /**
   * Pays out connected accounts automatically: this long after a transfer lands, the account's
   * balance leaves for its bank (`payout.created`, in transit), and as long again later it
   * arrives (`payout.paid`). None: only when `runPayouts` and `settlePayouts` are called.
   */
  payoutDelayMs?: number | null
}

export interface MockStripe {
  url: string
  /** Every event created, oldest first, with the exact payload that was signed. */
  events(): { id: string; type: string; payload: string }[]
  /** Transfer requests received and not yet answered (with `transferDelayMs`). */
  transfersInFlight(): number
  /** Pays out every connected account's balance now (one payout per account and currency, in transit). */
  runPayouts(): void
  /** Every payout in transit arrives (`payout.paid`). */
  settlePayouts(): void
  /** Waits until every webhook delivery in flight has been answered. */
  idle(): Promise<void>
  close(): Promise<void>
}

const now = () => Math.floor(Date.now() / 1000)

/** Signs a payload as Stripe signs a webhook delivery (tests forge and age signatures with it). */
export function signWebhook(payload: string, secret: string, timestamp?: number): string {
  return Stripe.webhooks.generateTestHeaderString({ payload, secret, ...(timestamp ? { timestamp } : {}) })
}
const id = (prefix: string) => `${prefix}_${randomBytes(12).toString('base64url').replace(/[-_]/g, 'x')}`
const clone = <T>(o: T): T => structuredClone(o)

/**
 * Stripe's standard fee for a domestic card charge in the platform's country, as its pricing page
 * lists it (percent in basis points, plus a fixed part in minor units), rounded to the minor unit.
 */
const CARD_FEES: Record<string, { bp: number; fixed: number }> = { sgd: { bp: 340, fixed: 50 }, usd: { bp: 290, fixed: 30 } }
const processingFee = (amount: number, currency: string) => {
  const rate = CARD_FEES[currency.toLowerCase()] ?? CARD_FEES.usd!
  return Math.min(amount, Math.round((amount * rate.bp) / 10_000) + rate.fixed)
}

type ErrorBody = { type: string; code?: string; message: string; param?: string; payment_intent?: Stripe.PaymentIntent }
class MockError extends Error {
  readonly status: number
  readonly body: ErrorBody
  constructor(status: number, body: ErrorBody) {
    super(body.message)
    this.status = status
    this.body = body
  }
}

const invalid = (message: string, param?: string) => new MockError(400, { type: 'invalid_request_error', message, ...(param ? { param } : {}) })
const missing = (kind: string, value: string) => new MockError(404, { type: 'invalid_request_error', code: 'resource_missing', message: `No such ${kind}: '${value}'` })
const positiveInt = (value: unknown, param: string): number => {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 1) throw invalid('Invalid positive integer', param)
  return n
}

export async function startMockStripe(options: MockStripeOptions): Promise<MockStripe> {
  const accounts = new Map<string, Stripe.Account>()
  const intents = new Map<string, Stripe.PaymentIntent>()
  const transfers = new Map<string, Stripe.Transfer>()
  const balanceTransactions = new Map<string, Stripe.BalanceTransaction>()
  /** Each connected account's balance not yet paid out, by currency, and its payouts. */
  const balances = new Map<string, Map<string, number>>()
  const payouts = new Map<string, Stripe.Payout & { account: string }>()
  const credit = (account: string, currency: string, amount: number) => {
    const byCurrency = balances.get(account) ?? new Map<string, number>()
    byCurrency.set(currency, (byCurrency.get(currency) ?? 0) + amount)
    balances.set(account, byCurrency)
  }
  const events: { id: string; type: string; payload: string }[] = []
  const replies = new Map<string, { status: number; body: unknown }>()
  const inFlight = new Set<Promise<void>>()
  let base = ''
  let transfersWaiting = 0

  if (options.stateFile && existsSync(options.stateFile)) {
    for (const a of JSON.parse(readFileSync(options.stateFile, 'utf8')).accounts as Stripe.Account[]) accounts.set(a.id, a)
  }
  const save = () => {
    if (options.stateFile) writeFileSync(options.stateFile, JSON.stringify({ accounts: [...accounts.values()] }, null, 1))
  }

  async function deliver(payload: string, attempt = 1): Promise<void> {
    if (!options.webhookUrl) return
    const signature = signWebhook(payload, options.webhookSecret)
    try {
      const res = await fetch(options.webhookUrl, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Stripe-Signature': signature }, body: payload })
      if (res.ok || attempt >= 5) return
    } catch {
      if (attempt >= 5) return
    }
    await new Promise((r) => setTimeout(r, 300 * 2 ** attempt))
    return deliver(payload, attempt + 1)
  }

  function emit(type: string, object: object, account?: string) {
    const event = { ...clone(objects.event), id: id('evt'), created: now(), type, data: { object }, pending_webhooks: options.webhookUrl ? 1 : 0, request: { id: null, idempotency_key: null }, ...(account ? { account } : {}) } as Stripe.Event
    const payload = JSON.stringify(event)
    events.push({ id: event.id, type, payload })
    const p = deliver(payload).finally(() => inFlight.delete(p))
    inFlight.add(p)
  }

  /** Calls the stateful mock mounted below (charges, refunds by charge) over HTTP, as the SDK would. */
  async function inner<T>(method: string, path: string, params: Record<string, string | number>, auth: string): Promise<T> {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { Authorization: auth, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: method === 'GET' ? undefined : new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString(),
    })
    const body = (await res.json()) as T & { error?: ErrorBody }
    if (!res.ok) throw new MockError(res.status, body.error ?? { type: 'api_error', message: 'charge failed' })
    return body
  }

  const app = express()
  app.disable('x-powered-by')
  app.use(express.urlencoded({ extended: true }))

  // The same API key rule as Stripe's test mode, for our routes and the stateful mock's alike.
  app.use('/v1', (req, res, next) => {
    const auth = req.header('authorization') ?? ''
    if (!/^Bearer sk_test_/.test(auth)) return res.status(401).json({ error: { type: 'invalid_request_error', message: 'Invalid API Key provided' } })
    next()
  })

  /** Our routes: idempotent writes (the first reply to a key is replayed), Stripe-shaped errors. */
  const route =
    (handler: (req: Request) => Promise<unknown> | unknown) =>
    async (req: Request, res: Response, next: NextFunction): Promise<void> => {
      const key = req.method === 'POST' ? req.header('idempotency-key') : undefined
      const replay = key ? replies.get(`${req.path}:${key}`) : undefined
      if (replay) {
        res.status(replay.status).set('Idempotent-Replayed', 'true').json(replay.body)
        return
      }
      let status = 200
      let body: unknown
      try {
        body = await handler(req)
        if (body === undefined) return next()
      } catch (error) {
        if (!(error instanceof MockError)) return next(error)
        status = error.status
        body = { error: error.body }
      }
      if (key) replies.set(`${req.path}:${key}`, { status, body })
      res.status(status).json(body)
    }

  const account = (acct: string) => accounts.get(acct) ?? (() => { throw missing('account', acct) })()
  const intent = (pi: string) => intents.get(pi) ?? (() => { throw missing('payment_intent', pi) })()
  const transfer = (tr: string) => transfers.get(tr) ?? (() => { throw missing('transfer', tr) })()

  app.post('/v1/accounts', route((req) => {
    const country = String(req.body.country ?? 'US').toUpperCase()
    if (!(CONNECT_COUNTRIES as readonly string[]).includes(country)) throw invalid(`Connected accounts in ${country} are not supported for this platform.`, 'country')
    const acct: Stripe.Account = {
      ...clone(objects.account),
      id: id('acct'),
      type: req.body.type ?? 'express',
      controller: { type: 'application', is_controller: true },
      country,
      email: req.body.email ?? null,
      created: now(),
      default_currency: country === 'SG' ? 'sgd' : 'usd',
      business_profile: { ...clone(objects.account).business_profile!, name: req.body.business_profile?.name ?? null },
      capabilities: { transfers: 'inactive' },
      charges_enabled: false,
      payouts_enabled: false,
      details_submitted: false,
      metadata: req.body.metadata ?? {},
    }
    accounts.set(acct.id, acct)
    save()
    return acct
  }))
  app.get('/v1/accounts/:id', route((req) => account(String(req.params.id))))
  app.post('/v1/account_links', route((req) => {
    const acct = account(String(req.body.account))
    if (!req.body.return_url || !req.body.refresh_url) throw invalid('Missing required param: return_url.', 'return_url')
    const link: Stripe.AccountLink = {
      ...clone(objects.account_link),
      created: now(),
      expires_at: now() + 300,
      url: `${base}/mock/connect/onboarding/${acct.id}?${new URLSearchParams({ return_url: req.body.return_url })}`,
    }
    return link
  }))

  // Express onboarding, reduced to one page: submitting it activates the `transfers` capability.
  app.get('/mock/connect/onboarding/:id', (req, res) => {
    const acct = accounts.get(req.params.id)
    if (!acct) return res.status(404).send('No such account')
    const name = (acct.business_profile?.name ?? acct.id).replace(/[<>&"]/g, '')
    res.type('html').send(`<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>Stripe test onboarding</title>
<body style="font-family:system-ui;max-width:32rem;margin:3rem auto;padding:0 1rem"><p>Stripe test mode (local mock)</p><h1>Set up payouts for ${name}</h1>
<p>Country: ${acct.country}. This page stands in for Stripe's Express onboarding.</p>
<form method="post"><input type="hidden" name="return_url" value="${String(req.query.return_url ?? '').replace(/"/g, '&quot;')}"><button type="submit">Agree and submit</button></form></body></html>`)
  })
  app.post('/mock/connect/onboarding/:id', (req, res) => {
    const acct = accounts.get(req.params.id)
    if (!acct) return res.status(404).send('No such account')
    Object.assign(acct, { details_submitted: true, charges_enabled: true, payouts_enabled: true, capabilities: { ...acct.capabilities, transfers: 'active' } })
    save()
    emit('account.updated', clone(acct))
    res.redirect(303, String(req.body.return_url || '/'))
  })

  app.post('/v1/payment_intents', route((req) => {
    const amount = positiveInt(req.body.amount, 'amount')
    if (!req.body.currency) throw invalid('Missing required param: currency.', 'currency')
    const pi: Stripe.PaymentIntent = {
      ...clone(objects.payment_intent),
      id: id('pi'),
      amount,
      amount_received: 0,
      currency: String(req.body.currency).toLowerCase(),
      created: now(),
      canceled_at: null,
      last_payment_error: null,
      next_action: null,
      processing: null,
      transfer_data: null,
      latest_charge: null,
      metadata: req.body.metadata ?? {},
      transfer_group: req.body.transfer_group ?? null,
      status: 'requires_payment_method',
    }
    pi.client_secret = `${pi.id}_secret_${randomBytes(12).toString('hex')}`
    intents.set(pi.id, pi)
    return pi
  }))
  app.get('/v1/payment_intents/:id', route((req) => intent(String(req.params.id))))
  app.post('/v1/payment_intents/:id/confirm', route(async (req) => {
    const pi = intent(String(req.params.id))
    if (pi.status === 'succeeded' || pi.status === 'canceled') throw invalid(`This PaymentIntent's status is ${pi.status}, so it cannot be confirmed.`)
    const method = String(req.body.payment_method ?? '')
    const source = { pm_card_visa: 'tok_visa', pm_card_chargeDeclined: 'tok_chargeDeclined', pm_card_insufficientFunds: 'tok_chargeDeclinedInsufficientFunds' }[method]
    if (!source) throw invalid(`No such PaymentMethod: '${method}'`, 'payment_method')
    try {
      const charge = await inner<Stripe.Charge>('POST', '/v1/charges', { amount: pi.amount, currency: pi.currency, source, description: pi.id }, req.header('authorization')!)
      Object.assign(pi, { status: 'succeeded', amount_received: pi.amount, latest_charge: charge.id, payment_method: method, last_payment_error: null })
      // The charge's balance transaction, with the processing fee the platform pays (the charge's
      // own balance transaction id, so the charge leads to it as on Stripe).
      if (typeof charge.balance_transaction === 'string') {
        const fee = processingFee(charge.amount, charge.currency)
        balanceTransactions.set(charge.balance_transaction, {
          ...clone(objects.balance_transaction),
          id: charge.balance_transaction,
          amount: charge.amount,
          currency: charge.currency,
          fee,
          fee_details: [{ amount: fee, application: null, currency: charge.currency, description: 'Stripe processing fees', type: 'stripe_fee' }],
          net: charge.amount - fee,
          source: charge.id,
          type: 'charge',
          reporting_category: 'charge',
          description: pi.id,
          status: 'pending',
          created: now(),
          available_on: now() + 2 * 86_400,
        })
      }
      emit('payment_intent.succeeded', clone(pi))
      return pi
    } catch (error) {
      if (!(error instanceof MockError) || error.status !== 402) throw error
      Object.assign(pi, { status: 'requires_payment_method', last_payment_error: { type: 'card_error', code: error.body.code ?? 'card_declined', message: error.body.message } })
      emit('payment_intent.payment_failed', clone(pi))
      throw new MockError(402, { ...error.body, payment_intent: clone(pi) })
    }
  }))
  app.get('/v1/balance_transactions/:id', route((req) => balanceTransactions.get(String(req.params.id)) ?? (() => { throw missing('balance_transaction', String(req.params.id)) })()))
  app.post('/v1/payment_intents/:id/cancel', route((req) => {
    const pi = intent(String(req.params.id))
    if (pi.status === 'succeeded') throw invalid('You cannot cancel this PaymentIntent because it has a status of succeeded.')
    if (pi.status !== 'canceled') {
      Object.assign(pi, { status: 'canceled', canceled_at: now(), cancellation_reason: req.body.cancellation_reason ?? 'requested_by_customer' })
      emit('payment_intent.canceled', clone(pi))
    }
    return pi
  }))

  app.post('/v1/transfers', route(async (req) => {
    if (options.transferDelayMs) {
      transfersWaiting += 1
      await new Promise((r) => setTimeout(r, options.transferDelayMs)).finally(() => (transfersWaiting -= 1))
    }
    const amount = positiveInt(req.body.amount, 'amount')
    const destination = account(String(req.body.destination ?? ''))
    if (destination.capabilities?.transfers !== 'active') throw invalid('Your destination account needs to have at least one of the following capabilities enabled: transfers, crypto_transfers, legacy_payments', 'destination')
    const currency = String(req.body.currency ?? '').toLowerCase()
    const sourceTransaction = req.body.source_transaction ? String(req.body.source_transaction) : null
    if (sourceTransaction) {
      const charge = await inner<Stripe.Charge>('GET', `/v1/charges/${encodeURIComponent(sourceTransaction)}`, {}, req.header('authorization')!)
      if (charge.currency !== currency) throw invalid(`The currency of source_transaction's balance transaction (${charge.currency}) must be the same as the transfer currency (${currency})`, 'currency')
      const used = [...transfers.values()].filter((t) => t.source_transaction === sourceTransaction).reduce((s, t) => s + t.amount, 0)
      if (used + amount > charge.amount) throw invalid('Transfers using this transaction as a source must not exceed the source amount.', 'amount')
    }
    const tr: Stripe.Transfer = {
      ...clone(objects.transfer),
      id: id('tr'),
      amount,
      amount_reversed: 0,
      currency,
      created: now(),
      destination: destination.id,
      destination_payment: id('py'),
      balance_transaction: id('txn'),
      metadata: req.body.metadata ?? {},
      reversals: { object: 'list', data: [], has_more: false, url: '' },
      reversed: false,
      source_transaction: sourceTransaction,
      transfer_group: req.body.transfer_group ?? null,
    }
    tr.reversals.url = `/v1/transfers/${tr.id}/reversals`
    transfers.set(tr.id, tr)
    credit(destination.id, currency, amount)
    schedulePayouts()
    emit('transfer.created', clone(tr))
    return tr
  }))
  app.get('/v1/transfers/:id', route((req) => transfer(String(req.params.id))))
  app.get('/v1/transfers', route((req) => {
    const group = req.query.transfer_group ? String(req.query.transfer_group) : null
    const data = [...transfers.values()].filter((t) => !group || t.transfer_group === group).reverse()
    return { object: 'list', data, has_more: false, url: '/v1/transfers' }
  }))
  app.post('/v1/transfers/:id/reversals', route((req) => {
    const tr = transfer(String(req.params.id))
    const amount = req.body.amount === undefined ? tr.amount - tr.amount_reversed : positiveInt(req.body.amount, 'amount')
    if (amount > tr.amount - tr.amount_reversed) throw invalid('Amount must be no more than the amount of the transfer that has not been reversed.', 'amount')
    const reversal: Stripe.TransferReversal = { ...clone(objects.transfer_reversal), id: id('trr'), amount, currency: tr.currency, created: now(), transfer: tr.id, metadata: req.body.metadata ?? {}, balance_transaction: id('txn') }
    tr.amount_reversed += amount
    credit(String(tr.destination), tr.currency, -amount)
    tr.reversed = tr.amount_reversed === tr.amount
    tr.reversals.data.push(reversal)
    emit('transfer.reversed', clone(tr))
    return reversal
  }))

  app.post('/v1/refunds', route(async (req) => {
    if (!req.body.payment_intent) return undefined // by charge: the stateful mock's
    const pi = intent(String(req.body.payment_intent))
    if (!pi.latest_charge) throw invalid(`This PaymentIntent (${pi.id}) does not have a successful charge to refund.`, 'payment_intent')
    const params: Record<string, string | number> = { charge: String(pi.latest_charge) }
    if (req.body.amount !== undefined) params.amount = positiveInt(req.body.amount, 'amount')
    const refund = await inner<Stripe.Refund>('POST', '/v1/refunds', params, req.header('authorization')!)
    const out: Stripe.Refund = { ...clone(objects.refund), ...refund, payment_intent: pi.id }
    emit('charge.refunded', { id: pi.latest_charge, object: 'charge', payment_intent: pi.id })
    return out
  }))

  app.get('/mock/events', (_req, res) => res.json(events))
  app.get('/healthz', (_req, res) => res.type('text/plain').send('ok'))
  app.use(createExpressApp())

  const server = app.listen(options.port ?? 0, options.host ?? '127.0.0.1')
  await new Promise<void>((resolve, reject) => server.once('listening', resolve).once('error', reject))
  base = `http://${options.host ?? '127.0.0.1'}:${(server.address() as AddressInfo).port}`
  /** Automatic payouts: the balance leaves a while after a transfer, and arrives as long again later. */
  let payoutTimer: NodeJS.Timeout | null = null
  function schedulePayouts() {
    if (options.payoutDelayMs == null || payoutTimer) return
    payoutTimer = setTimeout(() => {
      payoutTimer = null
      runPayouts()
      setTimeout(settlePayouts, options.payoutDelayMs!).unref()
    }, options.payoutDelayMs)
    payoutTimer.unref()
  }
  function runPayouts() {
    for (const [account, byCurrency] of balances) {
      for (const [currency, amount] of byCurrency) {
        if (amount <= 0) continue
        byCurrency.set(currency, 0)
        const created = now()
        const payout = { ...clone(objects.payout), id: id('po'), amount, currency, created, arrival_date: created + 2 * 86_400, status: 'in_transit', automatic: true, balance_transaction: id('txn'), destination: id('ba'), account }
        payouts.set(payout.id, payout)
        const { account: _, ...object } = payout
        emit('payout.created', clone(object), account)
      }
    }
  }
  function settlePayouts() {
    for (const payout of payouts.values()) {
      if (payout.status !== 'in_transit') continue
      // It arrives now (sooner than the date first announced: the local Stripe's days are seconds).
      Object.assign(payout, { status: 'paid', arrival_date: Math.min(payout.arrival_date, now()) })
      const { account, ...object } = payout
      emit('payout.paid', clone(object), account)
    }
  }

  return {
    url: base,
    runPayouts,
    settlePayouts,
    events: () => [...events],
    transfersInFlight: () => transfersWaiting,
    idle: async () => {
      while (inFlight.size) await Promise.all([...inFlight])
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
