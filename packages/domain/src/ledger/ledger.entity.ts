import { defineEntity, p } from '@mikro-orm/core'
import { Category } from '../catalog/category.entity.ts'
import { createdAtColumn, idColumn, updatedAtColumn } from '../db/columns.ts'
import { CURRENCIES } from '../money.ts'
import { Order } from '../orders/order.entity.ts'
import { Organization } from '../organizations/organization.entity.ts'

/** The accounts an order's money moves between. */
/**
 * `processor_fee`: what the card processor kept of a charge, paid by the operator (negative);
 * `processor`: the same amount, the processor's side (kept under the operator that pays it).
 */
export const LEDGER_ACCOUNTS = ['buyer_charge', 'seller_share', 'commission', 'territory_share', 'processor_fee', 'processor'] as const
export type LedgerAccount = (typeof LEDGER_ACCOUNTS)[number]

/**
 * One posting of the double-entry ledger, in integer minor units: the entries of one group (an
 * order placed, an order cancelled) sum to zero in their currency. The buyer's charge is
 * negative; the seller's share, the operator's commission and a territory distributor's share
 * are positive; a cancellation posts the same amounts reversed. Each entry belongs to the party
 * whose account it is (`accountOrgId`, which distributes it), and names the order's two tenants.
 */
const LedgerEntrySchema = defineEntity({
  name: 'LedgerEntry',
  tableName: 'ledger_entry',
  uniques: [{ properties: ['entryGroup', 'account', 'accountOrgId'] }],
  indexes: [{ name: 'ledger_entry_account_index', properties: ['accountOrgId', 'account', 'currency'] }],
  // A posting is never changed: a correction is another posting (a reversal).
  triggers: [{ name: 'ledger_entry_no_update', timing: 'before', events: ['update'], forEach: 'row', body: `raise exception 'ledger_entry is append-only';` }],
  properties: {
    id: idColumn(),
    entryGroup: p.string().length(80).fieldName('entry_group').index(),
    orderId: () => p.manyToOne(Order).mapToPk().fieldName('order_id').index().deleteRule('cascade'),
    buyerOrgId: () => p.manyToOne(Organization).mapToPk().fieldName('buyer_org_id').deleteRule('cascade'),
    sellerOrgId: () => p.manyToOne(Organization).mapToPk().fieldName('seller_org_id').deleteRule('cascade'),
    accountOrgId: () => p.manyToOne(Organization).mapToPk().fieldName('account_org_id').deleteRule('cascade'),
    account: p.enum(LEDGER_ACCOUNTS),
    amount: p.bigint('number'),
    currency: p.enum(CURRENCIES),
    createdAt: createdAtColumn(),
  },
})
export class LedgerEntry extends LedgerEntrySchema.class {}
LedgerEntrySchema.setClass(LedgerEntry)

/**
 * The operator's commission in basis points: the default (no seller, no category), or for one
 * seller, one category, or both. The most specific applies: seller and category, then seller,
 * then category, then the default.
 */
const CommissionRateSchema = defineEntity({
  name: 'CommissionRate',
  tableName: 'commission_rate',
  uniques: [{ name: 'commission_rate_scope_unique', expression: 'create unique index "commission_rate_scope_unique" on "commission_rate" ("seller_org_id", "category_id") nulls not distinct' }],
  checks: [{ name: 'commission_rate_bp_check', expression: 'rate_bp >= 0 and rate_bp <= 5000' }],
  properties: {
    id: idColumn(),
    sellerOrgId: () => p.manyToOne(Organization).mapToPk().nullable().fieldName('seller_org_id').deleteRule('cascade'),
    categoryId: () => p.manyToOne(Category).mapToPk().nullable().fieldName('category_id').deleteRule('cascade'),
    rateBp: p.integer().fieldName('rate_bp'),
    updatedAt: updatedAtColumn(),
  },
})
export class CommissionRate extends CommissionRateSchema.class {}
CommissionRateSchema.setClass(CommissionRate)
