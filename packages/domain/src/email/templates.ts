import type { Locale } from '../organizations/organization.entity.ts'

export type EmailTemplate =
  | { template: 'invitation'; params: { organizationName: string; inviterName: string; role: string; url: string } }
  | { template: 'password-reset'; params: { name: string; url: string } }
  | { template: 'application-approved'; params: { organizationName: string; url: string } }
  | { template: 'application-rejected'; params: { organizationName: string; reason: string } }
  | { template: 'order-placed'; params: { number: string; buyerName: string; total: string; poNumber: string; url: string } }
  | { template: 'order-approval-needed'; params: { placedBy: string; total: string; poNumber: string; url: string } }
  | { template: 'order-rejected'; params: { numbers: string; approver: string; comment: string; url: string } }
  | { template: 'order-status'; params: { number: string; sellerName: string; status: OrderEmailStatus; carrier: string; trackingNumber: string; url: string } }
  | { template: 'order-cancelled-by-buyer'; params: { number: string; buyerName: string; url: string } }

/** The steps of an order a buyer hears about by email. */
export type OrderEmailStatus = 'placed' | 'confirmed' | 'partially_shipped' | 'shipped' | 'delivered' | 'completed' | 'cancelled'
const STATUS_EN: Record<OrderEmailStatus, string> = { placed: 'was placed with the seller', confirmed: 'was confirmed', partially_shipped: 'was partly shipped (more to come)', shipped: 'was shipped', delivered: 'was delivered', completed: 'is completed', cancelled: 'was cancelled by the seller' }
const STATUS_VI: Record<OrderEmailStatus, string> = { placed: 'đã được gửi đến người bán', confirmed: 'đã được xác nhận', partially_shipped: 'đã được gửi đi một phần (phần còn lại sẽ gửi sau)', shipped: 'đã được gửi đi', delivered: 'đã được giao', completed: 'đã hoàn tất', cancelled: 'đã bị người bán hủy' }

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
    'order-placed': (p) => ({
      subject: `New order ${p.number} from ${p.buyerName}`,
      lines: [`${p.buyerName} placed order ${p.number} (${p.total})${p.poNumber ? `, their PO ${p.poNumber}` : ''}.`, 'Confirm it when you can fulfil it.'],
      action: { label: 'Open the order', url: p.url },
    }),
    'order-approval-needed': (p) => ({
      subject: `An order of ${p.placedBy} waits for your approval`,
      lines: [`${p.placedBy} checked out ${p.total}${p.poNumber ? ` (PO ${p.poNumber})` : ''}, and your company's rules ask for your approval.`],
      action: { label: 'Approve or reject', url: p.url },
    }),
    'order-rejected': (p) => ({
      subject: `Your orders ${p.numbers} were rejected`,
      lines: [`${p.approver} rejected your orders ${p.numbers}.`, `Reason: ${p.comment}`],
      action: { label: 'See your orders', url: p.url },
    }),
    'order-status': (p) => ({
      subject: `Order ${p.number} ${STATUS_EN[p.status]}`,
      lines: [`Your order ${p.number} with ${p.sellerName} ${STATUS_EN[p.status]}.`, ...(p.carrier ? [`Carrier: ${p.carrier}${p.trackingNumber ? `, tracking number ${p.trackingNumber}` : ''}.`] : [])],
      action: { label: 'Open the order', url: p.url },
    }),
    'order-cancelled-by-buyer': (p) => ({
      subject: `Order ${p.number} was cancelled by ${p.buyerName}`,
      lines: [`${p.buyerName} cancelled order ${p.number} before you confirmed it. Its stock is back in your warehouses.`],
      action: { label: 'Open the order', url: p.url },
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
    'order-placed': (p) => ({
      subject: `Đơn hàng mới ${p.number} từ ${p.buyerName}`,
      lines: [`${p.buyerName} đã đặt đơn ${p.number} (${p.total})${p.poNumber ? `, số PO ${p.poNumber}` : ''}.`, 'Hãy xác nhận khi bạn có thể giao hàng.'],
      action: { label: 'Mở đơn hàng', url: p.url },
    }),
    'order-approval-needed': (p) => ({
      subject: `Một đơn của ${p.placedBy} đang chờ bạn phê duyệt`,
      lines: [`${p.placedBy} đã thanh toán ${p.total}${p.poNumber ? ` (PO ${p.poNumber})` : ''}, và quy tắc của công ty cần bạn phê duyệt.`],
      action: { label: 'Duyệt hoặc từ chối', url: p.url },
    }),
    'order-rejected': (p) => ({
      subject: `Các đơn ${p.numbers} của bạn bị từ chối`,
      lines: [`${p.approver} đã từ chối các đơn ${p.numbers} của bạn.`, `Lý do: ${p.comment}`],
      action: { label: 'Xem đơn hàng', url: p.url },
    }),
    'order-status': (p) => ({
      subject: `Đơn ${p.number} ${STATUS_VI[p.status]}`,
      lines: [`Đơn ${p.number} của bạn với ${p.sellerName} ${STATUS_VI[p.status]}.`, ...(p.carrier ? [`Đơn vị vận chuyển: ${p.carrier}${p.trackingNumber ? `, mã vận đơn ${p.trackingNumber}` : ''}.`] : [])],
      action: { label: 'Mở đơn hàng', url: p.url },
    }),
    'order-cancelled-by-buyer': (p) => ({
      subject: `Đơn ${p.number} đã bị ${p.buyerName} hủy`,
      lines: [`${p.buyerName} đã hủy đơn ${p.number} trước khi bạn xác nhận. Hàng đã trở lại kho của bạn.`],
      action: { label: 'Mở đơn hàng', url: p.url },
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
