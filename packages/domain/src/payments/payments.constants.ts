import type { Role } from '../users/roles.ts'

/** How an order is paid: on account (the seller's terms), or by card through Stripe Connect. */
export const PAY_BY = ['terms', 'card'] as const
export type PayBy = (typeof PAY_BY)[number]

/** Stripe's capability states for `transfers` on a connected account. */
export const CAPABILITY_STATUSES = ['active', 'inactive', 'pending'] as const

/**
 * A card payment of a checkout (one per currency). `requires_payment` waits for the buyer until
 * `expiresAt`; `expired` and `canceled` end it and its orders; `succeeded` is paid.
 */
export const PAYMENT_STATUSES = ['requires_payment', 'succeeded', 'expired', 'canceled'] as const
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number]

/** A share paid out of a card payment to a connected account. */
export const TRANSFER_STATUSES = ['queued', 'sent', 'reversed', 'failed', 'canceled'] as const
export type TransferStatus = (typeof TRANSFER_STATUSES)[number]
export const TRANSFER_ACCOUNTS = ['seller_share', 'territory_share'] as const

export const REFUND_STATUSES = ['queued', 'succeeded', 'failed'] as const

/**
 * Stripe's payout statuses: money leaving a connected account's balance for its bank. `paid`,
 * `failed` and `canceled` are final (a late event about an earlier state changes nothing).
 */
export const PAYOUT_STATUSES = ['pending', 'in_transit', 'paid', 'failed', 'canceled'] as const
export type PayoutStatus = (typeof PAYOUT_STATUSES)[number]
export const FINAL_PAYOUT_STATUSES: readonly PayoutStatus[] = ['paid', 'failed', 'canceled']

/** How long a buyer has to pay a card checkout before its orders are cancelled and stock released. */
export const PAYMENT_WINDOW_MINUTES = 30

/** The test payment methods the local Stripe accepts (test mode only). */
export const TEST_CARDS = ['pm_card_visa', 'pm_card_chargeDeclined'] as const

/** The people of a seller who connect it to Stripe and see its transfers and payouts. */
export const PAYOUT_ROLES = ['admin'] as const satisfies readonly Role[]
