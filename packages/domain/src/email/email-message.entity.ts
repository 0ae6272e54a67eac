import { defineEntity, p } from '@mikro-orm/core'
import { createdAtColumn, idColumn } from '../db/columns.ts'

export const EMAIL_STATUSES = ['queued', 'sent', 'failed'] as const

/** The email outbox and, without SMTP, the development mailbox. */
const EmailMessageSchema = defineEntity({
  name: 'EmailMessage',
  tableName: 'email_message',
  properties: {
    id: idColumn(),
    to: p.string().length(320).index(),
    subject: p.string().length(300),
    text: p.text(),
    html: p.text(),
    template: p.string().length(60),
    status: p.enum(EMAIL_STATUSES).default('queued'),
    attempts: p.integer().default(0),
    sentAt: p.datetime().nullable(),
    lastError: p.text().nullable(),
    createdAt: createdAtColumn(),
  },
})

export class EmailMessage extends EmailMessageSchema.class {}
EmailMessageSchema.setClass(EmailMessage)
