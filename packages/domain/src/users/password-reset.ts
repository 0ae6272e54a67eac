import type { Ctx } from '../ctx.ts'
import { queueEmail } from '../email/queue-email.ts'
import { fail, ok, type Result } from '../errors.ts'
import { QUEUES } from '../jobs/outbox.ts'
import { PasswordReset } from './password-reset.entity.ts'
import { hashPassword } from './password.ts'
import { Session } from './session.entity.ts'
import { passGate, refusedByThrottle, type Ceiling, type ThrottleError } from './throttle.ts'
import { hashToken, newSecretToken } from './tokens.ts'
import { User } from './user.entity.ts'

const RESET_TTL_MS = 60 * 60_000

/** Reset requests, like sign-in attempts: a ceiling per client address and per email. */
export const RESET_LIMITS = {
  perAddress: { kind: 'ceiling', limit: 20, windowSeconds: 3600 } satisfies Ceiling,
  perEmail: { kind: 'ceiling', limit: 5, windowSeconds: 3600 } satisfies Ceiling,
}

export interface PasswordResetJob {
  email: string
  origin: string
}

/**
 * Asks for a reset link. The request does the same work whether or not the account exists (it
 * only enqueues a job, which looks the account up later), so neither the answer nor its timing
 * says who has an account. Throttled per client address and per email.
 */
export async function requestPasswordReset(ctx: Ctx, input: { email: string; origin: string; ip: string }): Promise<Result<null, ThrottleError>> {
  const email = input.email.toLowerCase()
  for (const [key, rule] of [[`reset-ip:${input.ip}`, RESET_LIMITS.perAddress], [`reset-email:${email}`, RESET_LIMITS.perEmail]] as const) {
    const gate = await passGate(ctx.em, key, rule)
    if (!gate.allowed) return refusedByThrottle(gate)
  }
  await ctx.em.transactional(async (em) => {
    await ctx.jobs.send(em, QUEUES.passwordReset, { email: input.email, origin: input.origin } satisfies PasswordResetJob)
  })
  return ok(null)
}

/** The worker's half: emails a reset link when the account exists, and nothing otherwise. */
export async function sendPasswordReset(ctx: Ctx, job: PasswordResetJob): Promise<void> {
  await ctx.em.transactional(async (em) => {
    const user = await em.findOne(User, { email: job.email })
    if (!user) return
    const { token, hash } = newSecretToken()
    em.persist(em.create(PasswordReset, { userId: user.id, tokenHash: hash, expiresAt: new Date(Date.now() + RESET_TTL_MS) }))
    await queueEmail({ ...ctx, em }, user.email, user.locale, {
      template: 'password-reset',
      params: { name: user.name, url: `${job.origin}/reset-password/${token}` },
    })
  })
}

type ResetError = 'RESET_LINK_INVALID' | 'RESET_LINK_EXPIRED' | 'RESET_LINK_USED'

export async function checkPasswordResetToken(ctx: Ctx, token: string): Promise<Result<PasswordReset, ResetError>> {
  const reset = await ctx.em.findOne(PasswordReset, { tokenHash: hashToken(token) })
  if (!reset) return fail('RESET_LINK_INVALID')
  if (reset.usedAt) return fail('RESET_LINK_USED')
  if (reset.expiresAt <= new Date()) return fail('RESET_LINK_EXPIRED')
  return ok(reset)
}

/** Sets the new password, spends this link and every other one of the user, and signs the user out everywhere. */
export async function resetPassword(ctx: Ctx, input: { token: string; password: string }): Promise<Result<{ userId: string }, ResetError>> {
  const passwordHash = await hashPassword(input.password)
  return ctx.em.transactional(async (em) => {
    const checked = await checkPasswordResetToken({ ...ctx, em }, input.token)
    if (!checked.ok) return checked
    const reset = checked.value
    // Spend the link atomically: of two concurrent uses, one wins.
    const spent = await em.nativeUpdate(PasswordReset, { id: reset.id, usedAt: null }, { usedAt: new Date() })
    if (spent !== 1) return fail('RESET_LINK_USED')
    // Any other link sent to this user (perhaps to a mailbox someone else reads) stops working.
    await em.nativeUpdate(PasswordReset, { userId: reset.userId, usedAt: null }, { usedAt: new Date() })
    await em.nativeUpdate(User, { id: reset.userId }, { passwordHash })
    await em.nativeDelete(Session, { userId: reset.userId })
    return ok({ userId: reset.userId })
  })
}
