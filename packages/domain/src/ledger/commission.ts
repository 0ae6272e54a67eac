// The revenue split's settings: the operator's commission rates, and each manufacturer's
// territory share. Changes are audited and apply to orders placed from then on.
import { recordAudit } from '../audit/record-audit.ts'
import { authorize, authorizeType, scoped } from '../authz/scoped.ts'
import { Category } from '../catalog/category.entity.ts'
import type { Ctx } from '../ctx.ts'
import { DomainError, fail, ok, type Result } from '../errors.ts'
import { sellerNamed } from '../organizations/operator-console.ts'
import { Organization } from '../organizations/organization.entity.ts'
import { CommissionRate } from './ledger.entity.ts'
import type { CommissionRateInput, TerritoryShareInput } from './ledger.schemas.ts'

export interface CommissionRateDto {
  id: string
  seller: { id: string; name: string } | null
  category: { id: string; nameEn: string; nameVi: string } | null
  rateBp: number
}

/** Every rate, the default first, then by seller and category. */
export async function listCommissionRates(ctx: Ctx): Promise<CommissionRateDto[]> {
  const rates = await scoped(ctx).find(CommissionRate, {})
  const [sellers, categories] = await Promise.all([
    ctx.em.find(Organization, { id: { $in: rates.flatMap((r) => (r.sellerOrgId ? [r.sellerOrgId] : [])) } }),
    ctx.em.find(Category, { id: { $in: rates.flatMap((r) => (r.categoryId ? [r.categoryId] : [])) } }),
  ])
  const seller = new Map(sellers.map((s) => [s.id, s]))
  const category = new Map(categories.map((c) => [c.id, c]))
  return rates
    .map((r) => ({
      id: r.id,
      seller: r.sellerOrgId ? { id: r.sellerOrgId, name: seller.get(r.sellerOrgId)?.name ?? '' } : null,
      category: r.categoryId ? { id: r.categoryId, nameEn: category.get(r.categoryId)?.nameEn ?? '', nameVi: category.get(r.categoryId)?.nameVi ?? '' } : null,
      rateBp: r.rateBp,
    }))
    .sort((a, b) => Number(!!a.seller) - Number(!!b.seller) || Number(!!a.category) - Number(!!b.category) || (a.seller?.name ?? '').localeCompare(b.seller?.name ?? '') || (a.category?.nameEn ?? '').localeCompare(b.category?.nameEn ?? ''))
}

/** Sets the rate of one scope (the default, a seller, a category, or both), replacing the one there. */
export async function saveCommissionRate(ctx: Ctx, input: CommissionRateInput): Promise<Result<{ id: string }, 'SELLER_UNKNOWN' | 'CATEGORY_UNKNOWN'>> {
  authorizeType(ctx, 'update', CommissionRate)
  return ctx.em.transactional(async (em) => {
    const tx = { ...ctx, em }
    const seller = input.seller ? await sellerNamed(tx, input.seller) : null
    if (input.seller && !seller) return fail('SELLER_UNKNOWN', { field: 'seller' })
    if (input.categoryId && !(await em.count(Category, { id: input.categoryId }))) return fail('CATEGORY_UNKNOWN', { field: 'categoryId' })
    const scope = { sellerOrgId: seller?.id ?? null, categoryId: input.categoryId ?? null }
    let row = await em.findOne(CommissionRate, scope)
    if (row) row.rateBp = input.percent
    else row = em.create(CommissionRate, { ...scope, rateBp: input.percent })
    authorize(tx, 'update', row)
    const operator = ctx.actor.membership!.organizationId
    recordAudit(tx, { organizationId: operator, action: 'commission_rate.saved', subjectType: 'CommissionRate', subjectId: row.id, details: { seller: seller?.name ?? null, categoryId: scope.categoryId, rateBp: input.percent } })
    await em.flush()
    return ok({ id: row.id })
  })
}

/** Removes an override; the default rate stays (there is always one to fall back on). */
export async function deleteCommissionRate(ctx: Ctx, id: string): Promise<void> {
  await ctx.em.transactional(async (em) => {
    const tx = { ...ctx, em }
    const row = await scoped(tx).findOneOrThrow(CommissionRate, { id }, 'update')
    if (!row.sellerOrgId && !row.categoryId) throw new DomainError('conflict', 'DEFAULT_RATE_STAYS')
    authorize(tx, 'update', row)
    recordAudit(tx, { organizationId: ctx.actor.membership!.organizationId, action: 'commission_rate.deleted', subjectType: 'CommissionRate', subjectId: row.id, details: { rateBp: row.rateBp } })
    em.remove(row)
    await em.flush()
  })
}

/** A manufacturer sets the share of its online sales its distributors earn in their territories. */
export async function setTerritoryShare(ctx: Ctx, input: TerritoryShareInput): Promise<Result<{ bp: number }, never>> {
  const m = ctx.actor.membership
  if (!m || m.organizationKind !== 'manufacturer') throw new DomainError('forbidden', 'FORBIDDEN')
  return ctx.em.transactional(async (em) => {
    const tx = { ...ctx, em }
    const org = await scoped(tx).findOneOrThrow(Organization, { id: m.organizationId }, 'update')
    authorize(tx, 'update', org)
    const from = org.territoryShareBp
    org.territoryShareBp = input.percent
    recordAudit(tx, { organizationId: org.id, action: 'territory_share.saved', subjectType: 'Organization', subjectId: org.id, details: { fromBp: from, toBp: input.percent } })
    await em.flush()
    return ok({ bp: input.percent })
  })
}

/** The actor's manufacturer's territory share, in basis points (null for other organizations). */
export async function myTerritoryShare(ctx: Ctx): Promise<number | null> {
  const m = ctx.actor.membership
  if (!m || m.organizationKind !== 'manufacturer') return null
  return (await scoped(ctx).findOneOrThrow(Organization, { id: m.organizationId })).territoryShareBp
}
