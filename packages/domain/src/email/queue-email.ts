import type { EntityManager } from '@mikro-orm/postgresql'
import type { Ctx } from '../ctx.ts'
import { QUEUES } from '../jobs/outbox.ts'
import type { Locale } from '../organizations/organization.entity.ts'
import { EmailMessage } from './email-message.entity.ts'
import { renderEmail, type EmailTemplate } from './templates.ts'

/**
 * Writes the message to the outbox and enqueues its delivery, both in the current transaction:
 * an email goes out only for a change that committed.
 */
export async function queueEmail(ctx: Ctx, to: string, locale: Locale, email: EmailTemplate): Promise<EmailMessage> {
  const rendered = renderEmail(locale, email)
  const message = ctx.em.create(EmailMessage, { to, template: email.template, ...rendered })
  ctx.em.persist(message)
  await ctx.em.flush()
  await ctx.jobs.send(ctx.em, QUEUES.emailDeliver, { emailId: message.id }, { singletonKey: message.id })
  return message
}

export interface EmailTransport {
  /** Sends the message; stores nothing. Throws on failure (the job is retried). */
  send(message: { to: string; subject: string; text: string; html: string }): Promise<void>
}

/**
 * Delivers one queued email, idempotently: a message already sent is not sent again. Without a
 * transport (no SMTP) the message stays in the database, where the dev mailbox shows it.
 */
export async function deliverEmail(em: EntityManager, emailId: string, transport: EmailTransport | null): Promise<'sent' | 'skipped'> {
  const message = await em.findOne(EmailMessage, { id: emailId })
  if (!message || message.status === 'sent') return 'skipped'
  message.attempts += 1
  try {
    if (transport) await transport.send(message)
    message.status = 'sent'
    message.sentAt = new Date()
    message.lastError = null
  } catch (error) {
    message.lastError = String(error instanceof Error ? error.message : error).slice(0, 2000)
    await em.flush()
    throw error
  }
  await em.flush()
  return 'sent'
}
