// Input schemas of a seller's pricing, shared by forms (in the browser) and actions.
import { blankAsNone, z } from '../zod.ts'
import { PAYMENT_TERMS } from '../invoices/invoices.constants.ts'
import { PRICE_LIST_SCOPES } from './pricing.constants.ts'

const name = z.string({ error: 'FIELD_REQUIRED' }).trim().min(1, { error: 'FIELD_REQUIRED' }).max(120, { error: 'TOO_LONG' })

export const CustomerGroupInputSchema = z.object({
  id: z.uuid().optional(),
  name,
})
export type CustomerGroupInput = z.infer<typeof CustomerGroupInputSchema>

/** A buyer company as the seller's customer: its group, the seller's account number for it, approval. */
export const CustomerInputSchema = z.object({
  buyerId: z.uuid({ error: 'COMPANY_UNKNOWN' }),
  groupId: blankAsNone(z.uuid({ error: 'GROUP_UNKNOWN' })),
  accountNumber: blankAsNone(z.string().trim().max(60, { error: 'TOO_LONG' })),
  approved: z.boolean().default(false),
  /** How it pays on account; left out, it stays as it was (net 30 for a new customer). */
  paymentTerms: z.enum(PAYMENT_TERMS, { error: 'TERMS_INVALID' }).optional(),
  /** What it may owe at once, in the seller's currency; blank: no limit. Only read with `paymentTerms`. */
  creditLimit: blankAsNone(z.string().trim().max(30, { error: 'TOO_LONG' })),
})
export type CustomerInput = z.infer<typeof CustomerInputSchema>

/** A day typed in a date field ("2027-01-31"), as the start of that day in UTC. */
const day = blankAsNone(
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'DATE_INVALID' })
    .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), { error: 'DATE_INVALID' }),
)

export const PriceListInputSchema = z
  .object({
    id: z.uuid().optional(),
    name,
    currency: z.string({ error: 'FIELD_REQUIRED' }).trim().toUpperCase().length(3, { error: 'CURRENCY_UNKNOWN' }),
    scope: z.enum(PRICE_LIST_SCOPES, { error: 'FIELD_REQUIRED' }),
    priority: z.coerce.number({ error: 'NUMBER_INVALID' }).int({ error: 'NUMBER_INVALID' }).min(-1000, { error: 'NUMBER_TOO_SMALL' }).max(1000, { error: 'NUMBER_TOO_LARGE' }).default(0),
    /** First day the list applies (inclusive), and the last day (inclusive). */
    validFrom: day,
    validTo: day,
    active: z.boolean().default(false),
    /** The customer groups a group list is for. */
    groups: z.array(z.uuid()).max(500).default([]),
    /** The customers a company list or a contract is for. */
    customers: z.array(z.uuid()).max(500).default([]),
  })
  .superRefine((v, ctx) => {
    if (v.validFrom && v.validTo && v.validTo < v.validFrom) ctx.addIssue({ code: 'custom', path: ['validTo'], message: 'WINDOW_ENDS_BEFORE_START' })
    if (v.scope === 'group' && v.groups.length === 0) ctx.addIssue({ code: 'custom', path: ['groups'], message: 'TARGETS_REQUIRED' })
    if ((v.scope === 'company' || v.scope === 'contract') && v.customers.length === 0) ctx.addIssue({ code: 'custom', path: ['customers'], message: 'TARGETS_REQUIRED' })
  })
export type PriceListInput = z.infer<typeof PriceListInputSchema>

const tierQty = z.coerce.number({ error: 'NUMBER_INVALID' }).int({ error: 'NUMBER_INVALID' }).min(1, { error: 'TIER_QUANTITY_INVALID' }).max(1_000_000, { error: 'NUMBER_TOO_LARGE' })

/**
 * One offer's price in a list: tier breaks (rows left blank are ignored), or a percentage off
 * the offer's own price. Amounts are parsed against the list's currency by the use case.
 */
export const PriceEntryInputSchema = z
  .object({
    /** The seller's SKU of the offer. */
    sku: z.string({ error: 'FIELD_REQUIRED' }).trim().min(1, { error: 'FIELD_REQUIRED' }).max(80),
    mode: z.enum(['tiers', 'percent']).default('tiers'),
    tiers: z
      .preprocess(
        (v) => (Array.isArray(v) ? v.filter((t) => t && typeof t === 'object' && Object.values(t as object).some((x) => typeof x === 'string' ? x.trim() !== '' : x !== undefined)) : v),
        z.array(z.object({ minQty: tierQty, price: z.string({ error: 'FIELD_REQUIRED' }).trim().min(1, { error: 'FIELD_REQUIRED' }).max(30) })).max(20),
      )
      .default([]),
    percentOff: blankAsNone(z.coerce.number({ error: 'NUMBER_INVALID' }).gt(0, { error: 'PERCENT_INVALID' }).max(100, { error: 'PERCENT_INVALID' })),
  })
  .superRefine((v, ctx) => {
    if (v.mode === 'percent') {
      if (v.percentOff === undefined) ctx.addIssue({ code: 'custom', path: ['percentOff'], message: 'FIELD_REQUIRED' })
      else if (Math.round(v.percentOff * 100) !== v.percentOff * 100) ctx.addIssue({ code: 'custom', path: ['percentOff'], message: 'PERCENT_TOO_PRECISE' })
      return
    }
    if (v.tiers.length === 0) ctx.addIssue({ code: 'custom', path: ['tiers'], message: 'TIERS_REQUIRED' })
    const seen = new Set<number>()
    v.tiers.forEach((t, i) => {
      if (seen.has(t.minQty)) ctx.addIssue({ code: 'custom', path: ['tiers', i, 'minQty'], message: 'TIERS_OVERLAP' })
      seen.add(t.minQty)
    })
  })
export type PriceEntryInput = z.infer<typeof PriceEntryInputSchema>

/** Units to price at (blank: the offer's minimum order). */
const quantityAsked = z.coerce.number({ error: 'NUMBER_INVALID' }).int({ error: 'NUMBER_INVALID' }).min(1, { error: 'NUMBER_TOO_SMALL' }).max(1_000_000, { error: 'NUMBER_TOO_LARGE' }).optional()

/** "What a customer pays": one of the seller's customers, one of its SKUs, a quantity (blank: the minimum order). */
export const CustomerPriceQuerySchema = z.object({
  customer: z.uuid({ error: 'CUSTOMER_UNKNOWN' }),
  sku: z.string().trim().min(1, { error: 'FIELD_REQUIRED' }).max(80),
  quantity: quantityAsked,
})

/** "Why this price" of an offer, for its buyer: at a quantity (blank: the minimum order). */
export const OfferPriceQuerySchema = z.object({ quantity: quantityAsked })
