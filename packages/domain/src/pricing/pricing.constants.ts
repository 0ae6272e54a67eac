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

/**
 * The buyer company (the first parameter, or the value of `company`, an SQL expression) and the
 * parents it inherits from (`chain`: id, depth), and its approved customer relationships with
 * each seller along that chain (`cust`: id, organization_id, group_id, depth). Prices and
 * restricted catalogs both follow it.
 */
export const buyerCustomersCte = (company = '?::uuid') => `
with recursive chain as (
  select o.id, o.parent_id, o.inherit_prices, 0 as depth from organization o
  where o.id = ${company} and o.kind = 'buyer' and o.status = 'active'
  union all
  select p.id, p.parent_id, p.inherit_prices, c.depth + 1 from chain c
  join organization p on p.id = c.parent_id and p.kind = 'buyer' and p.status = 'active'
  where c.inherit_prices and c.depth < ${MAX_PARENT_DEPTH}
),
cust as (select cu.id, cu.organization_id, cu.group_id, ch.depth from customer cu join chain ch on ch.id = cu.buyer_id where cu.approved)`
export const BUYER_CUSTOMERS_CTE = buyerCustomersCte()
