import { recordAudit } from '../audit/record-audit.ts'
import { authorize, authorizeType, scoped } from '../authz/scoped.ts'
import type { Ctx } from '../ctx.ts'
import { queueEmail } from '../email/queue-email.ts'
import { DomainError, fail, ok, type Result } from '../errors.ts'
import { Organization } from '../organizations/organization.entity.ts'
import { Invitation } from './invitation.entity.ts'
import { Membership } from './membership.entity.ts'
import { hashPassword } from './password.ts'
import { isRoleAllowed, type Role } from './roles.ts'
import { hashToken, newSecretToken } from './tokens.ts'
import { User } from './user.entity.ts'
import type { InviteMemberInput } from './user.schemas.ts'

const INVITATION_TTL_MS = 7 * 24 * 60 * 60_000

export interface InvitationDto {
  id: string
  email: string
  role: Role
  expiresAt: string
  acceptedAt: string | null
  revokedAt: string | null
  createdAt: string
}

const toInvitationDto = (i: Invitation): InvitationDto => ({
  id: i.id,
  email: i.email,
  role: i.role,
  expiresAt: i.expiresAt.toISOString(),
  acceptedAt: i.acceptedAt?.toISOString() ?? null,
  revokedAt: i.revokedAt?.toISOString() ?? null,
  createdAt: i.createdAt.toISOString(),
})

/**
 * An admin invites someone by email with a role into the active organization, or (a parent
 * company's admin) into one of the companies below it.
 */
export async function inviteMember(
  ctx: Ctx,
  input: InviteMemberInput & { origin: string; organizationId?: string },
): Promise<Result<InvitationDto, 'ROLE_NOT_FOR_ORGANIZATION' | 'ALREADY_MEMBER'>> {
  const m = ctx.actor.membership
  if (!m) throw new DomainError('forbidden', 'FORBIDDEN')
  const orgId = input.organizationId ?? m.organizationId
  const draft = Object.assign(Object.create(Invitation.prototype) as Invitation, { organizationId: orgId })
  authorize(ctx, 'create', draft)
  const org = orgId === m.organizationId ? { kind: m.organizationKind, name: m.organizationName } : await scoped(ctx).findOneOrThrow(Organization, { id: orgId })
  if (!isRoleAllowed(org.kind, input.role)) return fail('ROLE_NOT_FOR_ORGANIZATION', { field: 'role' })

  return ctx.em.transactional(async (em) => {
    const tx = { ...ctx, em }
    const existing = await em.findOne(User, { email: input.email })
    if (existing && (await em.count(Membership, { userId: existing.id, organizationId: orgId }))) {
      return fail('ALREADY_MEMBER', { field: 'email' })
    }
    const inviter = await em.findOneOrFail(User, { id: ctx.actor.userId! })
    const { token, hash } = newSecretToken()
    const invitation = em.create(Invitation, {
      organizationId: orgId,
      email: input.email,
      role: input.role,
      tokenHash: hash,
      invitedByUserId: inviter.id,
      expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
    })
    em.persist(invitation)
    recordAudit(tx, {
      organizationId: orgId,
      action: 'invitation.created',
      subjectType: 'Invitation',
      subjectId: invitation.id,
      details: { email: input.email, role: input.role },
    })
    await queueEmail(tx, input.email, existing?.locale ?? ctx.locale, {
      template: 'invitation',
      params: { organizationName: org.name, inviterName: inviter.name, role: input.role, url: `${input.origin}/invitations/${token}` },
    })
    return ok(toInvitationDto(invitation))
  })
}

/** Pending invitations of the active organization (or of a company below it); only admins may see them. */
export async function listInvitations(ctx: Ctx, organizationId?: string): Promise<InvitationDto[]> {
  authorizeType(ctx, 'read', Invitation)
  const orgId = organizationId ?? ctx.actor.membership!.organizationId
  const invitations = await scoped(ctx).find(Invitation, { organizationId: orgId, acceptedAt: null, revokedAt: null }, { orderBy: { createdAt: 'desc' } })
  return invitations.map(toInvitationDto)
}

export async function revokeInvitation(ctx: Ctx, invitationId: string): Promise<void> {
  await ctx.em.transactional(async (em) => {
    const tx = { ...ctx, em }
    const invitation = await scoped(tx).findOneOrThrow(Invitation, { id: invitationId }, 'delete')
    if (invitation.acceptedAt || invitation.revokedAt) return
    invitation.revokedAt = new Date()
    recordAudit(tx, { organizationId: invitation.organizationId, action: 'invitation.revoked', subjectType: 'Invitation', subjectId: invitation.id, details: { email: invitation.email } })
  })
}

type InvitationError = 'INVITATION_INVALID' | 'INVITATION_EXPIRED' | 'INVITATION_USED'

export interface InvitationPreviewDto {
  organizationName: string
  email: string
  role: Role
  /** Whether an account with the invited email exists (then: sign in to accept). */
  accountExists: boolean
}

/** What the invitation link shows. The token itself is the permission to see it. */
export async function previewInvitation(ctx: Ctx, token: string): Promise<Result<InvitationPreviewDto, InvitationError>> {
  const found = await findUsableInvitation(ctx, token)
  if (!found.ok) return found
  const { invitation, organization } = found.value
  const accountExists = (await ctx.em.count(User, { email: invitation.email })) > 0
  return ok({ organizationName: organization.name, email: invitation.email, role: invitation.role, accountExists })
}

async function findUsableInvitation(ctx: Ctx, token: string): Promise<Result<{ invitation: Invitation; organization: Organization }, InvitationError>> {
  const invitation = await ctx.em.findOne(Invitation, { tokenHash: hashToken(token) })
  if (!invitation || invitation.revokedAt) return fail('INVITATION_INVALID')
  if (invitation.acceptedAt) return fail('INVITATION_USED')
  if (invitation.expiresAt <= new Date()) return fail('INVITATION_EXPIRED')
  const organization = await ctx.em.findOne(Organization, { id: invitation.organizationId })
  if (!organization || organization.status === 'suspended' || organization.status === 'rejected') return fail('INVITATION_INVALID')
  return ok({ invitation, organization })
}

/**
 * Accepts an invitation. A signed-in user must be the invited email's owner; an anonymous
 * visitor creates an account with a name and password, unless that email has one already
 * (then they sign in first).
 */
export async function acceptInvitation(
  ctx: Ctx,
  input: { token: string; name?: string; password?: string },
): Promise<Result<{ userId: string; organizationId: string }, InvitationError | 'INVITATION_WRONG_ACCOUNT' | 'INVITATION_LOGIN_REQUIRED' | 'INVITATION_DETAILS_REQUIRED'>> {
  const passwordHash = input.password ? await hashPassword(input.password) : null
  return ctx.em.transactional(async (em) => {
    const tx = { ...ctx, em }
    const found = await findUsableInvitation(tx, input.token)
    if (!found.ok) return found
    const { invitation } = found.value
    let user = await em.findOne(User, { email: invitation.email })
    if (ctx.actor.userId) {
      if (!user || user.id !== ctx.actor.userId) return fail('INVITATION_WRONG_ACCOUNT')
    } else if (user) {
      return fail('INVITATION_LOGIN_REQUIRED')
    } else {
      if (!input.name || !passwordHash) return fail('INVITATION_DETAILS_REQUIRED')
      user = em.create(User, { email: invitation.email, name: input.name, passwordHash, locale: ctx.locale })
      em.persist(user)
    }
    // Spend the invitation atomically: of two concurrent accepts, one wins.
    await em.flush()
    const spent = await em.nativeUpdate(Invitation, { id: invitation.id, acceptedAt: null }, { acceptedAt: new Date() })
    if (spent !== 1) return fail('INVITATION_USED')
    if (!(await em.count(Membership, { userId: user.id, organizationId: invitation.organizationId }))) {
      em.persist(em.create(Membership, { userId: user.id, organizationId: invitation.organizationId, role: invitation.role }))
    }
    recordAudit(tx, {
      organizationId: invitation.organizationId,
      actorUserId: user.id,
      action: 'invitation.accepted',
      subjectType: 'Invitation',
      subjectId: invitation.id,
      details: { email: invitation.email, role: invitation.role },
    })
    return ok({ userId: user.id, organizationId: invitation.organizationId })
  })
}
