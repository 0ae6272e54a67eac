// Which approvals a prospective order needs, and why: the company's approval rules and spending
// limits applied to it. Pure (`approvalChain`), so checkout and tests share it; the use case
// (`approvalChainFor`) loads the rules and limits of the buyer's company.
import { scoped } from '../authz/scoped.ts'
import { accessibleSql } from '../authz/sql.ts'
import type { Ctx } from '../ctx.ts'
import type { Currency, Money } from '../money.ts'
import { Membership } from '../users/membership.entity.ts'
import type { ApprovalStep, BuyerRole, SpendingPeriod } from './approvals.constants.ts'
import { ApprovalRule } from './approval-rule.entity.ts'
import { companyOf, myCompany } from './companies.ts'
import { SpendingLimit } from './spending-limit.entity.ts'
import { preparedRead } from '../db/prepared.ts'
import { sqlArray } from '../db/sql-array.ts'

export interface ProspectiveOrder {
  buyerUserId: string
  buyerRole: BuyerRole
  /** The order's totals, one per currency (a checkout across sellers may hold several). */
  totals: Money[]
  sellerIds: string[]
  /** The categories of its lines' products, with their ancestors. */
  categoryIds: string[]
  /**
   * What the buyer and the company already spent this calendar month in the company's currency,
   * in orders placed or approved (checkout counts them).
   */
  spentThisMonth: { user: number; company: number }
}

/** Why a rule applies: each of its conditions, as the order met it. */
export type ConditionMet =
  | { code: 'TOTAL_ABOVE'; minTotal: Money; total: Money }
  /** Amounts are never converted: a total in another currency than the rule's always meets it. */
  | { code: 'TOTAL_OTHER_CURRENCY'; minTotal: Money; currencies: Currency[] }
  | { code: 'SELLER'; sellerId: string }
  | { code: 'CATEGORY'; categoryId: string }
  | { code: 'ROLE'; role: BuyerRole }
  | { code: 'LIMIT_EXCEEDED' }
  | { code: 'EVERY_ORDER' }

export interface LimitCheck {
  scope: 'user' | 'company'
  period: SpendingPeriod
  limit: Money
  /** What the period's spending would be with this order, in the limit's currency. */
  wouldBe: Money
  /** Part of the order is in another currency, so it cannot be counted against the limit. */
  otherCurrency: boolean
  exceeded: boolean
}

export interface ApprovalChain {
  /** `none`: the order may be placed; `approval`: it waits for `steps` in order; `blocked`: a limit is exceeded and no rule lets it through approval. */
  outcome: 'none' | 'approval' | 'blocked'
  steps: { step: ApprovalStep; ruleIds: string[] }[]
  /** The rules that apply, in the order their steps were taken, each with why. */
  rules: { id: string; name: string; met: ConditionMet[] }[]
  limits: LimitCheck[]
}

export type RuleLike = Pick<ApprovalRule, 'id' | 'name' | 'minTotal' | 'currency' | 'sellerId' | 'categoryId' | 'buyerRole' | 'whenLimitExceeded' | 'steps' | 'active' | 'createdAt'>
export type LimitLike = Pick<SpendingLimit, 'userId' | 'period' | 'amount' | 'currency'>

const stepKey = (s: ApprovalStep) => ('role' in s ? `role:${s.role}` : `user:${s.userId}`)

function checkLimits(order: ProspectiveOrder, limits: LimitLike[]): LimitCheck[] {
  return limits
    .filter((l) => l.userId == null || l.userId === order.buyerUserId)
    .map((l) => {
      const inCurrency = order.totals.filter((t) => t.currency === l.currency).reduce((sum, t) => sum + t.amount, 0)
      const otherCurrency = order.totals.some((t) => t.currency !== l.currency && t.amount > 0)
      const spent = l.period === 'order' ? 0 : l.userId ? order.spentThisMonth.user : order.spentThisMonth.company
      const wouldBe = spent + inCurrency
      return { scope: l.userId ? 'user' : 'company', period: l.period, limit: { amount: l.amount, currency: l.currency }, wouldBe: { amount: wouldBe, currency: l.currency }, otherCurrency, exceeded: wouldBe > l.amount || otherCurrency } satisfies LimitCheck
    })
    .sort((a, b) => (a.scope === b.scope ? 0 : a.scope === 'user' ? -1 : 1) || (a.period === b.period ? 0 : a.period === 'order' ? -1 : 1))
}

/** The conditions a rule's order meets, or null when one of its conditions does not hold. */
function conditionsMet(rule: RuleLike, order: ProspectiveOrder, limitExceeded: boolean): ConditionMet[] | null {
  const met: ConditionMet[] = []
  if (rule.minTotal != null) {
    const minTotal = { amount: rule.minTotal, currency: rule.currency }
    const own = order.totals.find((t) => t.currency === rule.currency)
    const others = [...new Set(order.totals.filter((t) => t.currency !== rule.currency && t.amount > 0).map((t) => t.currency))]
    if (own && own.amount > rule.minTotal) met.push({ code: 'TOTAL_ABOVE', minTotal, total: own })
    else if (others.length) met.push({ code: 'TOTAL_OTHER_CURRENCY', minTotal, currencies: others })
    else return null
  }
  if (rule.sellerId) {
    if (!order.sellerIds.includes(rule.sellerId)) return null
    met.push({ code: 'SELLER', sellerId: rule.sellerId })
  }
  if (rule.categoryId) {
    if (!order.categoryIds.includes(rule.categoryId)) return null
    met.push({ code: 'CATEGORY', categoryId: rule.categoryId })
  }
  if (rule.buyerRole) {
    if (order.buyerRole !== rule.buyerRole) return null
    met.push({ code: 'ROLE', role: rule.buyerRole })
  }
  if (rule.whenLimitExceeded) {
    if (!limitExceeded) return null
    met.push({ code: 'LIMIT_EXCEEDED' })
  }
  return met.length ? met : [{ code: 'EVERY_ORDER' }]
}

/**
 * The chain a prospective order needs: every active rule whose conditions all hold adds its steps
 * in its order (rules oldest first), and a step already asked for (the same role or person) is
 * asked once. An order over a spending limit needs a rule for exceeded limits; without one it is
 * blocked.
 */
export function approvalChain(order: ProspectiveOrder, rules: RuleLike[], limits: LimitLike[]): ApprovalChain {
  const checked = checkLimits(order, limits)
  const limitExceeded = checked.some((l) => l.exceeded)
  const applying: ApprovalChain['rules'] = []
  const steps: ApprovalChain['steps'] = []
  let limitRule = false
  const ordered = rules.filter((r) => r.active).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id))
  for (const rule of ordered) {
    const met = conditionsMet(rule, order, limitExceeded)
    if (!met) continue
    if (rule.whenLimitExceeded) limitRule = true
    applying.push({ id: rule.id, name: rule.name, met })
    for (const step of rule.steps) {
      const same = steps.find((s) => stepKey(s.step) === stepKey(step))
      if (same) same.ruleIds.push(rule.id)
      else steps.push({ step, ruleIds: [rule.id] })
    }
  }
  const outcome = limitExceeded && !limitRule ? 'blocked' : steps.length ? 'approval' : 'none'
  return { outcome, steps, rules: applying, limits: checked }
}

export interface OrderLineForApproval {
  sellerId: string
  categoryId: string | null
  /** The line's total. */
  total: Money
}

/**
 * The chain an order of one of the actor's companies (its own by default) needs, placed by one
 * of that company's members (the actor by default), given what was already spent this month
 * (or how to read it: read only when a monthly limit applies).
 */
export async function approvalChainFor(
  ctx: Ctx,
  order: {
    lines: OrderLineForApproval[]
    organizationId?: string
    buyerUserId?: string
    spentThisMonth: ProspectiveOrder['spentThisMonth'] | (() => Promise<ProspectiveOrder['spentThisMonth']>)
  },
): Promise<ApprovalChain> {
  const company = order.organizationId ? (await myCompany(ctx, order.organizationId)).id : companyOf(ctx)
  const buyerUserId = order.buyerUserId ?? ctx.actor.userId!
  // The actor's own role in its active company is known; anyone else's is read.
  const own = ctx.actor.membership?.organizationId === company && ctx.actor.userId === buyerUserId ? ctx.actor.membership.role : null
  const buyerRole = own ?? (await scoped(ctx).findOneOrThrow(Membership, { organizationId: company, userId: buyerUserId })).role
  const { rules, limits } = await rulesAndLimitsOf(ctx, company)
  const totals = new Map<Currency, number>()
  for (const l of order.lines) totals.set(l.total.currency, (totals.get(l.total.currency) ?? 0) + l.total.amount)
  // Categories matter only to a rule on one, and the month's spending only to a monthly limit.
  const categoryIds = rules.some((r) => r.active && r.categoryId) ? await withAncestors(ctx, order.lines.flatMap((l) => (l.categoryId ? [l.categoryId] : []))) : []
  const monthly = limits.some((l) => l.period !== 'order' && (l.userId == null || l.userId === buyerUserId))
  const spent = typeof order.spentThisMonth !== 'function' ? order.spentThisMonth : monthly ? await order.spentThisMonth() : { user: 0, company: 0 }
  return approvalChain(
    {
      buyerUserId,
      buyerRole: buyerRole as BuyerRole,
      totals: [...totals].map(([currency, amount]) => ({ amount, currency })),
      sellerIds: [...new Set(order.lines.map((l) => l.sellerId))],
      categoryIds,
      spentThisMonth: spent,
    },
    rules,
    limits,
  )
}

/** The company's approval rules and spending limits the actor may read, in one statement (checkout asks on every placing). */
async function rulesAndLimitsOf(ctx: Ctx, company: string): Promise<{ rules: RuleLike[]; limits: LimitLike[] }> {
  const readableRule = accessibleSql(ctx, 'read', ApprovalRule, 'r.id')
  const readableLimit = accessibleSql(ctx, 'read', SpendingLimit, 'l.id')
  const [row] = await preparedRead<{ rules: (Omit<RuleLike, 'createdAt'> & { createdAt: string })[]; limits: LimitLike[] }>(
    ctx.em,
    `select (select coalesce(json_agg(json_build_object('id', r.id, 'name', r.name, 'minTotal', r.min_total, 'currency', r.currency, 'sellerId', r.seller_id, 'categoryId', r.category_id,
                      'buyerRole', r.buyer_role, 'whenLimitExceeded', r.when_limit_exceeded, 'steps', r.steps, 'active', r.active, 'createdAt', r.created_at)), '[]'::json)
               from approval_rule r where r.organization_id = ? and ${readableRule.sql}) as rules,
            (select coalesce(json_agg(json_build_object('userId', l.user_id, 'period', l.period, 'amount', l.amount, 'currency', l.currency)), '[]'::json)
               from spending_limit l where l.organization_id = ? and ${readableLimit.sql}) as limits`,
    [company, ...readableRule.params, company, ...readableLimit.params],
  )
  return { rules: row!.rules.map((r) => ({ ...r, createdAt: new Date(r.createdAt) })), limits: row!.limits }
}

/** The categories and every category above them (a rule on "Electrical" covers its subcategories). */
async function withAncestors(ctx: Ctx, ids: string[]): Promise<string[]> {
  if (!ids.length) return []
  const rows: { id: string }[] = await ctx.em.execute(
    `with recursive up(id, parent_id, depth) as (
       select id, parent_id, 0 from category where id = any(?::uuid[])
       union all select c.id, c.parent_id, up.depth + 1 from category c join up on c.id = up.parent_id where up.depth < 10
     ) select distinct id from up`,
    [sqlArray([...new Set(ids)])],
  )
  return rows.map((r) => r.id)
}
