// The demo world's company rules: Bến Thành Construction limits what its buyers spend, sends
// large orders to its approver and then an admin, and lets orders over a limit through its admin.
// The Đà Nẵng branch's buyer has a limit per order, kept by Bến Thành's admins. And a seller that
// buys: Hà Nội Industrial Supply has a buying company.
import { ApprovalRule, SpendingLimit } from '@tradepost/domain/companies'
import type { EntityManager } from '@tradepost/domain/db'
import { Organization, newOrganization } from '@tradepost/domain/organizations'
import { Membership, User } from '@tradepost/domain/users'

export async function seedDemoApprovals(em: EntityManager): Promise<void> {
  await em.transactional(async (tx) => {
    const company = await tx.findOneOrFail(Organization, { slug: 'ben-thanh-construction' })
    if (await tx.count(ApprovalRule, { organizationId: company.id })) return
    const branch = await tx.findOneOrFail(Organization, { slug: 'ben-thanh-construction-da-nang' })
    const user = async (email: string) => (await tx.findOneOrFail(User, { email })).id
    const limit = (organizationId: string, userId: string | null, period: 'order' | 'month', amount: number) => tx.create(SpendingLimit, { organizationId, userId, period, amount, currency: 'VND' })
    limit(company.id, null, 'month', 500_000_000)
    limit(company.id, await user('buyer@benthanh.test'), 'order', 50_000_000)
    limit(company.id, await user('buyer@benthanh.test'), 'month', 200_000_000)
    limit(branch.id, await user('buyer.danang@benthanh.test'), 'order', 10_000_000)
    const base = { organizationId: company.id, currency: 'VND' as const, sellerId: null, categoryId: null, buyerRole: null, active: true }
    // Added one after the other, so the chain takes them in this order.
    tx.create(ApprovalRule, { ...base, name: 'Orders above 20 million', minTotal: 20_000_000, whenLimitExceeded: false, steps: [{ userId: await user('approver@benthanh.test') }, { role: 'admin' }], createdAt: new Date(Date.UTC(2026, 10, 1)) })
    tx.create(ApprovalRule, { ...base, name: 'Over a spending limit', minTotal: null, whenLimitExceeded: true, steps: [{ role: 'admin' }], createdAt: new Date(Date.UTC(2026, 10, 2)) })
    await tx.flush()
  })
}

/** Sellers buy too (decision 009): Hà Nội Industrial Supply's buying company, with its admin as admin. */
export async function seedDemoBuying(em: EntityManager): Promise<void> {
  await em.transactional(async (tx) => {
    const seller = await tx.findOneOrFail(Organization, { slug: 'hanoi-industrial-supply' })
    if (await tx.count(Organization, { buysForId: seller.id })) return
    const org = await newOrganization(tx, { name: `${seller.name} – Purchasing`, kind: 'buyer', country: seller.country, locale: seller.locale, status: 'active' })
    org.buysForId = seller.id
    const admin = await tx.findOneOrFail(User, { email: 'admin@hanoisupply.test' })
    tx.persist(tx.create(Membership, { userId: admin.id, organizationId: org.id, role: 'admin' }))
    await tx.flush()
  })
}
