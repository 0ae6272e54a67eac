import { defineEntity, p } from '@mikro-orm/core'
import { createdAtColumn, idColumn, updatedAtColumn } from '../db/columns.ts'
import { CURRENCIES } from '../money.ts'
import { Checkout, Order } from '../orders/order.entity.ts'
import { Organization } from '../organizations/organization.entity.ts'
import { CAPABILITY_STATUSES, PAYMENT_STATUSES, PAYOUT_STATUSES, REFUND_STATUSES, TRANSFER_ACCOUNTS, TRANSFER_STATUSES } from './payments.constants.ts'

/** A seller's (or distributor's) connected account with the card processor, as its last event said. */
const PaymentAccountSchema = defineEntity({
  name: 'PaymentAccount',
  tableName: 'payment_account',
  properties: {
    id: idColumn(),
    organizationId: () => p.manyToOne(Organization).mapToPk().fieldName('organization_id').unique().deleteRule('cascade'),
    providerAccountId: p.string().length(64).unique().fieldName('provider_account_id'),
    country: p.string().length(2),
    transfers: p.enum(CAPABILITY_STATUSES).default('inactive'),
    detailsSubmitted: p.boolean().default(false).fieldName('details_submitted'),
    /** When the processor created the state we hold (events arrive out of order: older ones are ignored). */
    providerUpdatedAt: p.integer().default(0).fieldName('provider_updated_at'),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
})
export class PaymentAccount extends PaymentAccountSchema.class {}
PaymentAccountSchema.setClass(PaymentAccount)

/** One card payment of a checkout, in one currency: one PaymentIntent on the platform. */
const PaymentSchema = defineEntity({
  name: 'Payment',
  tableName: 'payment',
  uniques: [{ properties: ['checkoutId', 'currency'] }],
  indexes: [{ name: 'payment_status_expires_index', properties: ['status', 'expiresAt'] }],
  checks: [{ name: 'payment_amount_check', expression: 'amount > 0 and amount_refunded >= 0 and amount_refunded <= amount' }],
  properties: {
    id: idColumn(),
    checkoutId: () => p.manyToOne(Checkout).mapToPk().fieldName('checkout_id').deleteRule('cascade'),
    buyerOrgId: () => p.manyToOne(Organization).mapToPk().fieldName('buyer_org_id').index().deleteRule('cascade'),
    currency: p.enum(CURRENCIES),
    amount: p.bigint('number'),
    status: p.enum(PAYMENT_STATUSES).default('requires_payment'),
    intentId: p.string().length(64).nullable().unique().fieldName('intent_id'),
    /** The amount the intent was created for (a cancelled order makes a new intent for the rest). */
    intentAmount: p.bigint('number').nullable().fieldName('intent_amount'),
    chargeId: p.string().length(64).nullable().fieldName('charge_id'),
    amountRefunded: p.bigint('number').default(0).fieldName('amount_refunded'),
    lastError: p.string().length(300).nullable().fieldName('last_error'),
    expiresAt: p.datetime().fieldName('expires_at'),
    paidAt: p.datetime().nullable().fieldName('paid_at'),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
})
export class Payment extends PaymentSchema.class {}
PaymentSchema.setClass(Payment)

/**
 * A share of a card payment sent to a connected account: one per order, account and party (a
 * replayed webhook or a retried job finds it). The party distributes it (decision 012).
 */
const PaymentTransferSchema = defineEntity({
  name: 'PaymentTransfer',
  tableName: 'payment_transfer',
  uniques: [{ properties: ['orderId', 'account', 'destinationOrgId'] }],
  checks: [{ name: 'payment_transfer_amount_check', expression: 'amount > 0 and amount_reversed >= 0 and amount_reversed <= amount' }],
  properties: {
    id: idColumn(),
    paymentId: () => p.manyToOne(Payment).mapToPk().fieldName('payment_id').index().deleteRule('cascade'),
    orderId: () => p.manyToOne(Order).mapToPk().fieldName('order_id').deleteRule('cascade'),
    account: p.enum(TRANSFER_ACCOUNTS),
    destinationOrgId: () => p.manyToOne(Organization).mapToPk().fieldName('destination_org_id').index().deleteRule('cascade'),
    buyerOrgId: () => p.manyToOne(Organization).mapToPk().fieldName('buyer_org_id').deleteRule('cascade'),
    currency: p.enum(CURRENCIES),
    amount: p.bigint('number'),
    amountReversed: p.bigint('number').default(0).fieldName('amount_reversed'),
    status: p.enum(TRANSFER_STATUSES).default('queued'),
    providerTransferId: p.string().length(64).nullable().unique().fieldName('provider_transfer_id'),
    lastError: p.string().length(300).nullable().fieldName('last_error'),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
})
export class PaymentTransfer extends PaymentTransferSchema.class {}
PaymentTransferSchema.setClass(PaymentTransfer)

/**
 * A refund: of a cancelled card order (its whole total, and its transfers reversed), or of an
 * intent paid for nothing (superseded, or paid after its payment expired; no order).
 */
const PaymentRefundSchema = defineEntity({
  name: 'PaymentRefund',
  tableName: 'payment_refund',
  checks: [{ name: 'payment_refund_amount_check', expression: 'amount > 0' }],
  properties: {
    id: idColumn(),
    paymentId: () => p.manyToOne(Payment).mapToPk().fieldName('payment_id').index().deleteRule('cascade'),
    orderId: () => p.manyToOne(Order).mapToPk().fieldName('order_id').nullable().unique().deleteRule('cascade'),
    intentId: p.string().length(64).fieldName('intent_id').index(),
    buyerOrgId: () => p.manyToOne(Organization).mapToPk().fieldName('buyer_org_id').deleteRule('cascade'),
    currency: p.enum(CURRENCIES),
    amount: p.bigint('number'),
    status: p.enum(REFUND_STATUSES).default('queued'),
    providerRefundId: p.string().length(64).nullable().fieldName('provider_refund_id'),
    lastError: p.string().length(300).nullable().fieldName('last_error'),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
})
export class PaymentRefund extends PaymentRefundSchema.class {}
PaymentRefundSchema.setClass(PaymentRefund)

/** Webhook events handled, by the processor's event id: a replayed event is answered and ignored. */
const WebhookEventSchema = defineEntity({
  name: 'WebhookEvent',
  tableName: 'webhook_event',
  properties: {
    id: p.string().length(64).primary(),
    type: p.string().length(64),
    receivedAt: createdAtColumn().fieldName('received_at'),
  },
})
export class WebhookEvent extends WebhookEventSchema.class {}
WebhookEventSchema.setClass(WebhookEvent)

/**
 * A payout of a connected account to its bank, as the processor's last event about it said: the
 * processor pays out an account's balance on its own schedule, so these come from events only.
 * The account's organization distributes it.
 */
const PaymentPayoutSchema = defineEntity({
  name: 'PaymentPayout',
  tableName: 'payment_payout',
  indexes: [{ name: 'payment_payout_org_created_index', properties: ['organizationId', 'providerCreatedAt'] }],
  properties: {
    id: idColumn(),
    organizationId: () => p.manyToOne(Organization).mapToPk().fieldName('organization_id').deleteRule('cascade'),
    providerPayoutId: p.string().length(64).unique().fieldName('provider_payout_id'),
    amount: p.bigint('number'),
    currency: p.enum(CURRENCIES),
    status: p.enum(PAYOUT_STATUSES),
    /** The day the bank should have it, as a calendar day in Vietnam (as the apps show days). */
    arrivalDate: p.string().length(10).fieldName('arrival_date'),
    failureMessage: p.string().length(300).nullable().fieldName('failure_message'),
    /** When the processor created the payout (seconds), and the event whose state we hold. */
    providerCreatedAt: p.integer().fieldName('provider_created_at'),
    providerUpdatedAt: p.integer().fieldName('provider_updated_at'),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
})
export class PaymentPayout extends PaymentPayoutSchema.class {}
PaymentPayoutSchema.setClass(PaymentPayout)
