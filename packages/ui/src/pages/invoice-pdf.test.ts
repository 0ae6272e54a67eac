// The invoice PDF: a real PDF, with the font that carries Vietnamese embedded, in both languages.
import { describe, expect, it } from 'vitest'
import type { InvoiceDto } from '@tradepost/domain/invoices'
import { invoicePdf } from './invoice-pdf.server.ts'

const invoice: InvoiceDto = {
  id: '00000000-0000-4000-8000-000000000001',
  number: 'INV-000042',
  orderId: '00000000-0000-4000-8000-000000000002',
  orderNumber: 'TP-001042',
  seller: { id: 's', name: 'Hà Nội Industrial Supply', country: 'VN' },
  buyer: { id: 'b', name: 'Bến Thành Construction', country: 'VN' },
  amount: { amount: 1_234_000, currency: 'VND' },
  terms: 'net30',
  issuedAt: '2026-12-06T03:00:00.000Z',
  dueDate: '2027-01-05',
  status: 'open',
  paidAt: null,
  overdue: false,
  poNumber: 'BT-2026-0117',
  shipTo: { id: 'x', name: 'Công trường Cầu Giấy', addressLine: '36 Trần Thái Tông', city: 'Hà Nội', subdivisionCode: 'VN-HN', country: 'VN', latitude: 21.03, longitude: 105.79 },
  lines: Array.from({ length: 60 }, (_, i) => ({ sku: `HNIS-${i}`, productName: { en: `Breaker ${i}`, vi: `Cầu dao tự động ${i}` }, quantity: 1, unit: { amount: 20_000, currency: 'VND' as const }, total: { amount: 20_000, currency: 'VND' as const } })),
  canMarkPaid: false,
}

describe('the invoice PDF', () => {
  it('is a PDF with DejaVu Sans embedded, over several pages when the lines need them, in English and Vietnamese', async () => {
    for (const locale of ['en', 'vi'] as const) {
      const pdf = await invoicePdf(invoice, locale)
      const text = pdf.toString('latin1')
      expect(text.startsWith('%PDF-')).toBe(true)
      expect(text).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans/)
      expect((text.match(/\/Type \/Page\b/g) ?? []).length).toBeGreaterThan(1)
    }
  })
})
