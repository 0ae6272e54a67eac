import { defineEntity, p } from '@mikro-orm/core'
import { Category } from '../catalog/category.entity.ts'
import { createdAtColumn, idColumn, updatedAtColumn } from '../db/columns.ts'
import { CURRENCIES } from '../money.ts'
import { Organization } from '../organizations/organization.entity.ts'
import { BUYER_ROLES, type ApprovalStep } from './approvals.constants.ts'

/**
 * When a buyer company's order needs approval, and by whom, in sequence. Every condition that is
 * set must hold (an order above an amount, from a seller, with a line in a category, placed by
 * someone of a role, or over a spending limit); a rule with none applies to every order.
 */
const ApprovalRuleSchema = defineEntity({
  name: 'ApprovalRule',
  tableName: 'approval_rule',
  uniques: [{ properties: ['organizationId', 'name'] }],
  checks: [
    { name: 'approval_rule_steps_check', expression: "jsonb_array_length(steps) >= 1 and jsonb_array_length(steps) <= 4" },
    { name: 'approval_rule_total_check', expression: 'min_total is null or min_total >= 0' },
  ],
  properties: {
    id: idColumn(),
    organizationId: () => p.manyToOne(Organization).mapToPk().fieldName('organization_id').index().deleteRule('cascade'),
    name: p.string().length(120),
    /** The order total (in `currency`, the company's) this rule applies above. */
    minTotal: p.bigint('number').nullable(),
    currency: p.enum(CURRENCIES),
    sellerId: () => p.manyToOne(Organization).mapToPk().nullable().fieldName('seller_id'),
    categoryId: () => p.manyToOne(Category).mapToPk().nullable().fieldName('category_id'),
    buyerRole: p.enum(BUYER_ROLES).nullable(),
    whenLimitExceeded: p.boolean().default(false),
    steps: p.json<ApprovalStep[]>(),
    active: p.boolean().default(true),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
})
export class ApprovalRule extends ApprovalRuleSchema.class {}
ApprovalRuleSchema.setClass(ApprovalRule)
