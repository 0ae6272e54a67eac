// The in-app side of what the outbox emails: each person's notifications in the organization
// they are working as, newest first; reading the page and marking them read are theirs alone.
import { may, scoped } from '../authz/scoped.ts'
import type { Ctx } from '../ctx.ts'
import { Notification } from './notification.entity.ts'

export interface NotificationDto {
  id: string
  title: string
  path: string
  read: boolean
  createdAt: string
}

const LIMIT = 50

/** Writes one (in the caller's transaction, with the email of the same event). */
export function notify(ctx: Ctx, input: { userId: string; organizationId: string; title: string; path: string }): void {
  ctx.em.persist(ctx.em.create(Notification, { ...input, title: input.title.slice(0, 300), path: input.path.slice(0, 500), readAt: null }))
}

export async function myNotifications(ctx: Ctx): Promise<NotificationDto[]> {
  const org = ctx.actor.membership?.organizationId
  if (!ctx.actor.userId || !org) return []
  const rows = await scoped(ctx).find(Notification, { userId: ctx.actor.userId, organizationId: org }, { orderBy: { createdAt: 'desc', id: 'desc' }, limit: LIMIT })
  return rows.map((n) => ({ id: n.id, title: n.title, path: n.path, read: !!n.readAt, createdAt: n.createdAt.toISOString() }))
}

/** Marks the actor's unread notifications (in its organization) read; returns how many. */
export async function markNotificationsRead(ctx: Ctx): Promise<number> {
  const org = ctx.actor.membership?.organizationId
  if (!ctx.actor.userId || !org || !may(ctx, 'update', Notification, { userId: ctx.actor.userId })) return 0
  return ctx.em.nativeUpdate(Notification, { userId: ctx.actor.userId, organizationId: org, readAt: null }, { readAt: new Date() })
}
