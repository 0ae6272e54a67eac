import type { Role } from '../users/roles.ts'

/**
 * How a buyer pays a seller on account: before the seller ships (prepaid), or within 30 or 60
 * days of the invoice. A seller sets it per customer; companies that are not its customers pay
 * in advance.
 */
export const PAYMENT_TERMS = ['prepaid', 'net30', 'net60'] as const
export type PaymentTerms = (typeof PAYMENT_TERMS)[number]
/** An invoice's terms: the customer's, or `card` when the order is paid by card at checkout. */
export const INVOICE_TERMS = [...PAYMENT_TERMS, 'card'] as const
export type InvoiceTerms = (typeof INVOICE_TERMS)[number]
export const TERM_DAYS: Record<InvoiceTerms, number> = { prepaid: 0, net30: 30, net60: 60, card: 0 }

export const INVOICE_STATUSES = ['open', 'paid', 'void'] as const
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number]
/** What the invoice lists filter by: a status, or open and past due. */
export const INVOICE_FILTERS = [...INVOICE_STATUSES, 'overdue'] as const
export type InvoiceFilter = (typeof INVOICE_FILTERS)[number]

/** The people of a seller who mark invoices paid. */
export const BILLING_ROLES = ['admin', 'sales'] as const satisfies readonly Role[]
