import { enqueueIndexing } from '../catalog/products.ts'
import { z } from '../zod.ts'
import { recordAudit } from '../audit/record-audit.ts'
import { authorize, authorizeType, scoped } from '../authz/scoped.ts'
import type { Ctx } from '../ctx.ts'
import { queueEmail } from '../email/queue-email.ts'
import { fail, ok, type Result } from '../errors.ts'
import { Membership } from '../users/membership.entity.ts'
import { Session } from '../users/session.entity.ts'
import { User } from '../users/user.entity.ts'
import { toOrganizationDto, type OrganizationDto } from './organization.dto.ts'
import { Organization, ORGANIZATION_KINDS, ORGANIZATION_STATUSES } from './organization.entity.ts'
import { containsPattern, likeLiteral } from '../text.ts'

export const OrganizationFilterSchema = z.object({
  q: z.string().trim().max(100).optional(),
  kind: z.enum(ORGANIZATION_KINDS).optional(),
  status: z.enum(ORGANIZATION_STATUSES).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
})
export type OrganizationFilter = z.infer<typeof OrganizationFilterSchema>

const PAGE_SIZE = 50

/** Organizations the actor may read (all of them for the operator), pending ones first. */
export async function listOrganizations(ctx: Ctx, filter: OrganizationFilter) {
  authorizeType(ctx, 'operate', Organization)
  const where: Record<string, unknown> = {}
  if (filter.kind) where.kind = filter.kind
  if (filter.status) where.status = filter.status
  if (filter.q) where.name = { $ilike: `%${filter.q.replaceAll('%', '')}%` }
  const [orgs, total] = await scoped(ctx).findAndCount(Organization, where, {
    orderBy: { createdAt: 'desc' },
    limit: PAGE_SIZE,
    offset: (filter.page - 1) * PAGE_SIZE,
  })
  return { items: orgs.map(toOrganizationDto), total, page: filter.page, pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)) }
}

export async function getOrganization(ctx: Ctx, id: string): Promise<OrganizationDto> {
  authorizeType(ctx, 'operate', Organization)
  return toOrganizationDto(await scoped(ctx).findOneOrThrow(Organization, { id }))
}

/** Counts for the operator's dashboard: organizations by kind, and applications waiting. */
export async function operatorOverview(ctx: Ctx) {
  authorizeType(ctx, 'operate', Organization)
  const orgs = await scoped(ctx).find(Organization, {})
  const byKind = ORGANIZATION_KINDS.map((kind) => ({ kind, count: orgs.filter((o) => o.kind === kind).length }))
  return { byKind, pending: orgs.filter((o) => o.status === 'pending').length, total: orgs.length }
}

type Transition = 'approve' | 'reject' | 'suspend' | 'reactivate'
const TRANSITIONS: Record<Transition, { from: Organization['status'][]; to: Organization['status']; action: 'approve' | 'suspend' }> = {
  approve: { from: ['pending'], to: 'active', action: 'approve' },
  reject: { from: ['pending'], to: 'rejected', action: 'approve' },
  suspend: { from: ['active'], to: 'suspended', action: 'suspend' },
  reactivate: { from: ['suspended'], to: 'active', action: 'suspend' },
}

/**
 * The operator approves or rejects an application, suspends or reactivates an organization.
 * Suspending ends the sessions of its members; they can no longer act for it.
 */
export async function changeOrganizationStatus(
  ctx: Ctx,
  input: { organizationId: string; transition: Transition; reason?: string; origin: string },
): Promise<Result<OrganizationDto, 'STATUS_TRANSITION_INVALID' | 'REASON_REQUIRED'>> {
  const rule = TRANSITIONS[input.transition]
  if (input.transition === 'reject' && !input.reason?.trim()) return fail('REASON_REQUIRED', { field: 'reason' })
  authorizeType(ctx, 'operate', Organization)
  return ctx.em.transactional(async (em) => {
    const tx = { ...ctx, em }
    const org = await scoped(tx).findOneOrThrow(Organization, { id: input.organizationId })
    authorize(tx, rule.action, org)
    if (!rule.from.includes(org.status)) return fail('STATUS_TRANSITION_INVALID', { params: { status: org.status } })
    const from = org.status
    org.status = rule.to
    recordAudit(tx, {
      organizationId: org.id,
      action: `organization.${input.transition === 'approve' ? 'approved' : input.transition === 'reject' ? 'rejected' : input.transition === 'suspend' ? 'suspended' : 'reactivated'}`,
      subjectType: 'Organization',
      subjectId: org.id,
      details: { from, to: org.status, ...(input.reason ? { reason: input.reason } : {}) },
    })
    if (input.transition === 'approve' || input.transition === 'reject') {
      const admins = await em.find(Membership, { organizationId: org.id, role: 'admin' })
      const users = admins.length ? await em.find(User, { id: { $in: admins.map((a) => a.userId) } }) : []
      for (const user of users) {
        await queueEmail(tx, user.email, user.locale, input.transition === 'approve'
          ? { template: 'application-approved', params: { organizationName: org.name, url: `${input.origin}/login` } }
          : { template: 'application-rejected', params: { organizationName: org.name, reason: input.reason!.trim() } })
      }
    }
    if (input.transition === 'suspend') {
      // Every session of its members ends now, whatever organization the session had active (a
      // fresh sign-in has none): they sign in again, and their memberships of it no longer count.
      const members = await em.find(Membership, { organizationId: org.id }, { fields: ['userId'] })
      if (members.length) await em.nativeDelete(Session, { userId: { $in: [...new Set(members.map((m) => m.userId))] } })
    }
    if (input.transition === 'suspend' || input.transition === 'reactivate') await followStatusInCatalog(tx, org.id, org.status === 'active')
    return ok(toOrganizationDto(org))
  })
}

/** Products are re-indexed this many to a job. */
const INDEX_BATCH = 500

/**
 * A suspended organization's products and offers leave public pages (the public read rules
 * need `ownerActive` and `sellerActive`), and every product it owns or offers is re-indexed through the outbox, in this
 * transaction: search, facets and minimum prices follow at once, and come back on reactivation.
 */
async function followStatusInCatalog(ctx: Ctx, organizationId: string, active: boolean): Promise<void> {
  const conn = ctx.em.getConnection()
  const tx = ctx.em.getTransactionContext()
  await conn.execute('update product set owner_active = ? where organization_id = ?', [active, organizationId], 'run', tx)
  await conn.execute('update offer set seller_active = ? where organization_id = ?', [active, organizationId], 'run', tx)
  await reindexSellerCatalog(ctx, organizationId)
}

/** Every product a seller owns or offers, indexed again through the outbox (in the caller's transaction). */
export async function reindexSellerCatalog(ctx: Ctx, organizationId: string): Promise<void> {
  const conn = ctx.em.getConnection()
  const tx = ctx.em.getTransactionContext()
  const rows = await conn.execute<{ id: string }[]>(
    'select id from product where organization_id = ? union select distinct product_id from offer where organization_id = ?',
    [organizationId, organizationId],
    'all',
    tx,
  )
  const ids = rows.map((r) => r.id)
  for (let i = 0; i < ids.length; i += INDEX_BATCH) await enqueueIndexing(ctx, ids.slice(i, i + INDEX_BATCH))
}

/** Active manufacturers and distributors: the public directory anyone may read. */
export async function listPublicSellers(ctx: Ctx): Promise<OrganizationDto[]> {
  const sellers = await scoped(ctx).find(Organization, { status: 'active', kind: { $in: ['manufacturer', 'distributor'] } }, { orderBy: { name: 'asc' }, limit: 100 })
  return sellers.map(toOrganizationDto)
}

/**
 * Active sellers whose name contains the text (two characters at least), by name: the picker
 * that searches as one types, for any number of sellers.
 */
export async function findSellers(ctx: Ctx, text: string, options: { kind?: 'manufacturer' | 'distributor'; limit?: number } = {}): Promise<{ id: string; name: string; slug: string; kind: string }[]> {
  const q = text.trim()
  if (q.length < 2) return []
  const like = containsPattern(q)
  const rows = await scoped(ctx).find(Organization, { status: 'active', kind: options.kind ?? { $in: ['manufacturer', 'distributor'] }, $or: [{ name: { $ilike: like } }, { slug: { $ilike: like } }] }, { orderBy: { name: 'asc' }, limit: options.limit ?? 10 })
  return rows.map((o) => ({ id: o.id, name: o.name, slug: o.slug, kind: o.kind }))
}

/** The active seller with this very name (any case) or slug: what a picker's text field names. */
export async function sellerNamed(ctx: Ctx, name: string): Promise<{ id: string; name: string } | null> {
  const q = name.trim()
  if (!q) return null
  const row = await scoped(ctx).findOne(Organization, { status: 'active', kind: { $in: ['manufacturer', 'distributor'] }, $or: [{ name: { $ilike: likeLiteral(q) } }, { slug: q.toLowerCase() }] })
  return row ? { id: row.id, name: row.name } : null
}
