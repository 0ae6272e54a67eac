import { defineEntity, p } from '@mikro-orm/core'
import { createdAtColumn, idColumn } from '../db/columns.ts'
import { Organization } from '../organizations/organization.entity.ts'
import { User } from '../users/user.entity.ts'

/**
 * What happened that concerns a person, in the app they work in: written with the email of the
 * same event (in their language), read in the app. `organizationId` is the organization the person
 * hears of it as (the seller's staff, the buyer company's people).
 */
const NotificationSchema = defineEntity({
  name: 'Notification',
  tableName: 'notification',
  indexes: [
    { name: 'notification_user_org_index', properties: ['userId', 'organizationId', 'createdAt'] },
    // Every page's header counts the unread: only they are indexed for it.
    { name: 'notification_unread_index', expression: 'create index "notification_unread_index" on "notification" ("user_id", "organization_id") where "read_at" is null' },
  ],
  properties: {
    id: idColumn(),
    userId: () => p.manyToOne(User).mapToPk().fieldName('user_id').deleteRule('cascade'),
    organizationId: () => p.manyToOne(Organization).mapToPk().fieldName('organization_id').deleteRule('cascade'),
    title: p.string().length(300),
    /** Where it leads, in the app of the organization (a path). */
    path: p.string().length(500),
    readAt: p.datetime().nullable().fieldName('read_at'),
    createdAt: createdAtColumn(),
  },
})
export class Notification extends NotificationSchema.class {}
NotificationSchema.setClass(Notification)
