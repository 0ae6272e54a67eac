import { describe, expect, it } from 'vitest'
import { AuditEvent } from '../audit/audit-event.entity.ts'
import { Organization } from '../organizations/organization.entity.ts'
import { Invitation } from '../users/invitation.entity.ts'
import { Membership } from '../users/membership.entity.ts'
import type { Role } from '../users/roles.ts'
import { abilityFor, accessibleWhere, defineAbilityFor } from './ability.ts'
import { ANONYMOUS, type Actor } from './actor.ts'

const org = (id: string, kind: Organization['kind'], status: Organization['status'] = 'active') =>
  Object.assign(Object.create(Organization.prototype) as Organization, { id, kind, status })
const subject = <T extends object>(cls: { prototype: T }, fields: Record<string, unknown>) => Object.assign(Object.create(cls.prototype) as T, fields)

function member(orgId: string, kind: Organization['kind'], role: Role, status: Organization['status'] = 'active'): Actor {
  return {
    userId: `user-of-${orgId}`,
    impersonatorUserId: null,
    membership: { organizationId: orgId, organizationKind: kind, organizationStatus: status, organizationName: orgId, role },
  }
}

describe('defineAbilityFor', () => {
  it('lets a buyer admin manage its own organization and nothing of another', () => {
    const ability = defineAbilityFor(member('b1', 'buyer', 'admin'))
    expect(ability.can('update', org('b1', 'buyer'))).toBe(true)
    expect(ability.can('read', org('b2', 'buyer'))).toBe(false)
    expect(ability.can('update', org('b2', 'buyer'))).toBe(false)
    expect(ability.can('create', subject(Invitation, { organizationId: 'b1' }))).toBe(true)
    expect(ability.can('create', subject(Invitation, { organizationId: 'b2' }))).toBe(false)
    expect(ability.can('read', subject(AuditEvent, { organizationId: 'b2' }))).toBe(false)
  })

  it('does not let a non-admin invite or read the audit log', () => {
    const ability = defineAbilityFor(member('b1', 'buyer', 'buyer'))
    expect(ability.can('read', subject(Membership, { organizationId: 'b1', userId: 'x' }))).toBe(true)
    expect(ability.can('create', subject(Invitation, { organizationId: 'b1' }))).toBe(false)
    expect(ability.can('read', subject(AuditEvent, { organizationId: 'b1' }))).toBe(false)
  })

  it('lets members of a suspended or pending organization see its status and nothing else', () => {
    for (const status of ['suspended', 'pending'] as const) {
      const ability = defineAbilityFor(member('d1', 'distributor', 'admin', status))
      expect(ability.can('read', org('d1', 'distributor', status))).toBe(true)
      expect(ability.can('update', org('d1', 'distributor', status))).toBe(false)
      expect(ability.can('create', subject(Invitation, { organizationId: 'd1' }))).toBe(false)
      expect(ability.can('read', subject(Membership, { organizationId: 'd1', userId: 'someone-else' }))).toBe(false)
    }
  })

  it('lets the operator admin approve and suspend, and operator support only read', () => {
    const admin = defineAbilityFor(member('op', 'operator', 'admin'))
    const support = defineAbilityFor(member('op', 'operator', 'support'))
    const pending = org('d9', 'distributor', 'pending')
    expect(admin.can('approve', pending)).toBe(true)
    expect(admin.can('suspend', pending)).toBe(true)
    expect(support.can('read', pending)).toBe(true)
    expect(support.can('approve', pending)).toBe(false)
    expect(support.can('read', subject(AuditEvent, { organizationId: 'd9' }))).toBe(true)
  })

  it('shows anonymous visitors active sellers only', () => {
    const ability = defineAbilityFor(ANONYMOUS)
    expect(ability.can('read', org('d1', 'distributor'))).toBe(true)
    expect(ability.can('read', org('d2', 'distributor', 'pending'))).toBe(false)
    expect(ability.can('read', org('b1', 'buyer'))).toBe(false)
  })
})

describe('accessibleWhere', () => {
  it('is null (deny, never query) when nothing is allowed', () => {
    expect(accessibleWhere(defineAbilityFor(ANONYMOUS), 'read', AuditEvent)).toBeNull()
    expect(accessibleWhere(defineAbilityFor(member('b1', 'buyer', 'viewer')), 'read', AuditEvent)).toBeNull()
  })

  it('scopes a member to their tenant column', () => {
    expect(accessibleWhere(defineAbilityFor(member('b1', 'buyer', 'admin')), 'read', AuditEvent)).toEqual({ organizationId: 'b1' })
  })

  it('is unconditional for the operator', () => {
    expect(accessibleWhere(defineAbilityFor(member('op', 'operator', 'support')), 'read', AuditEvent)).toEqual({})
  })
})

describe('abilityFor', () => {
  it('keeps one ability per actor, and gives an actor that differs in any field its own', () => {
    const admin = member('b1', 'buyer', 'admin')
    expect(abilityFor(admin)).toBe(abilityFor({ ...admin, membership: { ...admin.membership! } }))
    expect(abilityFor(ANONYMOUS)).toBe(abilityFor({ userId: null, membership: null, impersonatorUserId: null }))
    // A change of role, status, organization, audience or impersonator is another ability, with its own rules.
    const buyer = abilityFor(member('b1', 'buyer', 'buyer'))
    expect(buyer).not.toBe(abilityFor(admin))
    expect(abilityFor(admin).can('read', subject(Invitation, { organizationId: 'b1' }))).toBe(true)
    expect(buyer.can('read', subject(Invitation, { organizationId: 'b1' }))).toBe(false)
    const suspended = abilityFor(member('b1', 'buyer', 'admin', 'suspended'))
    expect(suspended.can('read', subject(Invitation, { organizationId: 'b1' }))).toBe(false)
    expect(abilityFor(member('b2', 'buyer', 'admin')).can('read', subject(Invitation, { organizationId: 'b1' }))).toBe(false)
    expect(abilityFor({ ...admin, audience: ['customer:s1:b1'] })).not.toBe(abilityFor(admin))
    expect(abilityFor({ ...admin, impersonatorUserId: 'op-user' })).not.toBe(abilityFor(admin))
  })
})
