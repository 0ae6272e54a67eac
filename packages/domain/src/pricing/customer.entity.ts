import { defineEntity, p } from '@mikro-orm/core'
import { createdAtColumn, idColumn, updatedAtColumn } from '../db/columns.ts'
import { PAYMENT_TERMS } from '../invoices/invoices.constants.ts'
import { CURRENCIES } from '../money.ts'
import { Organization } from '../organizations/organization.entity.ts'
import { CustomerGroup } from './customer-group.entity.ts'

/**
 * The relationship between a seller (the tenant that owns the row) and a buyer company: the
 * seller's account number for it, its customer group, and whether it is approved. Only an
 * approved customer gets the prices of its group, its company lists and its contracts.
 */
const CustomerSchema = defineEntity({
  name: 'Customer',
  tableName: 'customer',
  uniques: [{ properties: ['organizationId', 'buyerId'] }],
  checks: [{ name: 'customer_credit_check', expression: '(credit_limit is null) = (credit_currency is null) and (credit_limit is null or credit_limit >= 0)' }],
  properties: {
    id: idColumn(),
    organizationId: () => p.manyToOne(Organization).mapToPk().fieldName('organization_id').index().deleteRule('cascade'),
    buyerId: () => p.manyToOne(Organization).mapToPk().fieldName('buyer_id').index().deleteRule('cascade'),
    groupId: () => p.manyToOne(CustomerGroup).mapToPk().nullable().fieldName('group_id').index().deleteRule('set null'),
    accountNumber: p.string().length(60).nullable(),
    approved: p.boolean().default(true),
    /** How this customer pays the seller on account, and how much it may owe at once (null: no limit), in the seller's currency. */
    paymentTerms: p.enum(PAYMENT_TERMS).default('net30').fieldName('payment_terms'),
    creditLimit: p.bigint('number').nullable().fieldName('credit_limit'),
    creditCurrency: p.enum(CURRENCIES).nullable().fieldName('credit_currency'),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
})
export class Customer extends CustomerSchema.class {}
CustomerSchema.setClass(Customer)
