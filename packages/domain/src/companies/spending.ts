// Spending limits of a buyer company: per person per order and per month, and for the company
// per month, in the company's currency.
import { randomUUID } from 'node:crypto'
import { recordAudit } from '../audit/record-audit.ts'
import { authorize, authorizeType, may, scoped } from '../authz/scoped.ts'
import type { Ctx } from '../ctx.ts'
import { fail, ok, type Result } from '../errors.ts'
import { parseMoney, type Money, type ParseMoneyError } from '../money.ts'
import { Membership } from '../users/membership.entity.ts'
import type { SpendingPeriod } from './approvals.constants.ts'
import { companyMembers, myCompanies, myCompany, type CompanyDto, type CompanyMemberDto } from './companies.ts'
import type { SpendingLimitsInput } from './companies.schemas.ts'
import { SpendingLimit } from './spending-limit.entity.ts'

export interface CompanySpendingDto {
  company: CompanyDto
  canManage: boolean
  /** The company's own limit per calendar month. */
  perMonth: Money | null
  members: (CompanyMemberDto & { perOrder: Money | null; perMonth: Money | null })[]
}

/** The limits of the actor's company, and of the companies below it for its admins. */
export async function listSpending(ctx: Ctx): Promise<CompanySpendingDto[]> {
  const companies = await myCompanies(ctx)
  const ids = companies.map((c) => c.id)
  const [limits, members] = await Promise.all([scoped(ctx).find(SpendingLimit, { organizationId: { $in: ids } }), Promise.all(companies.map((c) => companyMembers(ctx, c.id)))])
  const money = (l: SpendingLimit | undefined): Money | null => (l ? { amount: l.amount, currency: l.currency } : null)
  const find = (org: string, userId: string | null, period: SpendingPeriod) => limits.find((l) => l.organizationId === org && (l.userId ?? null) === userId && l.period === period)
  return companies.map((company, i) => ({
    company,
    canManage: may(ctx, 'update', SpendingLimit, { organizationId: company.id }),
    perMonth: money(find(company.id, null, 'month')),
    members: members[i]!.map((m) => ({ ...m, perOrder: money(find(company.id, m.userId, 'order')), perMonth: money(find(company.id, m.userId, 'month')) })),
  }))
}

type SpendingError = 'CURRENCY_NOT_COMPANY' | 'NOT_A_MEMBER' | 'LIMIT_ZERO' | ParseMoneyError

/** Sets one person's limits, or the company's; a blank amount removes that limit. */
export async function saveSpendingLimits(ctx: Ctx, input: SpendingLimitsInput): Promise<Result<{ organizationId: string }, SpendingError>> {
  const company = await myCompany(ctx, input.organizationId)
  if (input.currency !== company.currency) return fail('CURRENCY_NOT_COMPANY', { field: 'perMonth', params: { currency: company.currency } })
  const wanted: [SpendingPeriod, string | undefined][] = input.userId ? [['order', input.perOrder], ['month', input.perMonth]] : [['month', input.perMonth]]
  const amounts = new Map<SpendingPeriod, number | null>()
  for (const [period, text] of wanted) {
    if (!text) {
      amounts.set(period, null)
      continue
    }
    const parsed = parseMoney(text, company.currency)
    if (!parsed.ok) return fail(parsed.code, { field: period === 'order' ? 'perOrder' : 'perMonth' })
    if (parsed.value.amount === 0) return fail('LIMIT_ZERO', { field: period === 'order' ? 'perOrder' : 'perMonth' })
    amounts.set(period, parsed.value.amount)
  }
  return ctx.em.transactional(async (em) => {
    const tx = { ...ctx, em }
    if (input.userId && !(await scoped(tx).findOne(Membership, { organizationId: company.id, userId: input.userId }))) return fail('NOT_A_MEMBER', { field: 'perMonth' })
    const userId = input.userId ?? null
    const rows = await scoped(tx).find(SpendingLimit, { organizationId: company.id, userId }, {}, 'update')
    for (const [period, amount] of amounts) {
      const row = rows.find((r) => r.period === period)
      if (amount === null) {
        if (row) {
          authorize(tx, 'delete', row)
          em.remove(row)
        }
      } else if (row) {
        authorize(tx, 'update', row)
        row.amount = amount
        row.currency = company.currency
      } else {
        authorizeType(tx, 'create', SpendingLimit)
        const created = em.create(SpendingLimit, { id: randomUUID(), organizationId: company.id, userId, period, amount, currency: company.currency })
        authorize(tx, 'create', created)
      }
    }
    recordAudit(tx, { organizationId: company.id, action: 'spending_limit.saved', subjectType: 'SpendingLimit', subjectId: userId ?? company.id, details: { userId, currency: company.currency, ...Object.fromEntries(amounts) } })
    await em.flush()
    return ok({ organizationId: company.id })
  })
}
