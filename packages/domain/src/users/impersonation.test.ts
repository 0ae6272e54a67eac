import { describe, expect, it } from 'vitest'
import { AuditEvent } from '../audit/audit-event.entity.ts'
import { saveSpendingLimits } from '../companies/spending.ts'
import { Customer } from '../pricing/customer.entity.ts'
import { actorFor, createOrganization } from '../testing/factories.ts'
import { useTestDatabase } from '../testing/test-database.ts'
import { Impersonation } from './impersonation.entity.ts'
import { activeImpersonation, endImpersonation, redeemImpersonation, startImpersonation } from './impersonation.ts'
import { ImpersonationInputSchema } from './user.schemas.ts'
import { inviteMember } from './invitations.ts'
import { Invitation } from './invitation.entity.ts'

const db = useTestDatabase()
const reason = 'Placing an order by phone, ticket 4821'

describe('acting as a buyer user', () => {
  it('support starts it with a reason; the link works once; the session acts with limits and ends', async () => {
    const em = db().orm.em.fork()
    const operator = await createOrganization(em, { kind: 'operator', roles: ['support'] })
    const company = await createOrganization(em, { kind: 'buyer', roles: ['buyer'] })
    const support = db().ctx(operator.members.support!.actor)
    const target = company.admin.user

    expect(ImpersonationInputSchema.safeParse({ organizationId: company.org.id, userId: target.id, reason: 'because' }).error?.issues[0]?.message).toBe('REASON_TOO_SHORT')
    expect(await startImpersonation(support, { organizationId: company.org.id, userId: operator.admin.user.id, reason })).toMatchObject({ ok: false, error: { code: 'NOT_A_MEMBER' } })
    const started = await startImpersonation(support, { organizationId: company.org.id, userId: target.id, reason })
    if (!started.ok) throw new Error(started.error.code)

    // Audited on both sides, with the reason.
    const events = await em.fork().find(AuditEvent, { action: 'impersonation.started', actorUserId: operator.members.support!.user.id })
    expect(events.map((e) => e.organizationId).sort()).toEqual([company.org.id, operator.org.id].sort())
    expect(events[0]!.details).toMatchObject({ reason })

    // One use only; a forged token is nothing.
    const redeemed = await redeemImpersonation(em.fork(), started.value.token)
    expect(redeemed).toMatchObject({ userId: target.id, organizationId: company.org.id, impersonatorUserId: operator.members.support!.user.id })
    expect(await redeemImpersonation(em.fork(), started.value.token)).toBeNull()
    expect(await redeemImpersonation(em.fork(), 'x'.repeat(43))).toBeNull()

    // Acting as the admin: no invitations, no limits, no impersonating further; other actions carry the impersonator.
    const acting = db().ctx(actorFor(target.id, company.org, 'admin', operator.members.support!.user.id))
    await expect(inviteMember(acting, { email: 'new@example.test', role: 'buyer', origin: 'http://x' })).rejects.toMatchObject({ kind: 'forbidden' })
    expect(await em.fork().count(Invitation, { email: 'new@example.test' })).toBe(0)
    await expect(saveSpendingLimits(acting, { organizationId: company.org.id, currency: 'VND', perMonth: '1' })).rejects.toMatchObject({ kind: 'forbidden' })
    await expect(startImpersonation(acting, { organizationId: company.org.id, userId: company.members.buyer!.user.id, reason })).rejects.toMatchObject({ kind: 'forbidden' })

    const session = { userId: target.id, impersonatorUserId: operator.members.support!.user.id }
    expect(await activeImpersonation(em.fork(), session)).toMatchObject({ organizationId: company.org.id, impersonatorName: operator.members.support!.user.name })
    await endImpersonation(acting)
    expect(await activeImpersonation(em.fork(), session)).toBeNull()
    expect(await em.fork().count(AuditEvent, { action: 'impersonation.ended', impersonatorUserId: operator.members.support!.user.id })).toBe(1)
  })

  it('a seller acts only in its customers; a stale link or an elapsed impersonation opens nothing', async () => {
    const em = db().orm.em.fork()
    const seller = await createOrganization(em, { kind: 'distributor', roles: ['sales', 'fulfillment'] })
    const customer = await createOrganization(em, { kind: 'buyer' })
    const stranger = await createOrganization(em, { kind: 'buyer' })
    await em.persist(em.create(Customer, { organizationId: seller.org.id, buyerId: customer.org.id, approved: true })).flush()
    const sales = db().ctx(seller.members.sales!.actor)

    expect(await startImpersonation(sales, { organizationId: stranger.org.id, userId: stranger.admin.user.id, reason })).toMatchObject({ ok: false, error: { code: 'NOT_YOUR_CUSTOMER' } })
    await expect(startImpersonation(db().ctx(seller.members.fulfillment!.actor), { organizationId: customer.org.id, userId: customer.admin.user.id, reason })).rejects.toMatchObject({ kind: 'forbidden' })
    const started = await startImpersonation(sales, { organizationId: customer.org.id, userId: customer.admin.user.id, reason })
    if (!started.ok) throw new Error(started.error.code)
    expect(await em.fork().count(Impersonation, { organizationId: stranger.org.id })).toBe(0)

    // The link works for minutes only.
    await em.fork().nativeUpdate(Impersonation, { impersonatorUserId: seller.members.sales!.user.id }, { tokenExpiresAt: new Date(Date.now() - 1000) })
    expect(await redeemImpersonation(em.fork(), started.value.token)).toBeNull()
    const again = await startImpersonation(sales, { organizationId: customer.org.id, userId: customer.admin.user.id, reason })
    if (!again.ok) throw new Error(again.error.code)
    expect(await redeemImpersonation(em.fork(), again.value.token)).not.toBeNull()
    const session = { userId: customer.admin.user.id, impersonatorUserId: seller.members.sales!.user.id }
    expect(await activeImpersonation(em.fork(), session)).not.toBeNull()
    // And the session it opened ends by itself.
    await em.fork().nativeUpdate(Impersonation, { impersonatorUserId: seller.members.sales!.user.id }, { endsAt: new Date(Date.now() - 1000) })
    expect(await activeImpersonation(em.fork(), session)).toBeNull()
  })
})
