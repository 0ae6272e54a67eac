/**
 * Whom a price list is for, strongest first: a contract with one company beats the company's
 * own list, which beats a customer group's, which beats the list for everyone.
 */
export const PRICE_LIST_SCOPES = ['contract', 'company', 'group', 'everyone'] as const
export type PriceListScope = (typeof PRICE_LIST_SCOPES)[number]

/** One break of a tiered entry: from `minQty` units on, each unit costs `amount` (minor units). */
export interface PriceTier {
  minQty: number
  amount: number
}

/** How many ancestors a child company's price agreements are inherited across, at most. */
export const MAX_PARENT_DEPTH = 5
