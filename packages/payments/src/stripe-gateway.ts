// The production adapter: Stripe Connect through the official SDK (separate charges and transfers).
// Every object is read through the SDK's own types, so a field we rely on that Stripe does not send
// fails to compile.
import Stripe from 'stripe'
import { GatewayError, WebhookSignatureError, type CapabilityStatus, type ConnectedAccount, type GatewayEvent, type PaymentGateway, type PaymentIntentView, type PayoutView, type RefundView, type TransferView } from './port.ts'

export interface StripeGatewayConfig {
  secretKey: string
  webhookSecret: string
  /**
   * The signing secret of a second endpoint for events of connected accounts (Stripe signs a
   * Connect endpoint with its own secret), when they are sent to another endpoint than the
   * platform's own events.
   */
  connectWebhookSecret?: string | null
  publishableKey?: string | null
  /** Another API base (the local mock), e.g. http://127.0.0.1:12111. */
  apiBase?: string | null
}

const upper = (currency: string) => currency.toUpperCase()
const lower = (currency: string) => currency.toLowerCase()
const idOf = (v: string | { id: string } | null | undefined) => (v == null ? null : typeof v === 'string' ? v : v.id)

export function accountView(a: Stripe.Account): ConnectedAccount {
  const transfers = a.capabilities?.transfers
  return { id: a.id, country: a.country ?? '', transfers: (transfers ?? 'inactive') as CapabilityStatus, detailsSubmitted: a.details_submitted ?? false }
}

export function intentView(pi: Stripe.PaymentIntent): PaymentIntentView {
  return {
    id: pi.id,
    amount: pi.amount,
    amountReceived: pi.amount_received,
    currency: upper(pi.currency),
    status: pi.status,
    clientSecret: pi.client_secret,
    latestCharge: idOf(pi.latest_charge),
    transferGroup: pi.transfer_group,
    lastError: pi.last_payment_error?.message ?? pi.last_payment_error?.code ?? null,
    metadata: pi.metadata ?? {},
  }
}

export function payoutView(p: Stripe.Payout): PayoutView {
  return { id: p.id, amount: p.amount, currency: upper(p.currency), status: p.status, arrivalDate: p.arrival_date, created: p.created, failureMessage: p.failure_message ?? p.failure_code ?? null }
}

export function transferView(t: Stripe.Transfer): TransferView {
  return {
    id: t.id,
    amount: t.amount,
    amountReversed: t.amount_reversed,
    currency: upper(t.currency),
    destination: idOf(t.destination) ?? '',
    sourceTransaction: idOf(t.source_transaction),
    transferGroup: t.transfer_group,
    metadata: t.metadata,
  }
}

const refundView = (r: Stripe.Refund): RefundView => ({ id: r.id, amount: r.amount, currency: upper(r.currency), status: r.status ?? 'pending' })

async function call<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run()
  } catch (error) {
    if (error instanceof Stripe.errors.StripeError) throw new GatewayError(error.code ?? error.type, error.message, error.statusCode ?? 500)
    throw error
  }
}

export function stripeGateway(config: StripeGatewayConfig): PaymentGateway {
  const secrets = [config.webhookSecret, ...(config.connectWebhookSecret ? [config.connectWebhookSecret] : [])]
  /** The event, if one of the endpoints' secrets signed it within five minutes; the first refusal otherwise. */
  const verified = async (payload: string, signature: string): Promise<Stripe.Event> => {
    let refusal: unknown
    for (const secret of secrets) {
      try {
        return await stripe.webhooks.constructEventAsync(payload, signature, secret, 300)
      } catch (error) {
        refusal ??= error
      }
    }
    throw refusal
  }
  const base = config.apiBase ? new URL(config.apiBase) : null
  const stripe = new Stripe(config.secretKey, {
    maxNetworkRetries: 2,
    timeout: 20_000,
    ...(base ? { host: base.hostname, port: Number(base.port || (base.protocol === 'https:' ? 443 : 80)), protocol: base.protocol === 'https:' ? 'https' : 'http' } : {}),
  })
  const test = config.secretKey.startsWith('sk_test_')
  return {
    mode: base ? 'test' : 'live',
    publishableKey: config.publishableKey ?? null,
    createAccount: (input) =>
      call(async () =>
        accountView(
          await stripe.accounts.create(
            {
              type: 'express',
              country: input.country,
              email: input.email,
              business_profile: { name: input.businessName },
              capabilities: { transfers: { requested: true } },
              metadata: { org_id: input.orgId },
            },
            { idempotencyKey: input.idempotencyKey },
          ),
        ),
      ),
    getAccount: (id) => call(async () => accountView(await stripe.accounts.retrieve(id))),
    onboardingLink: (input) => call(async () => (await stripe.accountLinks.create({ account: input.account, refresh_url: input.refreshUrl, return_url: input.returnUrl, type: 'account_onboarding' })).url),
    createPaymentIntent: (input) =>
      call(async () =>
        intentView(
          await stripe.paymentIntents.create(
            { amount: input.amount, currency: lower(input.currency), transfer_group: input.transferGroup, metadata: input.metadata },
            { idempotencyKey: input.idempotencyKey },
          ),
        ),
      ),
    getPaymentIntent: (id) => call(async () => intentView(await stripe.paymentIntents.retrieve(id))),
    confirmPaymentIntent: (input) => {
      if (!test && !base) throw new GatewayError('live_mode', 'Test payment methods are confirmed in test mode only.', 400)
      return call(async () => intentView(await stripe.paymentIntents.confirm(input.id, { payment_method: input.paymentMethod }, { idempotencyKey: input.idempotencyKey })))
    },
    cancelPaymentIntent: (input) => call(async () => intentView(await stripe.paymentIntents.cancel(input.id, {}, { idempotencyKey: input.idempotencyKey }))),
    createTransfer: (input) =>
      call(async () =>
        transferView(
          await stripe.transfers.create(
            { amount: input.amount, currency: lower(input.currency), destination: input.destination, source_transaction: input.sourceTransaction, transfer_group: input.transferGroup, metadata: input.metadata },
            { idempotencyKey: input.idempotencyKey },
          ),
        ),
      ),
    chargeFee: (chargeId) =>
      call(async () => {
        const charge = await stripe.charges.retrieve(chargeId)
        const txn = idOf(charge.balance_transaction)
        if (!txn) return null
        const bt = await stripe.balanceTransactions.retrieve(txn)
        return { amount: bt.fee, currency: upper(bt.currency) }
      }),
    listTransfers: (transferGroup) =>
      call(async () => {
        const all: TransferView[] = []
        for await (const t of stripe.transfers.list({ transfer_group: transferGroup, limit: 100 })) all.push(transferView(t))
        return all
      }),
    reverseTransfer: (input) =>
      call(async () => {
        await stripe.transfers.createReversal(input.transfer, { amount: input.amount }, { idempotencyKey: input.idempotencyKey })
        return transferView(await stripe.transfers.retrieve(input.transfer))
      }),
    refund: (input) => call(async () => refundView(await stripe.refunds.create({ payment_intent: input.paymentIntent, amount: input.amount }, { idempotencyKey: input.idempotencyKey }))),
    async parseWebhook(payload, signature) {
      let event: Stripe.Event
      try {
        event = await verified(payload, signature)
      } catch (error) {
        throw new WebhookSignatureError(error instanceof Error ? error.message : 'invalid signature')
      }
      const out: GatewayEvent = { id: event.id, type: event.type, created: event.created }
      if (event.type === 'account.updated') out.account = accountView(event.data.object)
      if (event.type.startsWith('payment_intent.')) out.paymentIntent = intentView(event.data.object as Stripe.PaymentIntent)
      if (event.type.startsWith('payout.')) out.payout = payoutView(event.data.object as Stripe.Payout)
      if (event.account) out.connectedAccount = event.account
      return out
    },
  }
}
