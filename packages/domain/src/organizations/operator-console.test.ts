import { describe, expect, it } from 'vitest'
import { AuditEvent } from '../audit/audit-event.entity.ts'
import { listAuditEvents } from '../audit/list-audit-events.ts'
import { EmailMessage } from '../email/email-message.entity.ts'
import { createOrganization } from '../testing/factories.ts'
import { useTestDatabase } from '../testing/test-database.ts'
import { changeOrganizationStatus, getOrganization, listOrganizations } from './operator-console.ts'

const db = useTestDatabase()
const ORIGIN = 'http://portal.test'

describe('the operator console', () => {
  it('approves an application, emails its admins and audits who did it', async () => {
    const operator = await createOrganization(db().orm.em.fork(), { kind: 'operator' })
    const applicant = await createOrganization(db().orm.em.fork(), { kind: 'distributor', status: 'pending' })
    const listed = await listOrganizations(db().ctx(operator.admin.actor), { status: 'pending', page: 1 })
    expect(listed.items.map((o) => o.id)).toContain(applicant.org.id)

    const result = await changeOrganizationStatus(db().ctx(operator.admin.actor), { organizationId: applicant.org.id, transition: 'approve', origin: ORIGIN })
    expect(result.ok && result.value.status).toBe('active')
    const em = db().orm.em.fork()
    expect(await em.count(EmailMessage, { to: applicant.admin.user.email, template: 'application-approved' })).toBe(1)
    const event = await em.findOneOrFail(AuditEvent, { organizationId: applicant.org.id, action: 'organization.approved' })
    expect(event.actorUserId).toBe(operator.admin.user.id)
    // Approving twice is refused, not repeated.
    const again = await changeOrganizationStatus(db().ctx(operator.admin.actor), { organizationId: applicant.org.id, transition: 'approve', origin: ORIGIN })
    expect(again).toEqual({ ok: false, error: { code: 'STATUS_TRANSITION_INVALID', params: { status: 'active' } } })
  })

  it('requires a reason to reject', async () => {
    const operator = await createOrganization(db().orm.em.fork(), { kind: 'operator' })
    const applicant = await createOrganization(db().orm.em.fork(), { kind: 'manufacturer', status: 'pending' })
    expect(await changeOrganizationStatus(db().ctx(operator.admin.actor), { organizationId: applicant.org.id, transition: 'reject', origin: ORIGIN })).toEqual({ ok: false, error: { code: 'REASON_REQUIRED', field: 'reason' } })
    const rejected = await changeOrganizationStatus(db().ctx(operator.admin.actor), { organizationId: applicant.org.id, transition: 'reject', reason: 'No business licence', origin: ORIGIN })
    expect(rejected.ok && rejected.value.status).toBe('rejected')
  })

  it('lets operator support read but not decide, and keeps everyone else out', async () => {
    const operator = await createOrganization(db().orm.em.fork(), { kind: 'operator', roles: ['support'] })
    const seller = await createOrganization(db().orm.em.fork(), { kind: 'distributor' })
    const other = await createOrganization(db().orm.em.fork(), { kind: 'distributor' })
    const support = db().ctx(operator.members.support!.actor)
    expect((await getOrganization(support, seller.org.id)).id).toBe(seller.org.id)
    await expect(changeOrganizationStatus(support, { organizationId: seller.org.id, transition: 'suspend', origin: ORIGIN })).rejects.toMatchObject({ kind: 'forbidden' })
    await expect(listOrganizations(db().ctx(other.admin.actor), { page: 1 })).rejects.toMatchObject({ kind: 'forbidden' })
    await expect(getOrganization(db().ctx(other.admin.actor), seller.org.id)).rejects.toMatchObject({ kind: 'forbidden' })
    await expect(changeOrganizationStatus(db().ctx(other.admin.actor), { organizationId: seller.org.id, transition: 'suspend', origin: ORIGIN })).rejects.toMatchObject({ kind: 'forbidden' })
  })

  it('shows an organization admin only its own audit events, whatever the filter asks', async () => {
    const a = await createOrganization(db().orm.em.fork(), { kind: 'buyer' })
    const b = await createOrganization(db().orm.em.fork(), { kind: 'buyer' })
    const em = db().orm.em.fork()
    for (const org of [a.org, b.org]) em.persist(em.create(AuditEvent, { organizationId: org.id, action: 'test.event', subjectType: 'Organization', subjectId: org.id, details: {} }))
    await em.flush()
    const mine = await listAuditEvents(db().ctx(a.admin.actor), { page: 1 })
    expect(mine.items.every((e) => e.organizationId === a.org.id)).toBe(true)
    expect(mine.total).toBeGreaterThan(0)
    const probing = await listAuditEvents(db().ctx(a.admin.actor), { organizationId: b.org.id, page: 1 })
    expect(probing.total).toBe(0)
  })
})
