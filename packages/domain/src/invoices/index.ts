export { Invoice, InvoiceCounter } from './invoice.entity.ts'
export { getInvoice, listInvoices, markInvoicePaid, termsWithSellers, type InvoiceDto, type InvoiceRowDto, type SellerTerms } from './billing.ts'
export { PAYMENT_TERMS, INVOICE_TERMS, INVOICE_STATUSES, TERM_DAYS, type InvoiceStatus, type PaymentTerms } from './invoices.constants.ts'
