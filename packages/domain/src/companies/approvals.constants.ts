import type { Role } from '../users/roles.ts'

/** The periods a spending limit counts over: one order, or a calendar month (UTC). */
export const SPENDING_PERIODS = ['order', 'month'] as const
export type SpendingPeriod = (typeof SPENDING_PERIODS)[number]

/** The roles a step of an approval chain may name: anyone holding it in the company approves. */
export const APPROVER_ROLES = ['approver', 'admin'] as const satisfies readonly Role[]
export type ApproverRole = (typeof APPROVER_ROLES)[number]

/** The roles a buyer company's members hold, as an approval rule's "placed by" condition. */
export const BUYER_ROLES = ['admin', 'approver', 'buyer', 'viewer'] as const satisfies readonly Role[]
export type BuyerRole = (typeof BUYER_ROLES)[number]

/** One step of an approval chain: anyone in the company with a role, or one named person. */
export type ApprovalStep = { role: ApproverRole } | { userId: string }

/** At most this many steps in one rule. */
export const MAX_APPROVAL_STEPS = 4
