import { describe, expect, it } from 'vitest'
import { useTestDatabase } from '../testing/test-database.ts'
import { EmailMessage } from './email-message.entity.ts'
import { deliverEmail, type EmailTransport } from './queue-email.ts'

const db = useTestDatabase()

async function storedMessage() {
  const em = db().orm.em.fork()
  const message = em.create(EmailMessage, { to: 'someone@example.test', subject: 'Hi', text: 'Hello', html: '<p>Hello</p>', template: 'invitation' })
  await em.persist(message).flush()
  return message.id
}

describe('email delivery', () => {
  it('sends a message once, however often its job runs', async () => {
    const sent: string[] = []
    const transport: EmailTransport = { send: async (m) => void sent.push(m.to) }
    const id = await storedMessage()
    expect(await deliverEmail(db().orm.em.fork(), id, transport)).toBe('sent')
    expect(await deliverEmail(db().orm.em.fork(), id, transport)).toBe('skipped')
    expect(sent).toEqual(['someone@example.test'])
    const message = await db().orm.em.fork().findOneOrFail(EmailMessage, { id })
    expect(message.status).toBe('sent')
    expect(message.attempts).toBe(1)
  })

  it('records a failure and throws, so the job is retried, then succeeds', async () => {
    const id = await storedMessage()
    const down: EmailTransport = { send: async () => Promise.reject(new Error('SMTP is down')) }
    await expect(deliverEmail(db().orm.em.fork(), id, down)).rejects.toThrow('SMTP is down')
    const failed = await db().orm.em.fork().findOneOrFail(EmailMessage, { id })
    expect(failed).toMatchObject({ status: 'queued', attempts: 1, lastError: 'SMTP is down' })
    expect(await deliverEmail(db().orm.em.fork(), id, { send: async () => {} })).toBe('sent')
    expect(await db().orm.em.fork().findOneOrFail(EmailMessage, { id })).toMatchObject({ status: 'sent', attempts: 2, lastError: null })
  })
})
