// Input schemas of carts, checkout and orders, shared by forms (in the browser) and actions.
import { blankAsNone, z } from '../zod.ts'
import { PO_NUMBER_MAX, QUICK_ORDER_MAX_LINES, SELLER_STEPS } from './orders.constants.ts'
import { PAY_BY } from '../payments/payments.constants.ts'
import { dayInVietnam } from '../calendar.ts'

const quantity = z.coerce.number({ error: 'NUMBER_INVALID' }).int({ error: 'NUMBER_INVALID' }).min(1, { error: 'NUMBER_TOO_SMALL' }).max(1_000_000, { error: 'NUMBER_TOO_LARGE' })

export const AddToCartInputSchema = z.object({ offerId: z.uuid({ error: 'NOT_FOUND' }), quantity })
export type AddToCartInput = z.infer<typeof AddToCartInputSchema>

/** A new quantity for a line of the cart (0 removes it). */
export const CartQuantityInputSchema = z.object({
  lineId: z.uuid({ error: 'NOT_FOUND' }),
  quantity: z.coerce.number({ error: 'NUMBER_INVALID' }).int({ error: 'NUMBER_INVALID' }).min(0, { error: 'NUMBER_TOO_SMALL' }).max(1_000_000, { error: 'NUMBER_TOO_LARGE' }),
})
export type CartQuantityInput = z.infer<typeof CartQuantityInputSchema>

/** Quick order: one line per item, a SKU or part number then a quantity ("ABC-12 5", "ABC-12, 5"). */
export const QuickOrderInputSchema = z.object({
  lines: z
    .string({ error: 'FIELD_REQUIRED' })
    .max(20_000, { error: 'TOO_LONG' })
    .refine((s) => s.trim().length > 0, { error: 'FIELD_REQUIRED' })
    .refine((s) => s.split(/\r?\n/).filter((l) => l.trim()).length <= QUICK_ORDER_MAX_LINES, { error: 'TOO_MANY_LINES' }),
})
export type QuickOrderInput = z.infer<typeof QuickOrderInputSchema>

/** A calendar day as a date field sends it. */
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'DATE_INVALID' }).refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), { error: 'DATE_INVALID' })

/** Today in Vietnam, as a date field writes it. */
export const todayInVietnam = () => dayInVietnam()

export const CheckoutInputSchema = z.object({
  /** The checkout form's own id: the same form submitted twice places one checkout. */
  token: z.uuid({ error: 'FORM_EXPIRED' }),
  shipToId: z.uuid({ error: 'SHIP_TO_REQUIRED' }),
  poNumber: z.string().trim().max(PO_NUMBER_MAX, { error: 'TOO_LONG' }).default(''),
  /** Today or later: a delivery cannot be asked for in the past. */
  requestedDate: blankAsNone(day.refine((s) => s >= todayInVietnam(), { error: 'DATE_IN_PAST' })),
  notes: z.string().trim().max(2000, { error: 'TOO_LONG' }).default(''),
  /** By card where the seller takes cards (the others stay on their terms); on account otherwise. */
  payBy: z.enum(PAY_BY, { error: 'FIELD_REQUIRED' }).default('terms'),
})
export type CheckoutInput = z.infer<typeof CheckoutInputSchema>

/** A seller's step on one of its orders; shipping names the carrier and may give a tracking number. */
export const SellerStepInputSchema = z
  .object({
    step: z.enum(SELLER_STEPS, { error: 'STEP_INVALID' }),
    carrier: blankAsNone(z.string().trim().max(100, { error: 'TOO_LONG' })),
    trackingNumber: blankAsNone(z.string().trim().max(100, { error: 'TOO_LONG' })),
    /** Shipping: units of each line in this shipment (by line id); a line not named ships all it has left. */
    quantities: z.record(z.uuid({ error: 'LINE_UNKNOWN' }), z.coerce.number({ error: 'QUANTITY_INVALID' }).int({ error: 'QUANTITY_INVALID' }).min(0, { error: 'QUANTITY_INVALID' }).max(1_000_000, { error: 'QUANTITY_INVALID' })).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.step === 'ship' && !v.carrier) ctx.addIssue({ code: 'custom', path: ['carrier'], message: 'FIELD_REQUIRED' })
  })
export type SellerStepInput = z.infer<typeof SellerStepInputSchema>

/** An approver's decision on an order waiting for them; a rejection says why. */
export const ApprovalDecisionInputSchema = z
  .object({
    decision: z.enum(['approve', 'reject'], { error: 'DECISION_INVALID' }),
    comment: z.string().trim().max(2000, { error: 'TOO_LONG' }).default(''),
  })
  .superRefine((v, ctx) => {
    if (v.decision === 'reject' && !v.comment) ctx.addIssue({ code: 'custom', path: ['comment'], message: 'REASON_REQUIRED' })
  })
export type ApprovalDecisionInput = z.infer<typeof ApprovalDecisionInputSchema>
