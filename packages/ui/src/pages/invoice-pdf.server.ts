// An invoice as a PDF, drawn on the server with pdfkit in the reader's language. DejaVu Sans
// carries every Vietnamese letter (the PDF standard fonts do not).
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import PDFDocument from 'pdfkit'
import type { InvoiceDto } from '@tradepost/domain/invoices'
import { formatMoney } from '@tradepost/domain/money'
import { subdivisionName } from '@tradepost/domain/schemas'
import { formatDate } from '../components/data.tsx'
import { i18nServer } from '../i18n.server.ts'
import type { Language } from '../i18n/index.ts'

const require = createRequire(import.meta.url)
const fontDir = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf')
const FONT = join(fontDir, 'DejaVuSans.ttf')
const BOLD = join(fontDir, 'DejaVuSans-Bold.ttf')

/** A calendar day as the pages show it. */
const day = (iso: string, locale: Language) => formatDate(new Date(`${iso}T12:00:00+07:00`), locale)

export async function invoicePdf(invoice: InvoiceDto, locale: Language): Promise<Buffer> {
  const t = await i18nServer.getFixedT(locale)
  const money = (m: { amount: number; currency: string }) => formatMoney(m as Parameters<typeof formatMoney>[0], locale)
  const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: t('invoices.titleNumber', { number: invoice.number }), Author: invoice.seller.name } })
  doc.registerFont('body', FONT)
  doc.registerFont('bold', BOLD)
  const chunks: Buffer[] = []
  doc.on('data', (c: Buffer) => chunks.push(c))
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))))

  doc.font('bold').fontSize(18).text(invoice.seller.name)
  doc.font('body').fontSize(12).text(`${t('invoices.titleNumber', { number: invoice.number })} · ${invoice.overdue ? t('invoices.overdue') : t(`invoices.statuses.${invoice.status}`)}`)
  doc.moveDown()
  const facts: [string, string][] = [
    [t('invoices.issued'), formatDate(new Date(invoice.issuedAt), locale)],
    [t('invoices.due'), day(invoice.dueDate, locale)],
    [t('invoices.terms'), t(`terms.${invoice.terms}`)],
    [t('invoices.order'), invoice.orderNumber],
    [t('orders.poNumber'), invoice.poNumber || '—'],
    ...(invoice.paidAt ? ([[t('invoices.paidOn'), formatDate(new Date(invoice.paidAt), locale)]] as [string, string][]) : []),
  ]
  doc.fontSize(10)
  for (const [label, value] of facts) doc.font('bold').text(`${label}: `, { continued: true }).font('body').text(value)
  doc.moveDown()
  const shipTo = invoice.shipTo
  doc.font('bold').text(t('invoices.from')).font('body').text(invoice.seller.name).moveDown(0.5)
  doc.font('bold').text(t('invoices.billTo')).font('body').text(invoice.buyer.name)
  doc.text(`${t('invoices.deliverTo')}: ${shipTo.name}, ${[shipTo.addressLine, shipTo.city, subdivisionName(shipTo.subdivisionCode)].filter(Boolean).join(', ')}`)
  doc.moveDown()

  // The lines: item (SKU), unit price, quantity, total.
  const columns = [50, 300, 400, 460] as const
  const widths = [245, 95, 55, 85] as const
  const row = (cells: string[], font: 'body' | 'bold') => {
    const top = doc.y
    doc.font(font)
    const heights = cells.map((c, i) => doc.heightOfString(c, { width: widths[i]! }))
    cells.forEach((c, i) => doc.text(c, columns[i]!, top, { width: widths[i]!, align: i === 0 ? 'left' : 'right' }))
    doc.x = 50
    doc.y = top + Math.max(...heights) + 6
    if (doc.y > doc.page.height - 100) doc.addPage()
  }
  row([t('cart.item'), t('cart.unitPrice'), t('cart.quantity'), t('cart.lineTotal')], 'bold')
  doc.moveTo(50, doc.y - 3).lineTo(545, doc.y - 3).stroke('#999999')
  for (const l of invoice.lines) row([`${locale === 'vi' ? l.productName.vi : l.productName.en}\n${l.sku}`, money(l.unit), String(l.quantity), money(l.total)], 'body')
  doc.moveDown()
  doc.font('bold').fontSize(12).text(`${t('invoices.total')}: ${money(invoice.amount)}`, 50, doc.y, { align: 'right', width: 495 })
  doc.end()
  return done
}

/** The PDF as a download-or-view response, named after the invoice, never cached by others. */
export async function invoicePdfResponse(invoice: InvoiceDto, locale: Language, headers?: Headers): Promise<Response> {
  const body = await invoicePdf(invoice, locale)
  const h = new Headers(headers)
  h.set('Content-Type', 'application/pdf')
  h.set('Content-Disposition', `inline; filename="${invoice.number}.pdf"`)
  h.set('Cache-Control', 'private, no-store')
  return new Response(new Uint8Array(body), { status: 200, headers: h })
}
