// An organization's people: its admins (and a parent company's) invite, change roles and remove;
// the last admin stays; no one reaches another organization's people, nor does impersonation.
import { describe, expect, it } from 'vitest'
import { AuditEvent } from '../audit/audit-event.entity.ts'
import { createOrganization } from '../testing/factories.ts'
import { useTestDatabase } from '../testing/test-database.ts'
import { Invitation } from './invitation.entity.ts'
import { inviteMember } from './invitations.ts'
import { Membership } from './membership.entity.ts'
import { changeMemberRole, getPeoplePage, removeMember, resolveActor } from './memberships.ts'

const db = useTestDatabase()
const ORIGIN = 'http://localhost:3000'

async function companies() {
  const em = db().orm.em.fork()
  const parent = await createOrganization(em, { kind: 'buyer' })
  const child = await createOrganization(em, { kind: 'buyer', roles: ['buyer'] })
  const stranger = await createOrganization(em, { kind: 'buyer' })
  child.org.parentId = parent.org.id
  await em.flush()
  const actor = (member: { user: { id: string } }, org: { id: string }, impersonatorUserId: string | null = null) => resolveActor(em.fork(), { userId: member.user.id, activeOrganizationId: org.id, impersonatorUserId }, ['buyer'])
  return { em, parent, child, stranger, parentAdmin: db().ctx(await actor(parent.admin, parent.org)), childAdmin: db().ctx(await actor(child.admin, child.org)), strangerAdmin: db().ctx(await actor(stranger.admin, stranger.org)), actor }
}

const membershipOf = async (userId: string, organizationId: string) => db().orm.em.fork().findOneOrFail(Membership, { userId, organizationId })

describe('people of an organization', () => {
  it('a parent company\'s admins invite people into a company below it and see its people; never the other way round', async () => {
    const w = await companies()
    const invited = await inviteMember(w.parentAdmin, { email: 'site.lead@example.test', role: 'approver', origin: ORIGIN, organizationId: w.child.org.id })
    expect(invited.ok).toBe(true)
    expect(await w.em.fork().count(Invitation, { organizationId: w.child.org.id, email: 'site.lead@example.test' })).toBe(1)
    expect(await w.em.fork().count(AuditEvent, { organizationId: w.child.org.id, action: 'invitation.created' })).toBe(1)
    // A role the company's kind has not is refused, nothing is sent.
    expect(await inviteMember(w.parentAdmin, { email: 'x@example.test', role: 'sales', origin: ORIGIN, organizationId: w.child.org.id })).toEqual({ ok: false, error: { code: 'ROLE_NOT_FOR_ORGANIZATION', field: 'role' } })
    const page = await getPeoplePage(w.parentAdmin, w.child.org.id)
    expect([page.organization.id, page.organizations.map((o) => o.id), page.members.map((m) => m.email).sort(), page.invitations.map((i) => i.email)]).toEqual([
      w.child.org.id,
      [w.parent.org.id, w.child.org.id],
      [w.child.admin.user.email, w.child.members.buyer!.user.email].sort(),
      ['site.lead@example.test'],
    ])
    // The child's admins do not reach the parent; a stranger reaches neither.
    await expect(getPeoplePage(w.childAdmin, w.parent.org.id)).rejects.toMatchObject({ kind: 'not_found' })
    await expect(inviteMember(w.childAdmin, { email: 'y@example.test', role: 'buyer', origin: ORIGIN, organizationId: w.parent.org.id })).rejects.toMatchObject({ kind: 'forbidden' })
    await expect(inviteMember(w.strangerAdmin, { email: 'z@example.test', role: 'buyer', origin: ORIGIN, organizationId: w.child.org.id })).rejects.toMatchObject({ kind: 'forbidden' })
    expect(await w.em.fork().count(Invitation, { email: { $in: ['y@example.test', 'z@example.test'] } })).toBe(0)
  })

  it('changes roles and removes people; the last admin stays; strangers and impersonators change nothing', async () => {
    const w = await companies()
    const buyer = await membershipOf(w.child.members.buyer!.user.id, w.child.org.id)
    const childAdmin = await membershipOf(w.child.admin.user.id, w.child.org.id)
    expect((await changeMemberRole(w.parentAdmin, buyer.id, 'approver')).ok).toBe(true)
    expect((await membershipOf(w.child.members.buyer!.user.id, w.child.org.id)).role).toBe('approver')
    expect(await changeMemberRole(w.parentAdmin, buyer.id, 'catalog_manager')).toEqual({ ok: false, error: { code: 'ROLE_NOT_FOR_ORGANIZATION', field: 'role' } })
    // The child's only admin stays one, and stays.
    expect(await changeMemberRole(w.childAdmin, childAdmin.id, 'buyer')).toEqual({ ok: false, error: { code: 'LAST_ADMIN', field: 'role' } })
    expect(await removeMember(w.parentAdmin, childAdmin.id)).toEqual({ ok: false, error: { code: 'LAST_ADMIN' } })
    expect((await membershipOf(w.child.admin.user.id, w.child.org.id)).role).toBe('admin')
    // A stranger's admin and an impersonated child admin reach nothing.
    await expect(changeMemberRole(w.strangerAdmin, buyer.id, 'viewer')).rejects.toMatchObject({ kind: 'not_found' })
    await expect(removeMember(w.strangerAdmin, buyer.id)).rejects.toMatchObject({ kind: 'not_found' })
    const impersonated = db().ctx(await w.actor(w.child.admin, w.child.org, w.stranger.admin.user.id))
    await expect(changeMemberRole(impersonated, buyer.id, 'viewer')).rejects.toMatchObject({ kind: 'not_found' })
    expect((await membershipOf(w.child.members.buyer!.user.id, w.child.org.id)).role).toBe('approver')
    // Removed: gone from the company, in its audit log with who it was.
    expect(await removeMember(w.parentAdmin, buyer.id)).toEqual({ ok: true, value: { organizationId: w.child.org.id } })
    expect(await w.em.fork().count(Membership, { id: buyer.id })).toBe(0)
    const events = await w.em.fork().find(AuditEvent, { organizationId: w.child.org.id, action: { $in: ['membership.role_changed', 'membership.removed'] } }, { orderBy: { createdAt: 'asc' } })
    expect(events.map((e) => [e.action, e.details.email])).toEqual([
      ['membership.role_changed', w.child.members.buyer!.user.email],
      ['membership.removed', w.child.members.buyer!.user.email],
    ])
  })
})
