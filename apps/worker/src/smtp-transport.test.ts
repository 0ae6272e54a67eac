import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { smtpTransport } from './smtp-transport.ts'

// A real SMTP server on loopback receives what the production adapter sends.
const received: { from: string; to: string[]; raw: string }[] = []
let server: SMTPServer
let port = 0

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, done) {
      let raw = ''
      stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')))
      stream.on('end', () => {
        received.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), raw })
        done()
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  port = (server.server.address() as AddressInfo).port
})
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()))
})

describe('the SMTP transport', () => {
  it('delivers subject, text and HTML to the recipient', async () => {
    const transport = smtpTransport(`smtp://127.0.0.1:${port}`, 'Tradepost <no-reply@tradepost.test>')
    await transport.send({ to: 'lan@example.test', subject: 'Đặt lại mật khẩu', text: 'Xin chào', html: '<p>Xin chào</p>' })
    expect(received).toHaveLength(1)
    expect(received[0]!.to).toEqual(['lan@example.test'])
    expect(received[0]!.from).toBe('no-reply@tradepost.test')
    expect(received[0]!.raw).toMatch(/Subject: =\?UTF-8\?/)
    expect(received[0]!.raw).toContain('text/html')
  })

  it('fails loudly when the server is unreachable, so the job is retried', async () => {
    const transport = smtpTransport('smtp://127.0.0.1:1')
    await expect(transport.send({ to: 'x@example.test', subject: 's', text: 't', html: 'h' })).rejects.toThrow()
  })
})
