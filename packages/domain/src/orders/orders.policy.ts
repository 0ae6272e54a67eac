// Who may do what with carts, checkouts and orders: the ability composes these rules. Orders
// belong to two tenants, so each side's rules name its own column.
import type { AbilityBuilder } from '@casl/ability'
import type { AppAbility } from '../authz/ability.ts'
import type { Actor } from '../authz/actor.ts'
import { CartLine } from './cart-line.entity.ts'
import { Checkout, CheckoutApproval, Order, OrderLine } from './order.entity.ts'
import { CART_ROLES, ORDER_ROLES, type OrderStatus } from './orders.constants.ts'

type Can = AbilityBuilder<AppAbility>['can']
const has = (roles: readonly string[], role: string) => roles.includes(role)

/** A buyer company's people: their own cart; the company's checkouts and orders. */
export function buyerOrderRules(can: Can, actor: Actor, org: string, role: string): void {
  if (actor.userId && has(CART_ROLES, role)) {
    can(['read', 'create', 'update', 'delete'], CartLine, { buyerOrgId: org, userId: actor.userId })
    can('create', Checkout, { buyerOrgId: org })
    can('cancel', Order, { buyerOrgId: org })
  }
  can('read', [Checkout, Order, OrderLine, CheckoutApproval], { buyerOrgId: org })
  if (role === 'admin' || role === 'approver') can('approve', Order, { buyerOrgId: org })
}

/** A seller's people read the orders placed with it (not those still waiting for the buyer's approval); some work them. */
export function sellerOrderRules(can: Can, org: string, role: string): void {
  const placed = { sellerOrgId: org, status: { $nin: ['pending_approval', 'rejected'] as OrderStatus[] } }
  can('read', [Order], placed)
  can('read', [OrderLine], { sellerOrgId: org })
  if (has(ORDER_ROLES, role)) can('update', Order, placed)
}

/** The operator's support reads every order (to answer "where is my order"). */
export function operatorOrderRules(can: Can): void {
  can('read', [Order, OrderLine])
}
