import { defineEntity, p } from '@mikro-orm/core'
import { createdAtColumn, idColumn, updatedAtColumn } from '../db/columns.ts'
import { CURRENCIES } from '../money.ts'
import { Order } from '../orders/order.entity.ts'
import { Organization } from '../organizations/organization.entity.ts'
import { INVOICE_STATUSES, INVOICE_TERMS } from './invoices.constants.ts'

/**
 * The seller's invoice for one order, issued when the order is placed: numbered in the seller's
 * own sequence, due by the customer's payment terms. Two tenants (decision 012): the seller
 * issues it and distributes it; the buyer company reads it.
 */
const InvoiceSchema = defineEntity({
  name: 'Invoice',
  tableName: 'invoice',
  uniques: [{ properties: ['sellerOrgId', 'number'] }],
  indexes: [{ name: 'invoice_seller_due_index', properties: ['sellerOrgId', 'status', 'dueDate'] }],
  checks: [{ name: 'invoice_amount_check', expression: 'amount >= 0' }],
  properties: {
    id: idColumn(),
    number: p.string().length(20),
    orderId: () => p.manyToOne(Order).mapToPk().fieldName('order_id').unique().deleteRule('cascade'),
    sellerOrgId: () => p.manyToOne(Organization).mapToPk().fieldName('seller_org_id').index().deleteRule('cascade'),
    buyerOrgId: () => p.manyToOne(Organization).mapToPk().fieldName('buyer_org_id').index().deleteRule('cascade'),
    currency: p.enum(CURRENCIES),
    amount: p.bigint('number'),
    terms: p.enum(INVOICE_TERMS),
    /** The calendar day (in Vietnam) it is due: the day of issue for prepaid terms. */
    dueDate: p.string().length(10).fieldName('due_date'),
    status: p.enum(INVOICE_STATUSES).default('open'),
    paidAt: p.datetime().nullable().fieldName('paid_at'),
    issuedAt: createdAtColumn().fieldName('issued_at'),
    updatedAt: updatedAtColumn(),
  },
})
export class Invoice extends InvoiceSchema.class {}
InvoiceSchema.setClass(Invoice)

/** The last invoice number each seller issued (its own sequence, no gaps but for voided ones). */
const InvoiceCounterSchema = defineEntity({
  name: 'InvoiceCounter',
  tableName: 'invoice_counter',
  properties: {
    sellerOrgId: () => p.manyToOne(Organization).mapToPk().primary().fieldName('seller_org_id').deleteRule('cascade'),
    last: p.integer(),
  },
})
export class InvoiceCounter extends InvoiceCounterSchema.class {}
InvoiceCounterSchema.setClass(InvoiceCounter)
