import { z } from '../zod.ts'
import { accessibleWhere } from '../authz/ability.ts'
import { scoped } from '../authz/scoped.ts'
import type { Ctx } from '../ctx.ts'
import { AuditEvent } from './audit-event.entity.ts'
import { Organization } from '../organizations/organization.entity.ts'
import { User } from '../users/user.entity.ts'

export const AuditFilterSchema = z.object({
  organizationId: z.uuid().optional(),
  action: z.string().trim().max(100).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
})
export type AuditFilter = z.infer<typeof AuditFilterSchema>

export interface AuditEventDto {
  id: string
  createdAt: string
  action: string
  subjectType: string
  subjectId: string
  organizationId: string
  organizationName: string
  actorName: string | null
  impersonatorName: string | null
  details: Record<string, unknown>
}

const PAGE_SIZE = 50

/** The audit log the actor may read (their organization's; all of them for the operator). */
export async function listAuditEvents(ctx: Ctx, filter: AuditFilter) {
  const where: Record<string, unknown> = {}
  if (filter.organizationId) where.organizationId = filter.organizationId
  if (filter.action) where.action = { $like: `${filter.action.replaceAll('%', '')}%` }
  const createdAt: Record<string, Date> = {}
  if (filter.from) createdAt.$gte = new Date(`${filter.from}T00:00:00Z`)
  if (filter.to) createdAt.$lt = new Date(new Date(`${filter.to}T00:00:00Z`).getTime() + 86_400_000)
  if (Object.keys(createdAt).length) where.createdAt = createdAt
  const [events, total] = await scoped(ctx).findAndCount(AuditEvent, where, {
    orderBy: { createdAt: 'desc', id: 'desc' },
    limit: PAGE_SIZE,
    offset: (filter.page - 1) * PAGE_SIZE,
  })
  const userIds = [...new Set(events.flatMap((e) => [e.actorUserId, e.impersonatorUserId]).filter((id): id is string => !!id))]
  const orgIds = [...new Set(events.map((e) => e.organizationId))]
  const users = userIds.length ? await ctx.em.find(User, { id: { $in: userIds } }) : []
  const orgs = orgIds.length ? await ctx.em.find(Organization, { id: { $in: orgIds } }) : []
  const userName = new Map(users.map((u) => [u.id, u.name]))
  const orgName = new Map(orgs.map((o) => [o.id, o.name]))
  const items: AuditEventDto[] = events.map((e) => ({
    id: e.id,
    createdAt: e.createdAt.toISOString(),
    action: e.action,
    subjectType: e.subjectType,
    subjectId: e.subjectId,
    organizationId: e.organizationId,
    organizationName: orgName.get(e.organizationId) ?? '',
    actorName: e.actorUserId ? (userName.get(e.actorUserId) ?? null) : null,
    impersonatorName: e.impersonatorUserId ? (userName.get(e.impersonatorUserId) ?? null) : null,
    details: e.details,
  }))
  return { items, total, page: filter.page, pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)) }
}

/** The actions that occur in the log the actor may read, for the filter's list (distinct, in SQL). */
export async function listAuditActions(ctx: Ctx): Promise<string[]> {
  const allowed = accessibleWhere(ctx.ability, 'read', AuditEvent)
  if (allowed === null) return []
  const rows = await ctx.em.createQueryBuilder(AuditEvent, 'e').select('e.action', true).where(allowed as never).orderBy({ action: 'asc' }).limit(500).execute<{ action: string }[]>()
  return rows.map((r) => r.action)
}
