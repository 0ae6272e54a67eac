// Who may do what with card payments: a buyer company reads its payments and its buyers pay
// them; a seller's admins connect it to the processor and read the transfers it received (a
// distributor only its own territory shares) and its payouts; the operator's support reads all.
import type { AbilityBuilder } from '@casl/ability'
import type { AppAbility } from '../authz/ability.ts'
import { CART_ROLES } from '../orders/orders.constants.ts'
import { Payment, PaymentAccount, PaymentPayout, PaymentRefund, PaymentTransfer } from './payment.entity.ts'
import { PAYOUT_ROLES } from './payments.constants.ts'

type Can = AbilityBuilder<AppAbility>['can']

export function buyerPaymentRules(can: Can, org: string, role: string): void {
  can('read', [Payment, PaymentRefund], { buyerOrgId: org })
  if ((CART_ROLES as readonly string[]).includes(role)) can('update', Payment, { buyerOrgId: org })
}

export function sellerPaymentRules(can: Can, org: string, role: string): void {
  if ((PAYOUT_ROLES as readonly string[]).includes(role)) {
    can(['read', 'update'], PaymentAccount, { organizationId: org })
    can('read', PaymentTransfer, { destinationOrgId: org })
    can('read', PaymentPayout, { organizationId: org })
  }
}

export function operatorPaymentRules(can: Can): void {
  can('read', [Payment, PaymentAccount, PaymentTransfer, PaymentRefund, PaymentPayout])
}
