import type { EntityManager } from '@mikro-orm/postgresql'
import { EmailMessage } from './email-message.entity.ts'

export interface MailboxMessageDto {
  id: string
  to: string
  subject: string
  text: string
  html: string
  status: string
  createdAt: string
}

/**
 * The development mailbox: every stored message, newest first. Not tenant data and not a
 * production feature: the apps only mount it outside production, without SMTP.
 */
export async function listMailbox(em: EntityManager, filter: { to?: string } = {}): Promise<MailboxMessageDto[]> {
  const where = filter.to ? { to: filter.to.trim().toLowerCase() } : {}
  const messages = await em.find(EmailMessage, where, { orderBy: { createdAt: 'desc' }, limit: 100 })
  return messages.map((m) => ({
    id: m.id,
    to: m.to,
    subject: m.subject,
    text: m.text,
    html: m.html,
    status: m.status,
    createdAt: m.createdAt.toISOString(),
  }))
}
