// Plain values, safe in the browser.
export const OFFER_CONDITIONS = ['new', 'refurbished', 'used'] as const
export type OfferCondition = (typeof OFFER_CONDITIONS)[number]
export const OFFER_STATUSES = ['active', 'paused'] as const
export type OfferStatus = (typeof OFFER_STATUSES)[number]
