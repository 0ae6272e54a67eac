// Plain values, safe in the browser.
export const QUOTE_REQUEST_STATUSES = ['open'] as const
export type QuoteRequestStatus = (typeof QUOTE_REQUEST_STATUSES)[number]
/** Buyer roles that may ask for a quote (a viewer only looks). */
export const QUOTE_REQUEST_ROLES = ['admin', 'approver', 'buyer'] as const
