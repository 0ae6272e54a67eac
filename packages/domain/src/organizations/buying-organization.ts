// Sellers buy too (decision 009): a distributor or manufacturer gets one buying organization, a
// buyer company linked to it, whose admin is the seller's admin who made it. The same account
// then buys in the marketplace and sells in the portal, through two memberships.
import { recordAudit } from '../audit/record-audit.ts'
import { authorize, authorizeType, scoped } from '../authz/scoped.ts'
import type { Ctx } from '../ctx.ts'
import { DomainError, isUniqueViolation } from '../errors.ts'
import { Membership } from '../users/membership.entity.ts'
import { newOrganization } from './create-organization.ts'
import { Organization } from './organization.entity.ts'

const sellerOf = (ctx: Ctx) => {
  const m = ctx.actor.membership
  if (!m || m.organizationStatus !== 'active' || (m.organizationKind !== 'manufacturer' && m.organizationKind !== 'distributor')) throw new DomainError('forbidden', 'FORBIDDEN')
  return m
}

/** The seller's buying organization, for its members (null before one is made). */
export async function buyingOrganizationOf(ctx: Ctx): Promise<{ id: string; name: string } | null> {
  const seller = sellerOf(ctx)
  const row = await scoped(ctx).findOne(Organization, { buysForId: seller.organizationId })
  return row ? { id: row.id, name: row.name } : null
}

/** Makes the seller's buying organization (its admins; once: a second call returns the first). */
export async function createBuyingOrganization(ctx: Ctx): Promise<{ id: string; name: string }> {
  const m = sellerOf(ctx)
  authorizeType(ctx, 'create', Organization)
  const existing = await buyingOrganizationOf(ctx)
  if (existing) return existing
  try {
    return await ctx.em.transactional(async (em) => {
      const tx = { ...ctx, em }
      const seller = await em.findOneOrFail(Organization, { id: m.organizationId })
      const org = await newOrganization(em, { name: `${seller.name} – Purchasing`, kind: 'buyer', country: seller.country, locale: seller.locale, status: 'active' })
      org.buysForId = seller.id
      authorize(tx, 'create', org)
      em.persist(em.create(Membership, { userId: ctx.actor.userId!, organizationId: org.id, role: 'admin' }))
      for (const organizationId of [seller.id, org.id]) recordAudit(tx, { organizationId, action: 'organization.buying_created', subjectType: 'Organization', subjectId: org.id, details: { name: org.name, buysFor: seller.name } })
      await em.flush()
      return { id: org.id, name: org.name }
    })
  } catch (error) {
    // Two clicks at once: the first made it.
    if (!isUniqueViolation(error)) throw error
    return (await buyingOrganizationOf({ ...ctx, em: ctx.em.fork() }))!
  }
}
