// A buyer company's approval rules: when an order needs approval and whose, in sequence.
import { randomUUID } from 'node:crypto'
import { deleteAudited } from '../audit/delete-audited.ts'
import { recordAudit } from '../audit/record-audit.ts'
import { authorize, authorizeType, may, scoped } from '../authz/scoped.ts'
import { Category } from '../catalog/category.entity.ts'
import type { Ctx } from '../ctx.ts'
import { DomainError, fail, ok, type Result } from '../errors.ts'
import { parseMoney, type Money, type ParseMoneyError } from '../money.ts'
import { sellerNamed } from '../organizations/operator-console.ts'
import { Organization } from '../organizations/organization.entity.ts'
import { APPROVER_ROLES, type ApprovalStep, type ApproverRole, type BuyerRole } from './approvals.constants.ts'
import { ApprovalRule } from './approval-rule.entity.ts'
import { companyMembers, myCompanies, myCompany, type CompanyDto, type CompanyMemberDto } from './companies.ts'
import type { ApprovalRuleInput } from './companies.schemas.ts'

export interface ApprovalRuleDto {
  id: string
  name: string
  minTotal: Money | null
  seller: { id: string; name: string } | null
  category: { id: string; nameEn: string; nameVi: string } | null
  buyerRole: BuyerRole | null
  whenLimitExceeded: boolean
  /** The approvers in sequence; a named person carries their name. */
  steps: ({ role: ApproverRole } | { userId: string; name: string })[]
  active: boolean
}

export interface CompanyApprovalsDto {
  company: CompanyDto
  /** Every company the actor may open here (its own, and those below it for its admins). */
  companies: CompanyDto[]
  canManage: boolean
  rules: ApprovalRuleDto[]
  /** The company's people, and those who may be named as a step (its approvers and admins). */
  members: CompanyMemberDto[]
  approvers: CompanyMemberDto[]
}

const mayApprove = (m: CompanyMemberDto) => (APPROVER_ROLES as readonly string[]).includes(m.role)

/** The approval rules of one of the actor's companies (its own by default), oldest first, as the chain takes them. */
export async function listApprovalRules(ctx: Ctx, organizationId?: string): Promise<CompanyApprovalsDto> {
  const companies = await myCompanies(ctx)
  const company = organizationId ? companies.find((c) => c.id === organizationId) : companies[0]
  if (!company) throw new DomainError('not_found', 'NOT_FOUND')
  const [rows, members] = await Promise.all([scoped(ctx).find(ApprovalRule, { organizationId: company.id }, { orderBy: { createdAt: 'asc', id: 'asc' } }), companyMembers(ctx, company.id)])
  const sellerIds = rows.flatMap((r) => (r.sellerId ? [r.sellerId] : []))
  const categoryIds = rows.flatMap((r) => (r.categoryId ? [r.categoryId] : []))
  const [sellers, categories] = await Promise.all([
    sellerIds.length ? ctx.em.find(Organization, { id: { $in: sellerIds } }, { fields: ['id', 'name'] }) : [],
    categoryIds.length ? scoped(ctx).find(Category, { id: { $in: categoryIds } }) : [],
  ])
  const sellerById = new Map(sellers.map((s) => [s.id, s]))
  const categoryById = new Map(categories.map((c) => [c.id, c]))
  const memberById = new Map(members.map((m) => [m.userId, m]))
  return {
    company,
    companies,
    canManage: may(ctx, 'update', ApprovalRule, { organizationId: company.id }),
    members,
    approvers: members.filter(mayApprove),
    rules: rows.map((r) => {
      const seller = r.sellerId ? sellerById.get(r.sellerId) : undefined
      const category = r.categoryId ? categoryById.get(r.categoryId) : undefined
      return {
        id: r.id,
        name: r.name,
        minTotal: r.minTotal == null ? null : { amount: r.minTotal, currency: r.currency },
        seller: seller ? { id: seller.id, name: seller.name } : null,
        category: category ? { id: category.id, nameEn: category.nameEn, nameVi: category.nameVi } : null,
        buyerRole: r.buyerRole ?? null,
        whenLimitExceeded: r.whenLimitExceeded,
        steps: r.steps.map((s) => ('role' in s ? s : { userId: s.userId, name: memberById.get(s.userId)?.name ?? '' })),
        active: r.active,
      }
    }),
  }
}

type RuleError = 'CURRENCY_NOT_COMPANY' | 'SELLER_UNKNOWN' | 'CATEGORY_UNKNOWN' | 'APPROVER_UNKNOWN' | 'NO_ONE_HOLDS_ROLE' | ParseMoneyError

/**
 * Adds or changes a rule of one of the actor's companies. Every step must name someone who can
 * approve: a role somebody in the company holds, or one of its approvers or admins.
 */
export async function saveApprovalRule(ctx: Ctx, input: ApprovalRuleInput): Promise<Result<{ id: string; organizationId: string }, RuleError>> {
  const company = await myCompany(ctx, input.organizationId)
  if (input.currency !== company.currency) return fail('CURRENCY_NOT_COMPANY', { field: 'minTotal', params: { currency: company.currency } })
  let minTotal: number | null = null
  if (input.minTotal) {
    const parsed = parseMoney(input.minTotal, company.currency)
    if (!parsed.ok) return fail(parsed.code, { field: 'minTotal' })
    minTotal = parsed.value.amount
  }
  return ctx.em.transactional(async (em) => {
    const tx = { ...ctx, em }
    const seller = input.seller ? await sellerNamed(tx, input.seller) : null
    if (input.seller && !seller) return fail('SELLER_UNKNOWN', { field: 'seller', params: { name: input.seller } })
    if (input.categoryId && !(await scoped(tx).findOne(Category, { id: input.categoryId }))) return fail('CATEGORY_UNKNOWN', { field: 'categoryId' })
    const members = await companyMembers(tx, company.id)
    const steps: ApprovalStep[] = []
    for (const [i, s] of input.steps.entries()) {
      if ((APPROVER_ROLES as readonly string[]).includes(s)) {
        if (!members.some((m) => m.role === s)) return fail('NO_ONE_HOLDS_ROLE', { field: `steps[${i}]` })
        steps.push({ role: s as ApproverRole })
      } else {
        const member = members.find((m) => m.userId === s)
        if (!member || !mayApprove(member)) return fail('APPROVER_UNKNOWN', { field: `steps[${i}]` })
        steps.push({ userId: s })
      }
    }
    const fields = {
      name: input.name,
      minTotal,
      currency: company.currency,
      sellerId: seller?.id ?? null,
      categoryId: input.categoryId ?? null,
      buyerRole: input.buyerRole ?? null,
      whenLimitExceeded: input.whenLimitExceeded,
      steps,
      active: input.active,
    }
    let row: ApprovalRule
    if (input.id) {
      row = await scoped(tx).findOneOrThrow(ApprovalRule, { id: input.id, organizationId: company.id }, 'update')
      authorize(tx, 'update', row)
      em.assign(row, fields)
    } else {
      authorizeType(tx, 'create', ApprovalRule)
      row = em.create(ApprovalRule, { id: randomUUID(), organizationId: company.id, ...fields })
      authorize(tx, 'create', row)
    }
    recordAudit(tx, { organizationId: company.id, action: 'approval_rule.saved', subjectType: 'ApprovalRule', subjectId: row.id, details: { ...fields } })
    await em.flush()
    return ok({ id: row.id, organizationId: company.id })
  })
}

export async function deleteApprovalRule(ctx: Ctx, id: string): Promise<void> {
  await deleteAudited(ctx, ApprovalRule, id, (row) => ({ action: 'approval_rule.deleted', subjectType: 'ApprovalRule', details: { name: row.name } }))
}
