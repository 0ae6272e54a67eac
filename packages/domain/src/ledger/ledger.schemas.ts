// Input schemas of the revenue split's settings, shared by forms (in the browser) and actions.
import { blankAsNone, z } from '../zod.ts'

/** A percentage as typed ("5", "2.5"), at most two decimals, 0 to 50: kept in basis points. */
export const sharePercent = z.coerce
  .number({ error: 'NUMBER_INVALID' })
  .min(0, { error: 'PERCENT_INVALID' })
  .max(50, { error: 'SHARE_TOO_LARGE' })
  .refine((n) => Number.isInteger(Math.round(n * 100)) && Math.abs(n * 100 - Math.round(n * 100)) < 1e-9, { error: 'PERCENT_TOO_PRECISE' })
  .transform((n) => Math.round(n * 100))

/** The operator's commission: the default (no seller, no category), or for a seller (by name), a category, or both. */
export const CommissionRateInputSchema = z.object({
  seller: blankAsNone(z.string().trim().max(200, { error: 'TOO_LONG' })),
  categoryId: blankAsNone(z.uuid({ error: 'CATEGORY_UNKNOWN' })),
  percent: sharePercent,
})
export type CommissionRateInput = z.infer<typeof CommissionRateInputSchema>

/** A manufacturer's share of its online sales for the distributor whose territory the buyer is in. */
export const TerritoryShareInputSchema = z.object({ percent: sharePercent })
export type TerritoryShareInput = z.infer<typeof TerritoryShareInputSchema>
