// Scenario builders for tests: whole organizations with members, each with the actor to act as.
import type { EntityManager } from '@mikro-orm/postgresql'
import type { Actor } from '../authz/actor.ts'
import { Brand } from '../catalog/brand.entity.ts'
import { Category } from '../catalog/category.entity.ts'
import { Warehouse } from '../organizations/warehouse.entity.ts'
import { slugify } from '../organizations/slug.ts'
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

export async function createCategory(em: EntityManager, overrides: { slug?: string; parentId?: string; attributes?: Category['attributes'] } = {}): Promise<Category> {
  counter += 1
  const category = em.create(Category, {
    slug: overrides.slug ?? `category-${counter}-${Math.random().toString(36).slice(2, 6)}`,
    nameEn: `Category ${counter}`,
    nameVi: `Danh mục ${counter}`,
    parentId: overrides.parentId ?? null,
    attributes: overrides.attributes ?? [{ key: 'power', labelEn: 'Power', labelVi: 'Công suất', type: 'number', unit: 'W' }],
  })
  await em.persist(category).flush()
  return category
}

export async function createBrand(em: EntityManager, org: Organization, name?: string): Promise<Brand> {
  counter += 1
  const label = name ?? `Brand ${counter} ${Math.random().toString(36).slice(2, 6)}`
  const brand = em.create(Brand, { organizationId: org.id, name: label, slug: slugify(label) })
  await em.persist(brand).flush()
  return brand
}

export async function createWarehouse(em: EntityManager, org: Organization, at: { subdivisionCode: string; latitude: number; longitude: number; name?: string }): Promise<Warehouse> {
  const warehouse = em.create(Warehouse, { organizationId: org.id, name: at.name ?? `Warehouse ${at.subdivisionCode}`, addressLine: '1 Test Street', city: at.subdivisionCode, country: 'VN', ...at })
  await em.persist(warehouse).flush()
  return warehouse
}
