import { z } from '../zod.ts'
import { accessibleWhere } from '../authz/ability.ts'
import { scoped } from '../authz/scoped.ts'
import { stringify } from 'csv-stringify/sync'
import type { Ctx } from '../ctx.ts'
import { DomainError } from '../errors.ts'
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

/** The filter as a where-clause (the ability is AND-ed on by `scoped`). */
function whereOf(filter: Omit<AuditFilter, 'page'>): Record<string, unknown> {
  const where: Record<string, unknown> = {}
  if (filter.organizationId) where.organizationId = filter.organizationId
  if (filter.action) where.action = { $like: `${filter.action.replaceAll('%', '')}%` }
  const createdAt: Record<string, Date> = {}
  if (filter.from) createdAt.$gte = new Date(`${filter.from}T00:00:00Z`)
  if (filter.to) createdAt.$lt = new Date(new Date(`${filter.to}T00:00:00Z`).getTime() + 86_400_000)
  if (Object.keys(createdAt).length) where.createdAt = createdAt
  return where
}

/** Events with the names of their organizations and people (two queries for the whole batch). */
async function toDtos(ctx: Ctx, events: AuditEvent[]): Promise<AuditEventDto[]> {
  const userIds = [...new Set(events.flatMap((e) => [e.actorUserId, e.impersonatorUserId]).filter((id): id is string => !!id))]
  const orgIds = [...new Set(events.map((e) => e.organizationId))]
  const users = userIds.length ? await ctx.em.find(User, { id: { $in: userIds } }) : []
  const orgs = orgIds.length ? await ctx.em.find(Organization, { id: { $in: orgIds } }) : []
  const userName = new Map(users.map((u) => [u.id, u.name]))
  const orgName = new Map(orgs.map((o) => [o.id, o.name]))
  return events.map((e) => ({
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
}

/** The audit log the actor may read (their organization's; all of them for the operator). */
export async function listAuditEvents(ctx: Ctx, filter: AuditFilter) {
  const [events, total] = await scoped(ctx).findAndCount(AuditEvent, whereOf(filter), {
    orderBy: { createdAt: 'desc', id: 'desc' },
    limit: PAGE_SIZE,
    offset: (filter.page - 1) * PAGE_SIZE,
  })
  const items = await toDtos(ctx, events)
  return { items, total, page: filter.page, pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)) }
}

/** The actions that occur in the log the actor may read, for the filter's list (distinct, in SQL). */
export async function listAuditActions(ctx: Ctx): Promise<string[]> {
  const allowed = accessibleWhere(ctx.ability, 'read', AuditEvent)
  if (allowed === null) return []
  const rows = await ctx.em.createQueryBuilder(AuditEvent, 'e').select('e.action', true).where(allowed as never).orderBy({ action: 'asc' }).limit(500).execute<{ action: string }[]>()
  return rows.map((r) => r.action)
}

const EXPORT_BATCH = 1000

/**
 * The log as CSV, with the same filter and ability as the page, newest first, a batch at a
 * time by (time, id): a long history streams out without being held in memory. Details stay
 * JSON, for spreadsheets and scripts alike; cells never start a formula.
 */
export async function* auditCsvChunks(ctx: Ctx, filter: Omit<AuditFilter, 'page'>): AsyncGenerator<string> {
  if (!ctx.ability.can('read', AuditEvent)) throw new DomainError('forbidden', 'FORBIDDEN')
  const options = { escape_formulas: true } as const
  yield stringify([], { ...options, header: true, columns: ['time', 'action', 'organization', 'actor', 'on_behalf_of', 'subject_type', 'subject_id', 'details'] })
  const where = whereOf(filter)
  let after: { createdAt: Date; id: string } | null = null
  for (;;) {
    const batch = { ...ctx, em: ctx.em.fork({ clear: true }) }
    const page: Record<string, unknown> = after ? { $and: [where, { $or: [{ createdAt: { $lt: after.createdAt } }, { createdAt: after.createdAt, id: { $lt: after.id } }] }] } : where
    const events = await scoped(batch).find(AuditEvent, page, { orderBy: { createdAt: 'desc', id: 'desc' }, limit: EXPORT_BATCH })
    if (!events.length) return
    const last = events[events.length - 1]!
    after = { createdAt: last.createdAt, id: last.id }
    const rows = (await toDtos(batch, events)).map((e) => [e.createdAt, e.action, e.organizationName, e.actorName ?? '', e.impersonatorName ?? '', e.subjectType, e.subjectId, JSON.stringify(e.details)])
    yield stringify(rows, options)
    if (events.length < EXPORT_BATCH) return
  }
}
