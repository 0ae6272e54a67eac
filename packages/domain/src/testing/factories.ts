// Scenario builders for tests: whole organizations with members, each with the actor to act as.
import type { EntityManager } from '@mikro-orm/postgresql'
import type { Actor } from '../authz/actor.ts'
import { newOrganization } from '../organizations/create-organization.ts'
import type { Organization, OrganizationKind, OrganizationStatus } from '../organizations/organization.entity.ts'
import { Membership } from '../users/membership.entity.ts'
import { hashPassword } from '../users/password.ts'
import type { Role } from '../users/roles.ts'
import { User } from '../users/user.entity.ts'

export const TEST_PASSWORD = 'correct-horse-42'
let passwordHash: Promise<string> | undefined
let counter = 0

export interface TestMember {
  user: User
  actor: Actor
}

export async function createUser(em: EntityManager, overrides: { email?: string; name?: string } = {}): Promise<User> {
  counter += 1
  passwordHash ??= hashPassword(TEST_PASSWORD)
  const user = em.create(User, {
    email: overrides.email ?? `user${counter}-${Math.random().toString(36).slice(2, 7)}@example.test`,
    name: overrides.name ?? `Test User ${counter}`,
    passwordHash: await passwordHash,
  })
  await em.persist(user).flush()
  return user
}

export async function addMember(em: EntityManager, org: Organization, role: Role, user?: User): Promise<TestMember> {
  const member = user ?? (await createUser(em))
  await em.persist(em.create(Membership, { userId: member.id, organizationId: org.id, role })).flush()
  return { user: member, actor: actorFor(member.id, org, role) }
}

export function actorFor(userId: string, org: Organization, role: Role, impersonatorUserId: string | null = null): Actor {
  return {
    userId,
    impersonatorUserId,
    membership: { organizationId: org.id, organizationKind: org.kind, organizationStatus: org.status, organizationName: org.name, role },
  }
}

/** An organization with an admin (and more members when asked). */
export async function createOrganization(
  em: EntityManager,
  options: { kind: OrganizationKind; status?: OrganizationStatus; name?: string; roles?: Role[] },
): Promise<{ org: Organization; admin: TestMember; members: Record<string, TestMember> }> {
  counter += 1
  const org = await newOrganization(em, {
    name: options.name ?? `Test ${options.kind} ${counter}`,
    kind: options.kind,
    country: 'VN',
    locale: 'en',
    status: options.status ?? 'active',
  })
  await em.flush()
  const admin = await addMember(em, org, options.kind === 'operator' ? 'admin' : 'admin')
  const members: Record<string, TestMember> = {}
  for (const role of options.roles ?? []) members[role] = await addMember(em, org, role)
  return { org, admin, members }
}
