// Acting as a buyer user: the operator's support for any buyer company, a seller's admins and
// sales staff for the companies that are its customers. It needs a reason, is audited on both
// sides (and so is every action taken meanwhile, with the impersonator), cannot change passwords,
// invite or approve (the ability says so), and ends by itself.
import { EntityManager } from '@mikro-orm/postgresql'
import { recordAudit } from '../audit/record-audit.ts'
import { scoped } from '../authz/scoped.ts'
import type { Ctx } from '../ctx.ts'
import { DomainError, fail, ok, type Result } from '../errors.ts'
import { Organization } from '../organizations/organization.entity.ts'
import { Customer } from '../pricing/customer.entity.ts'
import { Impersonation } from './impersonation.entity.ts'
import { Membership } from './membership.entity.ts'
import { hashToken, newSecretToken } from './tokens.ts'
import type { ImpersonationInput } from './user.schemas.ts'
import { User } from './user.entity.ts'

/** How long an impersonation lasts, and how long its link works. */
export const IMPERSONATION_MINUTES = 30
const LINK_MINUTES = 2

export interface ImpersonableCompanyDto {
  id: string
  name: string
  members: { userId: string; name: string; email: string; role: Membership['role'] }[]
}

/**
 * A buyer company the actor may act in, with its people; null when it may not (another seller's
 * customer, not a buyer company, or the actor is impersonating already).
 */
export async function impersonableCompany(ctx: Ctx, organizationId: string): Promise<ImpersonableCompanyDto | null> {
  const company = await companyToImpersonate(ctx, organizationId)
  if (!company) return null
  const memberships = await ctx.em.find(Membership, { organizationId: company.id })
  const users = new Map((memberships.length ? await ctx.em.find(User, { id: { $in: memberships.map((m) => m.userId) } }) : []).map((u) => [u.id, u]))
  return {
    id: company.id,
    name: company.name,
    members: memberships.map((m) => ({ userId: m.userId, name: users.get(m.userId)?.name ?? '', email: users.get(m.userId)?.email ?? '', role: m.role })).sort((a, b) => a.name.localeCompare(b.name)),
  }
}

/** The company, if the actor may act as its people: the operator for any, a seller for its customers. */
async function companyToImpersonate(ctx: Ctx, organizationId: string): Promise<Organization | null> {
  const m = ctx.actor.membership
  if (!m || ctx.actor.impersonatorUserId) return null
  if (m.organizationKind === 'operator') return scoped(ctx).findOne(Organization, { id: organizationId, kind: 'buyer', status: 'active' }, 'impersonate')
  const customer = await scoped(ctx).findOne(Customer, { organizationId: m.organizationId, buyerId: organizationId }, 'impersonate')
  return customer ? ctx.em.findOne(Organization, { id: organizationId, kind: 'buyer', status: 'active' }) : null
}

/**
 * Starts acting as one of the company's people: returns the one-time link token the marketplace
 * redeems for a session, valid for minutes. Audited in the company and in the impersonator's organization.
 */
export async function startImpersonation(ctx: Ctx, input: ImpersonationInput): Promise<Result<{ token: string; endsAt: Date }, 'NOT_YOUR_CUSTOMER' | 'NOT_A_MEMBER'>> {
  const m = ctx.actor.membership
  if (!ctx.actor.userId || !m || m.organizationStatus !== 'active' || ctx.actor.impersonatorUserId) throw new DomainError('forbidden', 'FORBIDDEN')
  if (m.organizationKind !== 'operator' && !ctx.ability.can('impersonate', Customer)) throw new DomainError('forbidden', 'FORBIDDEN')
  const company = await companyToImpersonate(ctx, input.organizationId)
  if (!company) return fail('NOT_YOUR_CUSTOMER', { field: 'organizationId' })
  const member = await ctx.em.findOne(Membership, { organizationId: company.id, userId: input.userId })
  if (!member) return fail('NOT_A_MEMBER', { field: 'userId' })
  const { token, hash } = newSecretToken()
  const now = Date.now()
  const endsAt = new Date(now + IMPERSONATION_MINUTES * 60_000)
  return ctx.em.transactional(async (em) => {
    const tx = { ...ctx, em }
    const row = em.create(Impersonation, { impersonatorUserId: ctx.actor.userId!, impersonatorOrganizationId: m.organizationId, userId: member.userId, organizationId: company.id, reason: input.reason, tokenHash: hash, tokenExpiresAt: new Date(now + LINK_MINUTES * 60_000), endsAt })
    const details = { userId: member.userId, company: company.name, reason: input.reason, endsAt: endsAt.toISOString(), by: m.organizationName }
    recordAudit(tx, { organizationId: company.id, action: 'impersonation.started', subjectType: 'Impersonation', subjectId: row.id, details })
    if (m.organizationId !== company.id) recordAudit(tx, { organizationId: m.organizationId, action: 'impersonation.started', subjectType: 'Impersonation', subjectId: row.id, details })
    await em.flush()
    return ok({ token, endsAt })
  })
}

export interface RedeemedImpersonation {
  impersonatorUserId: string
  userId: string
  organizationId: string
  endsAt: Date
}

/** Redeems a link once, within its minutes: the session to open. Null for a used, stale or forged link. */
export async function redeemImpersonation(em: EntityManager, token: string): Promise<RedeemedImpersonation | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null
  const rows = await em.execute<{ impersonator_user_id: string; user_id: string; organization_id: string; ends_at: Date }[]>(
    `update impersonation set started_at = now() where token_hash = ? and started_at is null and ended_at is null and token_expires_at > now() and ends_at > now()
     returning impersonator_user_id, user_id, organization_id, ends_at`,
    [hashToken(token)],
  )
  const r = rows[0]
  return r ? { impersonatorUserId: r.impersonator_user_id, userId: r.user_id, organizationId: r.organization_id, endsAt: new Date(r.ends_at) } : null
}

export interface ActiveImpersonation {
  id: string
  organizationId: string
  endsAt: Date
  impersonatorName: string
  impersonatorOrganizationName: string
}

/** The impersonation a session of `userId` opened by `impersonatorUserId` belongs to, while it lasts. */
export async function activeImpersonation(em: EntityManager, session: { userId: string; impersonatorUserId: string }): Promise<ActiveImpersonation | null> {
  const rows = await em.execute<{ id: string; organization_id: string; ends_at: Date; impersonator_name: string; organization_name: string }[]>(
    `select i.id, i.organization_id, i.ends_at, u.name as impersonator_name, o.name as organization_name from impersonation i
     join app_user u on u.id = i.impersonator_user_id join organization o on o.id = i.impersonator_organization_id
     where i.user_id = ? and i.impersonator_user_id = ? and i.started_at is not null and i.ended_at is null and i.ends_at > now()
     order by i.started_at desc limit 1`,
    [session.userId, session.impersonatorUserId],
  )
  const r = rows[0]
  return r ? { id: r.id, organizationId: r.organization_id, endsAt: new Date(r.ends_at), impersonatorName: r.impersonator_name, impersonatorOrganizationName: r.organization_name } : null
}

/** Ends the actor's impersonation now (audited); the session is then closed by the caller. */
export async function endImpersonation(ctx: Ctx): Promise<void> {
  const { userId, impersonatorUserId, membership } = ctx.actor
  if (!userId || !impersonatorUserId) return
  const active = await activeImpersonation(ctx.em, { userId, impersonatorUserId })
  if (!active) return
  await ctx.em.transactional(async (em) => {
    await em.nativeUpdate(Impersonation, { id: active.id, endedAt: null }, { endedAt: new Date() })
    recordAudit({ ...ctx, em }, { organizationId: membership?.organizationId ?? active.organizationId, action: 'impersonation.ended', subjectType: 'Impersonation', subjectId: active.id, details: { userId } })
    await em.flush()
  })
}
