import { describe, expect, it } from 'vitest'
import { createCategory, createOrganization } from '../testing/factories.ts'
import { useTestDatabase } from '../testing/test-database.ts'
import { resolveActor } from '../users/memberships.ts'
import { approvalChain, approvalChainFor, type ProspectiveOrder, type RuleLike } from './approval-chain.ts'
import { ApprovalRule } from './approval-rule.entity.ts'
import { deleteApprovalRule, listApprovalRules, saveApprovalRule } from './approval-rules.ts'
import { ApprovalRuleInputSchema, SpendingLimitsInputSchema } from './companies.schemas.ts'
import { SpendingLimit } from './spending-limit.entity.ts'
import { listSpending, saveSpendingLimits } from './spending.ts'

const db = useTestDatabase()
const vnd = (amount: number) => ({ amount, currency: 'VND' as const })

let seq = 0
const rule = (over: Partial<RuleLike>): RuleLike => ({
  id: `00000000-0000-4000-8000-${String(++seq).padStart(12, '0')}`,
  name: `Rule ${seq}`,
  minTotal: null,
  currency: 'VND',
  sellerId: null,
  categoryId: null,
  buyerRole: null,
  whenLimitExceeded: false,
  steps: [{ role: 'approver' }],
  active: true,
  createdAt: new Date(Date.UTC(2026, 0, 1, 0, seq)),
  ...over,
})
const order = (over: Partial<ProspectiveOrder> = {}): ProspectiveOrder => ({ buyerUserId: 'u1', buyerRole: 'buyer', totals: [vnd(1_000_000)], sellerIds: ['s1'], categoryIds: ['c1'], spentThisMonth: { user: 0, company: 0 }, ...over })

describe('the approval chain of a prospective order', () => {
  it('takes every rule whose conditions all hold, in rule order, asking each approver once', () => {
    const big = rule({ name: 'Above 50 million', minTotal: 50_000_000, steps: [{ role: 'approver' }, { role: 'admin' }] })
    const seller = rule({ name: 'From s1', sellerId: 's1', steps: [{ role: 'approver' }] })
    const both = rule({ name: 'Buyers buying c1', buyerRole: 'buyer', categoryId: 'c1', steps: [{ userId: 'boss' }] })
    const paused = rule({ name: 'Paused', active: false })
    const viewerOnly = rule({ name: 'Viewers', buyerRole: 'viewer' })

    const small = approvalChain(order(), [big, seller, both, paused, viewerOnly], [])
    expect(small.outcome).toBe('approval')
    expect(small.rules.map((r) => r.name)).toEqual(['From s1', 'Buyers buying c1'])
    expect(small.rules[1]!.met).toEqual([{ code: 'CATEGORY', categoryId: 'c1' }, { code: 'ROLE', role: 'buyer' }])
    expect(small.steps).toEqual([{ step: { role: 'approver' }, ruleIds: [seller.id] }, { step: { userId: 'boss' }, ruleIds: [both.id] }])

    // 50,000,000 is not above 50,000,000; one more đồng is.
    expect(approvalChain(order({ totals: [vnd(50_000_000)], sellerIds: [] }), [big], []).outcome).toBe('none')
    const large = approvalChain(order({ totals: [vnd(50_000_001)] }), [big, seller, both], [])
    expect(large.steps.map((s) => [s.step, s.ruleIds.length])).toEqual([[{ role: 'approver' }, 2], [{ role: 'admin' }, 1], [{ userId: 'boss' }, 1]])
    expect(large.rules[0]!.met).toEqual([{ code: 'TOTAL_ABOVE', minTotal: vnd(50_000_000), total: vnd(50_000_001) }])

    // A rule without conditions covers every order.
    expect(approvalChain(order({ sellerIds: [], categoryIds: [] }), [rule({ name: 'All' })], []).rules[0]!.met).toEqual([{ code: 'EVERY_ORDER' }])
  })

  it('never converts: a total in another currency always meets an amount condition and a limit', () => {
    const big = rule({ minTotal: 50_000_000 })
    const sgd = order({ totals: [{ amount: 1_000, currency: 'SGD' }] })
    expect(approvalChain(sgd, [big], []).rules[0]!.met).toEqual([{ code: 'TOTAL_OTHER_CURRENCY', minTotal: vnd(50_000_000), currencies: ['SGD'] }])
    const limits = approvalChain(sgd, [], [{ userId: 'u1', period: 'order', amount: 100_000_000, currency: 'VND' }]).limits
    expect(limits).toEqual([{ scope: 'user', period: 'order', limit: vnd(100_000_000), wouldBe: vnd(0), otherCurrency: true, exceeded: true }])
  })

  it('blocks an order over a limit unless a rule for exceeded limits lets it through approval', () => {
    const limits = [
      { userId: 'u1', period: 'order' as const, amount: 5_000_000, currency: 'VND' as const },
      { userId: 'u1', period: 'month' as const, amount: 20_000_000, currency: 'VND' as const },
      { userId: 'someone-else', period: 'order' as const, amount: 1, currency: 'VND' as const },
      { userId: null, period: 'month' as const, amount: 100_000_000, currency: 'VND' as const },
    ]
    const within = approvalChain(order({ totals: [vnd(5_000_000)], spentThisMonth: { user: 15_000_000, company: 95_000_000 } }), [], limits)
    expect(within.outcome).toBe('none')
    expect(within.limits.map((l) => [l.scope, l.period, l.wouldBe.amount, l.exceeded])).toEqual([['user', 'order', 5_000_000, false], ['user', 'month', 20_000_000, false], ['company', 'month', 100_000_000, false]])

    const over = order({ totals: [vnd(5_000_000)], spentThisMonth: { user: 15_000_001, company: 0 } })
    const blocked = approvalChain(over, [rule({ minTotal: 1_000_000 })], limits)
    expect(blocked.outcome).toBe('blocked')
    expect(blocked.limits.filter((l) => l.exceeded).map((l) => [l.scope, l.period])).toEqual([['user', 'month']])

    const limitRule = rule({ name: 'Over a limit', whenLimitExceeded: true, steps: [{ role: 'admin' }] })
    const allowed = approvalChain(over, [limitRule], limits)
    expect(allowed.outcome).toBe('approval')
    expect(allowed.rules).toEqual([{ id: limitRule.id, name: 'Over a limit', met: [{ code: 'LIMIT_EXCEEDED' }] }])
    // Within the limits, that rule does not apply.
    expect(approvalChain(order(), [limitRule], limits).outcome).toBe('none')
  })
})

describe('approval rules and spending limits', () => {
  it('an admin keeps the rules; every step must name someone who can approve; bad input saves nothing', async () => {
    const em = db().orm.em.fork()
    const company = await createOrganization(em, { kind: 'buyer', roles: ['buyer'] })
    const seller = await createOrganization(em, { kind: 'distributor' })
    const parent = await createCategory(em)
    const child = await createCategory(em, { parentId: parent.id })
    const admin = db().ctx(company.admin.actor)
    const input = (over: Record<string, unknown> = {}) => ApprovalRuleInputSchema.parse({ organizationId: company.org.id, name: 'Big orders', currency: 'VND', minTotal: '50.000.000', steps: ['admin'], active: true, ...over })

    // The schema: no approver, the same approver twice.
    expect(ApprovalRuleInputSchema.safeParse({ organizationId: company.org.id, name: 'x', currency: 'VND', steps: ['', ''] }).error?.issues.map((i) => i.message)).toEqual(['APPROVER_REQUIRED'])
    expect(ApprovalRuleInputSchema.safeParse({ organizationId: company.org.id, name: 'x', currency: 'VND', steps: ['admin', 'admin'] }).error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['steps.1', 'STEP_REPEATED']])

    // Business rules, each refused whole.
    expect(await saveApprovalRule(admin, input({ steps: ['approver'] }))).toMatchObject({ ok: false, error: { code: 'NO_ONE_HOLDS_ROLE', field: 'steps[0]' } })
    expect(await saveApprovalRule(admin, input({ steps: ['admin', company.members.buyer!.user.id] }))).toMatchObject({ ok: false, error: { code: 'APPROVER_UNKNOWN', field: 'steps[1]' } })
    expect(await saveApprovalRule(admin, input({ steps: [seller.admin.user.id] }))).toMatchObject({ ok: false, error: { code: 'APPROVER_UNKNOWN' } })
    expect(await saveApprovalRule(admin, input({ currency: 'USD' }))).toMatchObject({ ok: false, error: { code: 'CURRENCY_NOT_COMPANY', field: 'minTotal' } })
    expect(await saveApprovalRule(admin, input({ minTotal: '12,5' }))).toMatchObject({ ok: false, error: { code: 'PRICE_TOO_PRECISE', field: 'minTotal' } })
    expect(await saveApprovalRule(admin, input({ seller: company.org.name }))).toMatchObject({ ok: false, error: { code: 'SELLER_UNKNOWN', field: 'seller' } })
    expect(await em.fork().count(ApprovalRule, { organizationId: company.org.id })).toBe(0)
    await expect(saveApprovalRule(db().ctx(company.members.buyer!.actor), input())).rejects.toMatchObject({ kind: 'forbidden' })

    const saved = await saveApprovalRule(admin, input({ seller: seller.org.name.toUpperCase(), categoryId: parent.id, steps: ['admin', company.admin.user.id] }))
    expect(saved.ok).toBe(true)
    const listed = await listApprovalRules(db().ctx(company.members.buyer!.actor))
    expect(listed.canManage).toBe(false)
    expect(listed.rules).toMatchObject([{ name: 'Big orders', minTotal: vnd(50_000_000), seller: { name: seller.org.name }, category: { id: parent.id }, steps: [{ role: 'admin' }, { userId: company.admin.user.id, name: company.admin.user.name }] }])

    // The chain for a real order: a product in a subcategory meets a rule on its parent category.
    const line = { sellerId: seller.org.id, categoryId: child.id, total: vnd(30_000_000) }
    expect((await approvalChainFor(db().ctx(company.members.buyer!.actor), { lines: [line], spentThisMonth: { user: 0, company: 0 } })).outcome).toBe('none')
    const chain = await approvalChainFor(db().ctx(company.members.buyer!.actor), { lines: [line, { ...line, total: vnd(30_000_000) }], spentThisMonth: { user: 0, company: 0 } })
    expect(chain.outcome).toBe('approval')
    expect(chain.rules[0]!.met.map((m) => m.code)).toEqual(['TOTAL_ABOVE', 'SELLER', 'CATEGORY'])

    // Another company never reaches it.
    const other = await createOrganization(em, { kind: 'buyer' })
    if (!saved.ok) throw new Error()
    await expect(deleteApprovalRule(db().ctx(other.admin.actor), saved.value.id)).rejects.toMatchObject({ kind: 'not_found' })
    await expect(saveApprovalRule(db().ctx(other.admin.actor), input({ id: saved.value.id }))).rejects.toMatchObject({ kind: 'not_found' })
    expect((await em.fork().findOneOrFail(ApprovalRule, { id: saved.value.id })).name).toBe('Big orders')
    await deleteApprovalRule(admin, saved.value.id)
    expect(await em.fork().count(ApprovalRule, { organizationId: company.org.id })).toBe(0)
  })

  it('limits are in the company\'s currency; a parent\'s admins keep the children\'s, never the other way round', async () => {
    const em = db().orm.em.fork()
    const parent = await createOrganization(em, { kind: 'buyer' })
    const child = await createOrganization(em, { kind: 'buyer', roles: ['buyer'] })
    child.org.parentId = parent.org.id
    await em.flush()
    const parentAdmin = db().ctx(await resolveActor(em.fork(), { userId: parent.admin.user.id, activeOrganizationId: parent.org.id, impersonatorUserId: null }, ['buyer']))
    const childAdmin = db().ctx(await resolveActor(em.fork(), { userId: child.admin.user.id, activeOrganizationId: child.org.id, impersonatorUserId: null }, ['buyer']))
    expect(parentAdmin.actor.membership?.childOrganizationIds).toEqual([child.org.id])
    const limits = (over: Record<string, unknown>) => SpendingLimitsInputSchema.parse({ organizationId: child.org.id, currency: 'VND', ...over })

    expect(SpendingLimitsInputSchema.safeParse({ organizationId: child.org.id, currency: 'VND', perOrder: '1' }).error?.issues[0]?.message).toBe('COMPANY_LIMIT_MONTHLY')
    expect(await saveSpendingLimits(parentAdmin, limits({ userId: child.members.buyer!.user.id, perOrder: '5000000', currency: 'USD' }))).toMatchObject({ ok: false, error: { code: 'CURRENCY_NOT_COMPANY' } })
    expect(await saveSpendingLimits(parentAdmin, limits({ userId: child.members.buyer!.user.id, perOrder: '5000000', perMonth: 'lots' }))).toMatchObject({ ok: false, error: { code: 'PRICE_INVALID', field: 'perMonth' } })
    expect(await saveSpendingLimits(parentAdmin, limits({ userId: parent.admin.user.id, perOrder: '5000000' }))).toMatchObject({ ok: false, error: { code: 'NOT_A_MEMBER' } })
    expect(await em.fork().count(SpendingLimit, {})).toBe(0)

    expect((await saveSpendingLimits(parentAdmin, limits({ userId: child.members.buyer!.user.id, perOrder: '5.000.000', perMonth: '20.000.000' }))).ok).toBe(true)
    expect((await saveSpendingLimits(parentAdmin, limits({ perMonth: '100000000' }))).ok).toBe(true)
    const seen = await listSpending(parentAdmin)
    expect(seen.map((c) => [c.company.id, c.canManage])).toEqual([[parent.org.id, true], [child.org.id, true]])
    expect(seen[1]!.perMonth).toEqual(vnd(100_000_000))
    expect(seen[1]!.members.find((m) => m.userId === child.members.buyer!.user.id)).toMatchObject({ perOrder: vnd(5_000_000), perMonth: vnd(20_000_000) })

    // A blank amount removes that limit only.
    expect((await saveSpendingLimits(parentAdmin, limits({ userId: child.members.buyer!.user.id, perMonth: '20000000' }))).ok).toBe(true)
    expect((await em.fork().find(SpendingLimit, { userId: child.members.buyer!.user.id })).map((l) => l.period)).toEqual(['month'])

    // The child's admin sees only its own company, and cannot reach the parent's.
    expect((await listSpending(childAdmin)).map((c) => c.company.id)).toEqual([child.org.id])
    await expect(saveSpendingLimits(childAdmin, limits({ organizationId: parent.org.id, perMonth: '1' }))).rejects.toMatchObject({ kind: 'not_found' })
    // Its buyer sees the limits that govern them, and keeps none.
    const buyer = db().ctx(child.members.buyer!.actor)
    expect((await listSpending(buyer))[0]).toMatchObject({ canManage: false, perMonth: vnd(100_000_000) })
    await expect(saveSpendingLimits(buyer, limits({ perMonth: '1' }))).rejects.toMatchObject({ kind: 'forbidden' })
    expect((await em.fork().findOneOrFail(SpendingLimit, { organizationId: child.org.id, userId: null })).amount).toBe(100_000_000)
  })
})
