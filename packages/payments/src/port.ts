// The payment gateway port: what the domain asks of a card processor (Stripe Connect, separate
// charges and transfers). Amounts are integer minor units; currencies are upper-case ISO codes.
// No Stripe type crosses this line: the adapter translates.

/** Connect needs the platform and the connected account in a supported region; Vietnam is not one. */
export const CONNECT_COUNTRIES = ['SG', 'US', 'GB', 'AU', 'JP', 'TH', 'MY', 'DE', 'FR'] as const

export type CapabilityStatus = 'active' | 'inactive' | 'pending'

export interface ConnectedAccount {
  id: string
  country: string
  /** Whether the account may receive transfers: card payment is offered only where it is active. */
  transfers: CapabilityStatus
  detailsSubmitted: boolean
}

/** Stripe's PaymentIntent statuses (others may come; they are not `succeeded`). */
export type IntentStatus = 'requires_payment_method' | 'requires_confirmation' | 'requires_action' | 'processing' | 'requires_capture' | 'canceled' | 'succeeded' | (string & {})

export interface PaymentIntentView {
  id: string
  amount: number
  amountReceived: number
  currency: string
  status: IntentStatus
  clientSecret: string | null
  /** The charge a transfer's `source_transaction` points at, once paid. */
  latestCharge: string | null
  transferGroup: string | null
  lastError: string | null
  metadata: Record<string, string>
}

export interface TransferView {
  id: string
  amount: number
  amountReversed: number
  currency: string
  destination: string
  sourceTransaction: string | null
  transferGroup: string | null
  metadata: Record<string, string>
}

export interface RefundView {
  id: string
  amount: number
  currency: string
  status: string
}

/** A payout of a connected account's balance to its bank. */
export interface PayoutView {
  id: string
  amount: number
  currency: string
  /** `pending`, `in_transit`, `paid`, `failed` or `canceled`. */
  status: string
  /** When the bank should have it, seconds since the epoch. */
  arrivalDate: number
  created: number
  failureMessage: string | null
}

/** A verified webhook event, reduced to what the domain reads. */
export interface GatewayEvent {
  id: string
  type: string
  /** Seconds since the epoch, when the processor created the event (events arrive out of order). */
  created: number
  /** The connected account the event happened on (Connect events), if any. */
  connectedAccount?: string
  account?: ConnectedAccount
  paymentIntent?: PaymentIntentView
  payout?: PayoutView
}

/** A request the processor refused (a declined card, a refund above what was paid, …). */
export class GatewayError extends Error {
  readonly code: string
  readonly status: number
  constructor(code: string, message: string, status: number) {
    super(message)
    this.name = 'GatewayError'
    this.code = code
    this.status = status
  }
}

export class WebhookSignatureError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'WebhookSignatureError'
  }
}

/** Every write carries an idempotency key: a retried call returns the first result, never a second object. */
export interface PaymentGateway {
  /** `test`: the local mock (test cards are confirmed on the server); `live`: Stripe itself. */
  readonly mode: 'test' | 'live'
  /** A publishable key for Stripe.js, when the buyer's browser confirms the payment (live). */
  readonly publishableKey: string | null
  createAccount(input: { country: string; email: string; businessName: string; orgId: string; idempotencyKey: string }): Promise<ConnectedAccount>
  getAccount(id: string): Promise<ConnectedAccount>
  onboardingLink(input: { account: string; refreshUrl: string; returnUrl: string }): Promise<string>
  createPaymentIntent(input: { amount: number; currency: string; transferGroup: string; metadata: Record<string, string>; idempotencyKey: string }): Promise<PaymentIntentView>
  getPaymentIntent(id: string): Promise<PaymentIntentView>
  /** Confirms with a test payment method (`pm_card_visa`, `pm_card_chargeDeclined`): test mode only. */
  confirmPaymentIntent(input: { id: string; paymentMethod: string; idempotencyKey: string }): Promise<PaymentIntentView>
  cancelPaymentIntent(input: { id: string; idempotencyKey: string }): Promise<PaymentIntentView>
  createTransfer(input: { amount: number; currency: string; destination: string; sourceTransaction: string; transferGroup: string; metadata: Record<string, string>; idempotencyKey: string }): Promise<TransferView>
  /**
   * The processor's fee on a charge (its balance transaction's), in the currency the platform's
   * balance is kept in; null until the charge has a balance transaction.
   */
  chargeFee(chargeId: string): Promise<{ amount: number; currency: string } | null>
  listTransfers(transferGroup: string): Promise<TransferView[]>
  reverseTransfer(input: { transfer: string; amount: number; idempotencyKey: string }): Promise<TransferView>
  refund(input: { paymentIntent: string; amount: number; idempotencyKey: string }): Promise<RefundView>
  /** Verifies the signature (and its age) and reads the event; throws WebhookSignatureError. */
  parseWebhook(payload: string, signature: string): Promise<GatewayEvent>
}
