import { createTransport } from 'nodemailer'
import type { EmailTransport } from '@tradepost/domain/email'

/** Real delivery over SMTP (SMTP_URL, e.g. smtp://user:pass@host:587). */
export function smtpTransport(smtpUrl: string, from = process.env.EMAIL_FROM ?? 'Tradepost <no-reply@tradepost.test>'): EmailTransport {
  const transporter = createTransport(smtpUrl)
  return {
    async send(message) {
      await transporter.sendMail({ from, to: message.to, subject: message.subject, text: message.text, html: message.html })
    },
  }
}
