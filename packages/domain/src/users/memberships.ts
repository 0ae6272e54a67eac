import type { EntityManager } from '@mikro-orm/postgresql'
import type { Actor } from '../authz/actor.ts'
import { recordAudit } from '../audit/record-audit.ts'
import { authorize, may, scoped } from '../authz/scoped.ts'
import { DomainError, fail, ok, type Result } from '../errors.ts'
import { isRoleAllowed, ROLES_BY_KIND, type Role } from './roles.ts'
import { listInvitations, type InvitationDto } from './invitations.ts'
import type { Ctx } from '../ctx.ts'
import { Organization, type OrganizationKind } from '../organizations/organization.entity.ts'
import { BUYER_CUSTOMERS_CTE, MAX_PARENT_DEPTH } from '../pricing/pricing.constants.ts'
import { AUDIENCE_TAGS_SQL, buyerAudience, buyerAudienceOf } from '../offers/visibility.ts'
import { Membership } from './membership.entity.ts'
import { User } from './user.entity.ts'
import { preparedRead } from '../db/prepared.ts'

export interface MyOrganizationDto {
  organizationId: string
  name: string
  kind: OrganizationKind
  status: Organization['status']
  role: Membership['role']
  /** The lines of the user's cart in this company (buyer companies; 0 otherwise), read with the memberships. */
  cartLines: number
  /** Notifications of the user in this organization not read yet. */
  unreadNotifications: number
}

/**
 * Builds the actor for a signed-in user. The active organization is the session's when the user
 * is still a member of it, else their first membership of a kind this app serves.
 */
export async function resolveActor(
  em: EntityManager,
  session: { userId: string; activeOrganizationId: string | null; impersonatorUserId: string | null },
  kinds: readonly OrganizationKind[],
): Promise<Actor> {
  return (await resolveSignedIn(em, session, kinds)).actor
}

/**
 * The actor of a signed-in user and the organizations (of this app's kinds) they belong to, for
 * the switcher: their memberships and organizations in one query; for a buyer company, its
 * audiences and (for its admins) the companies below it, side by side.
 */
export async function resolveSignedIn(
  em: EntityManager,
  session: { userId: string; activeOrganizationId: string | null; impersonatorUserId: string | null },
  kinds: readonly OrganizationKind[],
  /** The memberships, when they were read already (with the session: `sessionStore.get`). */
  read?: MembershipRow[],
): Promise<{ actor: Actor; organizations: MyOrganizationDto[] }> {
  const usable = read ?? (await membershipsOf(em, session.userId, kinds, session.activeOrganizationId ?? undefined))
  const active = usable.find((m) => m.organization_id === session.activeOrganizationId) ?? usable[0]
  const buying = active?.kind === 'buyer' && active.status === 'active'
  // The audiences of the session's organization came with the memberships; another's are read.
  const audienceOfActive = () => (active!.audience ? buyerAudienceOf(active!.audience) : buyerAudience(em, active!.organization_id))
  const [audience, childOrganizationIds] = buying
    ? await Promise.all([audienceOfActive(), active.role === 'admin' ? childCompaniesOf(em, active.organization_id) : undefined])
    : [undefined, undefined]
  const actor: Actor = {
    userId: session.userId,
    impersonatorUserId: session.impersonatorUserId,
    // Restricted catalogs: the offers meant for the company's customer relationships.
    ...(audience ? { audience } : {}),
    membership: active
      ? {
          organizationId: active.organization_id,
          organizationKind: active.kind,
          organizationStatus: active.status,
          organizationName: active.name,
          role: active.role,
          ...(active.kind === 'buyer' ? { shipToId: active.ship_to_id } : {}),
          ...(childOrganizationIds?.length ? { childOrganizationIds } : {}),
        }
      : null,
  }
  return { actor, organizations: toMyOrganizations(usable) }
}

/**
 * A membership with its organization, as the actor and the switcher need it; `audience`: the
 * audience tags of that (buyer) company, on the row of the company they were read for.
 */
export type MembershipRow = { organization_id: string; role: Membership['role']; ship_to_id: string | null; kind: OrganizationKind; status: Organization['status']; name: string; cart_lines: number | string; unread_notifications: number | string; audience?: string[] | null }

/**
 * The memberships of the user `userId` (an SQL expression) in organizations of the kinds given
 * as the next parameter (comma-separated), oldest first, with their organizations.
 */
export const membershipsSql = (userId: string) => `select m.organization_id, m.role, m.ship_to_id, o.kind, o.status, o.name,
            case when o.kind = 'buyer' then (select count(*) from cart_line c where c.user_id = m.user_id and c.buyer_org_id = m.organization_id) else 0 end as cart_lines,
            (select count(*) from notification n where n.user_id = m.user_id and n.organization_id = m.organization_id and n.read_at is null) as unread_notifications,
            row_number() over (order by m.created_at, m.id) as position
     from membership m join organization o on o.id = m.organization_id
     where m.user_id = ${userId} and o.kind = any(string_to_array(?, ','))
     order by m.created_at, m.id`

/**
 * A user's memberships in organizations of these kinds, oldest first, with their organizations
 * (one query). With `audienceOf`, the audience tags of that buyer company come in the same
 * statement, on its row.
 */
async function membershipsOf(em: EntityManager, userId: string, kinds: readonly OrganizationKind[], audienceOf?: string): Promise<MembershipRow[]> {
  if (audienceOf === undefined) return preparedRead<MembershipRow>(em, membershipsSql('?'), [userId, kinds.join(',')])
  const rows = await preparedRead<MembershipRow>(
    em,
    `${BUYER_CUSTOMERS_CTE}
     select r.*, (select coalesce(json_agg(t.tag order by t.tag), '[]'::json) from (${AUDIENCE_TAGS_SQL}) t) as audience from (${membershipsSql('?')}) r order by r.position`,
    [audienceOf, userId, kinds.join(',')],
  )
  return rows.map((r) => (r.organization_id === audienceOf ? r : { ...r, audience: null }))
}

/**
 * The organization a new session starts in when none is asked for: the one `resolveSignedIn`
 * would make active (the user's first membership of these kinds). Named in the session, every
 * page reads the memberships and that company's audiences in one statement.
 */
export async function firstOrganizationOf(em: EntityManager, userId: string, kinds: readonly OrganizationKind[]): Promise<string | null> {
  return (await membershipsOf(em, userId, kinds))[0]?.organization_id ?? null
}

const toMyOrganizations = (rows: MembershipRow[]): MyOrganizationDto[] =>
  rows.map((m) => ({ organizationId: m.organization_id, name: m.name, kind: m.kind, status: m.status, role: m.role, cartLines: Number(m.cart_lines), unreadNotifications: Number(m.unread_notifications) })).sort((a, b) => a.name.localeCompare(b.name))

/** The organizations the actor belongs to now (read afresh: an action may just have added one). */
export async function listMyOrganizations(ctx: Ctx, kinds: readonly OrganizationKind[]): Promise<MyOrganizationDto[]> {
  return ctx.actor.userId ? toMyOrganizations(await membershipsOf(ctx.em, ctx.actor.userId, kinds)) : []
}

/** The active buyer companies below one (children, their children, ...), five levels at most. */
async function childCompaniesOf(em: EntityManager, id: string): Promise<string[]> {
  const rows: { id: string }[] = await em.getConnection().execute(
    `with recursive down(id, depth) as (
       select id, 1 from organization where parent_id = ? and kind = 'buyer' and status = 'active'
       union all select o.id, down.depth + 1 from organization o join down on o.parent_id = down.id
         where o.kind = 'buyer' and o.status = 'active' and down.depth < ?
     ) select distinct id from down order by id`,
    [id, MAX_PARENT_DEPTH],
  )
  return rows.map((r) => r.id)
}

export interface MemberDto {
  membershipId: string
  userId: string
  name: string
  email: string
  role: Membership['role']
  since: string
}

/** The members of the actor's active organization, or of another the actor may read (the operator). */
export async function listMembers(ctx: Ctx, organizationId?: string): Promise<MemberDto[]> {
  const orgId = organizationId ?? ctx.actor.membership?.organizationId
  if (!orgId) return []
  const memberships = await scoped(ctx).find(Membership, { organizationId: orgId }, { orderBy: { createdAt: 'asc' } })
  if (!memberships.length) return []
  const users = await ctx.em.find(User, { id: { $in: memberships.map((m) => m.userId) } })
  const byId = new Map(users.map((u) => [u.id, u]))
  return memberships.map((m) => ({
    membershipId: m.id,
    userId: m.userId,
    name: byId.get(m.userId)?.name ?? '',
    email: byId.get(m.userId)?.email ?? '',
    role: m.role,
    since: m.createdAt.toISOString(),
  }))
}

export interface CurrentUserDto {
  id: string
  name: string
  email: string
  locale: User['locale']
}

export async function getCurrentUser(ctx: Ctx): Promise<CurrentUserDto | null> {
  if (!ctx.actor.userId) return null
  const user = await ctx.em.findOne(User, { id: ctx.actor.userId })
  return user ? { id: user.id, name: user.name, email: user.email, locale: user.locale } : null
}

export type MemberChangeError = 'LAST_ADMIN' | 'ROLE_NOT_FOR_ORGANIZATION'

/**
 * An admin gives a member of its organization (or, a parent company's admin, of a company below
 * it) another role. The last admin of an organization stays one: someone must keep it.
 */
export async function changeMemberRole(ctx: Ctx, membershipId: string, role: Role): Promise<Result<MemberDto, MemberChangeError>> {
  return ctx.em.transactional(async (em) => {
    const tx = { ...ctx, em }
    const membership = await scoped(tx).findOneOrThrow(Membership, { id: membershipId }, 'update')
    authorize(tx, 'update', membership)
    const org = await em.findOneOrFail(Organization, { id: membership.organizationId })
    if (!isRoleAllowed(org.kind, role)) return fail('ROLE_NOT_FOR_ORGANIZATION', { field: 'role' })
    if (membership.role === role) return ok((await listMembers(tx, org.id)).find((m) => m.membershipId === membership.id)!)
    if (membership.role === 'admin' && (await em.count(Membership, { organizationId: org.id, role: 'admin' })) === 1) return fail('LAST_ADMIN', { field: 'role' })
    const user = await em.findOneOrFail(User, { id: membership.userId })
    membership.role = role
    recordAudit(tx, { organizationId: org.id, action: 'membership.role_changed', subjectType: 'Membership', subjectId: membership.id, details: { email: user.email, role } })
    await em.flush()
    return ok((await listMembers(tx, org.id)).find((m) => m.membershipId === membership.id)!)
  })
}

/**
 * An admin takes a person out of its organization (or of a company below it): they can no
 * longer act for it. The last admin stays.
 */
export async function removeMember(ctx: Ctx, membershipId: string): Promise<Result<{ organizationId: string }, 'LAST_ADMIN'>> {
  return ctx.em.transactional(async (em) => {
    const tx = { ...ctx, em }
    const membership = await scoped(tx).findOneOrThrow(Membership, { id: membershipId }, 'delete')
    authorize(tx, 'delete', membership)
    if (membership.role === 'admin' && (await em.count(Membership, { organizationId: membership.organizationId, role: 'admin' })) === 1) return fail('LAST_ADMIN')
    const user = await em.findOneOrFail(User, { id: membership.userId })
    recordAudit(tx, { organizationId: membership.organizationId, action: 'membership.removed', subjectType: 'Membership', subjectId: membership.id, details: { email: user.email, role: membership.role } })
    em.remove(membership)
    await em.flush()
    return ok({ organizationId: membership.organizationId })
  })
}

export interface PeoplePageDto {
  /** The organization whose people these are: the active one, or a company below it. */
  organization: { id: string; name: string }
  /** The active organization first, then the companies below it its admins manage, by name. */
  organizations: { id: string; name: string }[]
  members: MemberDto[]
  invitations: InvitationDto[]
  roles: readonly Role[]
  /** Whether the actor may change roles and remove people here (not while acting as someone). */
  canManage: boolean
}

/** An organization's people (members and pending invitations), for its admins and a parent company's. */
export async function getPeoplePage(ctx: Ctx, organizationId?: string): Promise<PeoplePageDto> {
  const m = ctx.actor.membership
  if (!m) throw new DomainError('forbidden', 'FORBIDDEN')
  const ids = [m.organizationId, ...(m.childOrganizationIds ?? [])]
  const orgId = organizationId ?? m.organizationId
  if (!ids.includes(orgId)) throw new DomainError('not_found', 'NOT_FOUND')
  const orgs = await scoped(ctx).find(Organization, { id: { $in: ids } })
  const organization = orgs.find((o) => o.id === orgId)
  if (!organization) throw new DomainError('not_found', 'NOT_FOUND')
  const organizations = orgs.map((o) => ({ id: o.id, name: o.name })).sort((a, b) => (a.id === m.organizationId ? -1 : b.id === m.organizationId ? 1 : a.name.localeCompare(b.name)))
  const [members, invitations] = await Promise.all([listMembers(ctx, orgId), listInvitations(ctx, orgId)])
  return { organization: { id: organization.id, name: organization.name }, organizations, members, invitations, roles: ROLES_BY_KIND[organization.kind], canManage: may(ctx, 'update', Membership, { organizationId: orgId }) }
}
