import { defineEntity, p } from '@mikro-orm/core'
import { createdAtColumn, idColumn, updatedAtColumn } from '../db/columns.ts'
import { CURRENCIES } from '../money.ts'
import { Organization } from '../organizations/organization.entity.ts'
import { User } from '../users/user.entity.ts'
import { SPENDING_PERIODS } from './approvals.constants.ts'

/**
 * How much a buyer company lets one of its people spend per order or per calendar month, or the
 * company as a whole per month (no user), in the company's currency.
 */
const SpendingLimitSchema = defineEntity({
  name: 'SpendingLimit',
  tableName: 'spending_limit',
  // One limit per person and period, and one for the company (no person) per month.
  uniques: [{ name: 'spending_limit_unique', expression: 'create unique index "spending_limit_unique" on "spending_limit" ("organization_id", "user_id", "period") nulls not distinct' }],
  checks: [
    { name: 'spending_limit_amount_check', expression: 'amount > 0' },
    { name: 'spending_limit_company_check', expression: "user_id is not null or period = 'month'" },
  ],
  properties: {
    id: idColumn(),
    organizationId: () => p.manyToOne(Organization).mapToPk().fieldName('organization_id').index().deleteRule('cascade'),
    userId: () => p.manyToOne(User).mapToPk().nullable().fieldName('user_id').deleteRule('cascade'),
    period: p.enum(SPENDING_PERIODS),
    amount: p.bigint('number'),
    currency: p.enum(CURRENCIES),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
})
export class SpendingLimit extends SpendingLimitSchema.class {}
SpendingLimitSchema.setClass(SpendingLimit)
