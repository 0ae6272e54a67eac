import type { Role } from '../users/roles.ts'

/**
 * An order's life with one seller. `pending_approval` waits for the buyer company's approvers;
 * `placed` is with the seller; `partially_shipped` has shipments and lines still to ship;
 * `rejected` and `cancelled` end it (its stock goes back).
 */
export const ORDER_STATUSES = ['pending_approval', 'placed', 'confirmed', 'partially_shipped', 'shipped', 'delivered', 'completed', 'rejected', 'cancelled'] as const
export type OrderStatus = (typeof ORDER_STATUSES)[number]

/** The orders a spending limit counts: approved or placed, and not ended. */
export const COUNTED_ORDER_STATUSES = ['placed', 'confirmed', 'partially_shipped', 'shipped', 'delivered', 'completed'] as const satisfies readonly OrderStatus[]

/**
 * Which statuses each seller step moves an order from, and to. Shipping sends some or all of what
 * is left: the order is `shipped` once every line is, `partially_shipped` until then.
 */
export const SELLER_TRANSITIONS = {
  confirm: { from: ['placed'], to: 'confirmed' },
  ship: { from: ['confirmed', 'partially_shipped'], to: 'shipped' },
  deliver: { from: ['shipped'], to: 'delivered' },
  complete: { from: ['delivered'], to: 'completed' },
  cancel: { from: ['placed', 'confirmed'], to: 'cancelled' },
} as const satisfies Record<string, { from: readonly OrderStatus[]; to: OrderStatus }>
export type SellerStep = keyof typeof SELLER_TRANSITIONS
export const SELLER_STEPS = Object.keys(SELLER_TRANSITIONS) as SellerStep[]

/** The people of a buyer company who fill a cart and check out (a viewer only looks). */
export const CART_ROLES = ['admin', 'approver', 'buyer'] as const satisfies readonly Role[]
/** The people of a seller who work its orders. */
export const ORDER_ROLES = ['admin', 'sales', 'fulfillment'] as const satisfies readonly Role[]

export const PO_NUMBER_MAX = 64
export const CART_MAX_LINES = 200
/** The most units one cart line holds. */
export const CART_MAX_QUANTITY = 1_000_000
/** Quick order: at most this many lines in one paste. */
export const QUICK_ORDER_MAX_LINES = 100
