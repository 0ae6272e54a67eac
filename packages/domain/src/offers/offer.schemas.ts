// Input schemas shared by forms (in the browser) and actions: no server imports here.
import { z } from '../zod.ts'
import { OFFER_CONDITIONS } from './offers.constants.ts'

const count = (min: number) => z.coerce.number({ error: 'NUMBER_INVALID' }).int({ error: 'NUMBER_INVALID' }).min(min, { error: 'NUMBER_TOO_SMALL' }).max(1_000_000)

export const OfferInputSchema = z.object({
  /** Set when editing an offer on its own page: the offer to change (its SKU may change too). */
  offerId: z.uuid().optional(),
  productId: z.uuid({ error: 'PRODUCT_UNKNOWN' }),
  sku: z.string({ error: 'FIELD_REQUIRED' }).trim().min(1, { error: 'FIELD_REQUIRED' }).max(80).regex(/^[A-Za-z0-9][A-Za-z0-9._\-/]*$/, { error: 'SKU_INVALID' }),
  /** As typed ("1,250,000"); parsed to minor units against the currency by the use case. */
  price: z.string({ error: 'FIELD_REQUIRED' }).trim().min(1, { error: 'FIELD_REQUIRED' }).max(30),
  currency: z.string({ error: 'FIELD_REQUIRED' }).trim().toUpperCase().length(3, { error: 'CURRENCY_UNKNOWN' }),
  minOrderQty: count(1).default(1),
  orderMultiple: count(1).default(1),
  leadTimeDays: count(0).default(0),
  condition: z.enum(OFFER_CONDITIONS).default('new'),
  /** Units on hand per warehouse id. */
  stock: z.record(z.uuid(), count(0)).default({}),
})
export type OfferInput = z.infer<typeof OfferInputSchema>

/** A bulk change of status from the offer list: the chosen offers of the seller's own. */
export const OfferBulkSchema = z.object({
  intent: z.enum(['pause', 'activate']),
  offerIds: z.array(z.uuid()).min(1, { error: 'NOTHING_SELECTED' }).max(200),
})

/**
 * Whom an offer is for and how its price shows: everyone, or only the seller's chosen customer
 * groups and customers (a restricted catalog); and whether it is "call for price".
 */
export const OfferExposureSchema = z.object({
  audience: z.enum(['everyone', 'chosen'], { error: 'FIELD_REQUIRED' }),
  groupIds: z.array(z.uuid({ error: 'GROUP_UNKNOWN' })).max(200).default([]),
  customerIds: z.array(z.uuid({ error: 'CUSTOMER_UNKNOWN' })).max(1000).default([]),
  priceOnRequest: z.boolean().default(false),
})
export type OfferExposureInput = z.infer<typeof OfferExposureSchema>
