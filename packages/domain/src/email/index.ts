export { EmailMessage } from './email-message.entity.ts'
export { queueEmail, deliverEmail, type EmailTransport } from './queue-email.ts'
export { listMailbox, type MailboxMessageDto } from './list-mailbox.ts'
export { renderEmail, type EmailTemplate } from './templates.ts'
