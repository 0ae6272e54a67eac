// Who may do what with invoices: the buyer company reads its own; the seller reads the ones it
// issued and its billing people mark them paid; the operator's support reads all.
import type { AbilityBuilder } from '@casl/ability'
import type { AppAbility } from '../authz/ability.ts'
import { Invoice } from './invoice.entity.ts'
import { BILLING_ROLES } from './invoices.constants.ts'

type Can = AbilityBuilder<AppAbility>['can']

export function buyerInvoiceRules(can: Can, org: string): void {
  can('read', Invoice, { buyerOrgId: org })
}

export function sellerInvoiceRules(can: Can, org: string, role: string): void {
  can('read', Invoice, { sellerOrgId: org })
  if ((BILLING_ROLES as readonly string[]).includes(role)) can('update', Invoice, { sellerOrgId: org })
}

export function operatorInvoiceRules(can: Can): void {
  can('read', Invoice)
}
