import { scoped } from '../authz/scoped.ts'
import type { Ctx } from '../ctx.ts'
import { DomainError } from '../errors.ts'
import { isCurrency, type Currency } from '../money.ts'
import { Organization } from '../organizations/organization.entity.ts'
import { Membership } from '../users/membership.entity.ts'
import { User } from '../users/user.entity.ts'

export interface CompanyDto {
  id: string
  name: string
  currency: Currency
  /** The company above it, for a child company. */
  parentName: string | null
}

export interface CompanyMemberDto {
  userId: string
  name: string
  email: string
  role: Membership['role']
}

/** The actor's buyer company, or a refusal. */
export function companyOf(ctx: Ctx): string {
  const m = ctx.actor.membership
  if (!m || m.organizationKind !== 'buyer' || m.organizationStatus !== 'active') throw new DomainError('forbidden', 'FORBIDDEN')
  return m.organizationId
}

/** The actor's company first, then the companies below it its admins manage, by name. */
export async function myCompanies(ctx: Ctx): Promise<CompanyDto[]> {
  const own = companyOf(ctx)
  const ids = [own, ...(ctx.actor.membership?.childOrganizationIds ?? [])]
  const orgs = await scoped(ctx).find(Organization, { id: { $in: ids }, kind: 'buyer' })
  const names = new Map(orgs.map((o) => [o.id, o.name]))
  return orgs
    .map((o) => ({ id: o.id, name: o.name, currency: companyCurrency(o), parentName: o.id === own ? null : (o.parentId ? (names.get(o.parentId) ?? null) : null) }))
    .sort((a, b) => (a.id === own ? -1 : b.id === own ? 1 : a.name.localeCompare(b.name)))
}

/** Limits and rule amounts are in the company's own currency, which must be one we price in. */
function companyCurrency(o: Organization): Currency {
  if (!isCurrency(o.defaultCurrency)) throw new DomainError('invalid', 'CURRENCY_UNKNOWN')
  return o.defaultCurrency
}

/** One of the companies the actor sees (its own, or one below it for its admins). */
export async function myCompany(ctx: Ctx, id: string): Promise<CompanyDto> {
  const found = (await myCompanies(ctx)).find((c) => c.id === id)
  if (!found) throw new DomainError('not_found', 'NOT_FOUND')
  return found
}

/** The people of one of those companies, by name. */
export async function companyMembers(ctx: Ctx, organizationId: string): Promise<CompanyMemberDto[]> {
  const memberships = await scoped(ctx).find(Membership, { organizationId })
  if (!memberships.length) return []
  const users = new Map((await ctx.em.find(User, { id: { $in: memberships.map((m) => m.userId) } })).map((u) => [u.id, u]))
  return memberships
    .map((m) => ({ userId: m.userId, name: users.get(m.userId)?.name ?? '', email: users.get(m.userId)?.email ?? '', role: m.role }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.userId.localeCompare(b.userId))
}
