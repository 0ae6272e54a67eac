import type { Locale } from '../organizations/organization.entity.ts'

export type EmailTemplate =
  | { template: 'invitation'; params: { organizationName: string; inviterName: string; role: string; url: string } }
  | { template: 'password-reset'; params: { name: string; url: string } }
  | { template: 'application-approved'; params: { organizationName: string; url: string } }
  | { template: 'application-rejected'; params: { organizationName: string; reason: string } }

interface Rendered {
  subject: string
  lines: string[]
  action?: { label: string; url: string }
}

const render: { [L in Locale]: { [T in EmailTemplate['template']]: (p: Extract<EmailTemplate, { template: T }>['params']) => Rendered } } = {
  en: {
    invitation: (p) => ({
      subject: `${p.inviterName} invited you to ${p.organizationName} on Tradepost`,
      lines: [`${p.inviterName} invited you to join ${p.organizationName} as ${p.role}.`, 'The link is valid for 7 days.'],
      action: { label: 'Accept the invitation', url: p.url },
    }),
    'password-reset': (p) => ({
      subject: 'Reset your Tradepost password',
      lines: [`Hello ${p.name},`, 'Someone asked to reset your password. If it was you, open the link below within one hour.', 'If it was not you, ignore this email: your password stays as it is.'],
      action: { label: 'Choose a new password', url: p.url },
    }),
    'application-approved': (p) => ({
      subject: `${p.organizationName} is approved on Tradepost`,
      lines: [`Good news: ${p.organizationName} has been approved. You can now sign in and set up your catalog.`],
      action: { label: 'Open the seller portal', url: p.url },
    }),
    'application-rejected': (p) => ({
      subject: `Your application for ${p.organizationName}`,
      lines: [`We could not approve ${p.organizationName} at this time.`, `Reason: ${p.reason}`],
    }),
  },
  vi: {
    invitation: (p) => ({
      subject: `${p.inviterName} mời bạn tham gia ${p.organizationName} trên Tradepost`,
      lines: [`${p.inviterName} mời bạn tham gia ${p.organizationName} với vai trò ${p.role}.`, 'Liên kết có hiệu lực trong 7 ngày.'],
      action: { label: 'Chấp nhận lời mời', url: p.url },
    }),
    'password-reset': (p) => ({
      subject: 'Đặt lại mật khẩu Tradepost',
      lines: [`Xin chào ${p.name},`, 'Có người yêu cầu đặt lại mật khẩu của bạn. Nếu đó là bạn, hãy mở liên kết dưới đây trong vòng một giờ.', 'Nếu không phải bạn, hãy bỏ qua email này: mật khẩu của bạn không thay đổi.'],
      action: { label: 'Chọn mật khẩu mới', url: p.url },
    }),
    'application-approved': (p) => ({
      subject: `${p.organizationName} đã được duyệt trên Tradepost`,
      lines: [`Tin vui: ${p.organizationName} đã được duyệt. Bạn có thể đăng nhập và thiết lập danh mục sản phẩm.`],
      action: { label: 'Mở cổng người bán', url: p.url },
    }),
    'application-rejected': (p) => ({
      subject: `Đơn đăng ký của ${p.organizationName}`,
      lines: [`Chúng tôi chưa thể duyệt ${p.organizationName} lúc này.`, `Lý do: ${p.reason}`],
    }),
  },
}

const escapeHtml = (s: string) =>
  s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;')

export function renderEmail(locale: Locale, email: EmailTemplate) {
  const r = (render[locale][email.template] as (p: EmailTemplate['params']) => Rendered)(email.params)
  const text = [...r.lines, ...(r.action ? ['', `${r.action.label}: ${r.action.url}`] : [])].join('\n')
  const html = [
    '<div style="font-family:system-ui,sans-serif;max-width:560px">',
    ...r.lines.map((l) => `<p>${escapeHtml(l)}</p>`),
    r.action
      ? `<p><a href="${escapeHtml(r.action.url)}" style="display:inline-block;background:#1d4ed8;color:#fff;padding:10px 16px;border-radius:6px;text-decoration:none">${escapeHtml(r.action.label)}</a></p>`
      : '',
    '</div>',
  ].join('')
  return { subject: r.subject, text, html }
}
