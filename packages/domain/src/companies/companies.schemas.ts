// Input schemas of a buyer company's spending limits and approval rules, shared by forms (in the
// browser) and actions. Amounts are parsed against the company's currency by the use cases.
import { blankAsNone, z } from '../zod.ts'
import { APPROVER_ROLES, BUYER_ROLES, MAX_APPROVAL_STEPS } from './approvals.constants.ts'

const amount = blankAsNone(z.string().trim().max(30, { error: 'TOO_LONG' }))
const currency = z.string({ error: 'FIELD_REQUIRED' }).trim().toUpperCase().length(3, { error: 'CURRENCY_UNKNOWN' })

/** One person's limits (per order, per month), or the company's (per month, no person); blank is no limit. */
export const SpendingLimitsInputSchema = z
  .object({
    organizationId: z.uuid({ error: 'NOT_FOUND' }),
    userId: blankAsNone(z.uuid({ error: 'NOT_FOUND' })),
    currency,
    perOrder: amount,
    perMonth: amount,
  })
  .superRefine((v, ctx) => {
    if (!v.userId && v.perOrder) ctx.addIssue({ code: 'custom', path: ['perOrder'], message: 'COMPANY_LIMIT_MONTHLY' })
  })
export type SpendingLimitsInput = z.infer<typeof SpendingLimitsInputSchema>

/** A step as a select sends it: a role ("approver", "admin") or a person's user id. */
const step = z.union([z.enum(APPROVER_ROLES), z.uuid()], { error: 'APPROVER_UNKNOWN' })

export const ApprovalRuleInputSchema = z
  .object({
    id: z.uuid().optional(),
    organizationId: z.uuid({ error: 'NOT_FOUND' }),
    name: z.string({ error: 'FIELD_REQUIRED' }).trim().min(1, { error: 'FIELD_REQUIRED' }).max(120, { error: 'TOO_LONG' }),
    currency,
    minTotal: amount,
    /** A seller by its name, as typed in the picker (or chosen from its suggestions). */
    seller: blankAsNone(z.string().trim().max(200, { error: 'TOO_LONG' })),
    categoryId: blankAsNone(z.uuid({ error: 'CATEGORY_UNKNOWN' })),
    buyerRole: blankAsNone(z.enum(BUYER_ROLES, { error: 'ROLE_INVALID' })),
    whenLimitExceeded: z.boolean().default(false),
    /** The approvers in sequence; steps left blank are ignored. */
    steps: z.preprocess((v) => (Array.isArray(v) ? v.filter((s) => s != null && (typeof s !== 'string' || s.trim() !== '')) : v), z.array(step).max(MAX_APPROVAL_STEPS, { error: 'TOO_MANY_STEPS' })).default([]),
    active: z.boolean().default(false),
  })
  .superRefine((v, ctx) => {
    if (v.steps.length === 0) ctx.addIssue({ code: 'custom', path: ['steps'], message: 'APPROVER_REQUIRED' })
    v.steps.forEach((s, i) => {
      if (v.steps.indexOf(s) !== i) ctx.addIssue({ code: 'custom', path: ['steps', i], message: 'STEP_REPEATED' })
    })
  })
export type ApprovalRuleInput = z.infer<typeof ApprovalRuleInputSchema>
