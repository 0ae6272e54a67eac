import { defineEntity, p } from '@mikro-orm/core'
import { createdAtColumn, idColumn, updatedAtColumn } from '../db/columns.ts'
import type { ApprovalStep } from '../companies/approvals.constants.ts'
import { CURRENCIES } from '../money.ts'
import { Offer } from '../offers/offer.entity.ts'
import { Organization } from '../organizations/organization.entity.ts'
import type { PlaceFields } from '../organizations/place.ts'
import { User } from '../users/user.entity.ts'
import { ORDER_STATUSES } from './orders.constants.ts'
import { PAY_BY } from '../payments/payments.constants.ts'

/** Where an order goes, as it was when placed (a ship-to address may change or go later). */
export type ShipToSnapshot = PlaceFields & { id: string }

/**
 * One checkout: what a buyer placed at once with several sellers (one order each). `token` is
 * the checkout form's own id: submitting the same form twice finds the first checkout.
 */
const CheckoutSchema = defineEntity({
  name: 'Checkout',
  tableName: 'checkout',
  properties: {
    id: idColumn(),
    buyerOrgId: () => p.manyToOne(Organization).mapToPk().fieldName('buyer_org_id').index().deleteRule('cascade'),
    userId: () => p.manyToOne(User).mapToPk().fieldName('user_id').deleteRule('cascade'),
    token: p.uuid().unique(),
    poNumber: p.string().length(64).default(''),
    /** The approvals its orders wait for, in order (empty: none), and how many are given. */
    approvalSteps: p.json<ApprovalStep[]>().fieldName('approval_steps'),
    approvalsDone: p.integer().default(0).fieldName('approvals_done'),
    /** Why approval is needed, as the approval chain explained it (shown to approvers). */
    approvalReasons: p.json<unknown[]>().fieldName('approval_reasons'),
    createdAt: createdAtColumn(),
  },
})
export class Checkout extends CheckoutSchema.class {}
CheckoutSchema.setClass(Checkout)

/**
 * One seller's part of a checkout, in one currency. It belongs to two tenants: the buyer company
 * (`buyerOrgId`) and the seller (`sellerOrgId`); decision 012 says which distributes it.
 */
const OrderSchema = defineEntity({
  name: 'Order',
  tableName: 'orders',
  // What a company spent this month is read by company and date.
  indexes: [{ name: 'orders_buyer_month_index', properties: ['buyerOrgId', 'createdAt'] }],
  checks: [{ name: 'orders_subtotal_check', expression: 'subtotal >= 0' }],
  properties: {
    id: idColumn(),
    number: p.string().length(20).unique(),
    checkoutId: () => p.manyToOne(Checkout).mapToPk().fieldName('checkout_id').index().deleteRule('cascade'),
    buyerOrgId: () => p.manyToOne(Organization).mapToPk().fieldName('buyer_org_id').index().deleteRule('cascade'),
    sellerOrgId: () => p.manyToOne(Organization).mapToPk().fieldName('seller_org_id').index().deleteRule('cascade'),
    placedById: () => p.manyToOne(User).mapToPk().fieldName('placed_by_id').deleteRule('cascade'),
    status: p.enum(ORDER_STATUSES).index(),
    currency: p.enum(CURRENCIES),
    subtotal: p.bigint('number'),
    /** On account (the seller's terms), or by card through the processor (a seller with transfers active). */
    payBy: p.enum(PAY_BY).default('terms').fieldName('pay_by'),
    poNumber: p.string().length(64).default(''),
    requestedDate: p.string().length(10).nullable().fieldName('requested_date'),
    notes: p.text().default(''),
    shipTo: p.json<ShipToSnapshot>().fieldName('ship_to'),
    carrier: p.string().length(100).nullable(),
    trackingNumber: p.string().length(100).nullable().fieldName('tracking_number'),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
})
export class Order extends OrderSchema.class {}
OrderSchema.setClass(Order)

/** Units taken from one warehouse for a line (given back if the order is cancelled). */
export interface Allocation {
  warehouseId: string
  quantity: number
}

/** A line of an order, priced when placed: the price list that won is named as it was. */
const OrderLineSchema = defineEntity({
  name: 'OrderLine',
  tableName: 'order_line',
  checks: [
    { name: 'order_line_amounts_check', expression: 'quantity > 0 and unit_amount >= 0 and line_total = unit_amount * quantity' },
    { name: 'order_line_shipped_check', expression: 'shipped_quantity >= 0 and shipped_quantity <= quantity' },
  ],
  properties: {
    id: idColumn(),
    orderId: () => p.manyToOne(Order).mapToPk().fieldName('order_id').index().deleteRule('cascade'),
    buyerOrgId: () => p.manyToOne(Organization).mapToPk().fieldName('buyer_org_id').index().deleteRule('cascade'),
    sellerOrgId: () => p.manyToOne(Organization).mapToPk().fieldName('seller_org_id').index().deleteRule('cascade'),
    offerId: () => p.manyToOne(Offer).mapToPk().nullable().fieldName('offer_id').index().deleteRule('set null'),
    productId: p.uuid().fieldName('product_id'),
    sku: p.string().length(80),
    productName: p.json<{ en: string; vi: string }>().fieldName('product_name'),
    quantity: p.integer(),
    /** Units sent in shipments so far. */
    shippedQuantity: p.integer().default(0).fieldName('shipped_quantity'),
    unitAmount: p.bigint('number').fieldName('unit_amount'),
    currency: p.enum(CURRENCIES),
    lineTotal: p.bigint('number').fieldName('line_total'),
    priceListName: p.string().length(200).nullable().fieldName('price_list_name'),
    allocations: p.json<Allocation[]>(),
  },
})
export class OrderLine extends OrderLineSchema.class {}
OrderLineSchema.setClass(OrderLine)

/** What one shipment of an order carried: units of its lines. */
export interface ShipmentLine {
  lineId: string
  sku: string
  quantity: number
}

/** A parcel the seller sent for an order, with its carrier and tracking number. Two tenants, like its order. */
const ShipmentSchema = defineEntity({
  name: 'Shipment',
  tableName: 'shipment',
  properties: {
    id: idColumn(),
    orderId: () => p.manyToOne(Order).mapToPk().fieldName('order_id').index().deleteRule('cascade'),
    buyerOrgId: () => p.manyToOne(Organization).mapToPk().fieldName('buyer_org_id').deleteRule('cascade'),
    sellerOrgId: () => p.manyToOne(Organization).mapToPk().fieldName('seller_org_id').deleteRule('cascade'),
    carrier: p.string().length(100),
    trackingNumber: p.string().length(100).nullable().fieldName('tracking_number'),
    lines: p.json<ShipmentLine[]>(),
    createdAt: createdAtColumn(),
  },
})
export class Shipment extends ShipmentSchema.class {}
ShipmentSchema.setClass(Shipment)

/** A decision on one step of a checkout's approval chain (one per step: a double submit finds it taken). */
const CheckoutApprovalSchema = defineEntity({
  name: 'CheckoutApproval',
  tableName: 'checkout_approval',
  uniques: [{ properties: ['checkoutId', 'step'] }],
  properties: {
    id: idColumn(),
    checkoutId: () => p.manyToOne(Checkout).mapToPk().fieldName('checkout_id').index().deleteRule('cascade'),
    buyerOrgId: () => p.manyToOne(Organization).mapToPk().fieldName('buyer_org_id').index().deleteRule('cascade'),
    step: p.integer(),
    userId: () => p.manyToOne(User).mapToPk().fieldName('user_id').deleteRule('cascade'),
    decision: p.enum(['approved', 'rejected'] as const),
    comment: p.text().default(''),
    createdAt: createdAtColumn(),
  },
})
export class CheckoutApproval extends CheckoutApprovalSchema.class {}
CheckoutApprovalSchema.setClass(CheckoutApproval)
