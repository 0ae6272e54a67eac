import type { Ctx } from '../ctx.ts'
import { queueEmail } from '../email/queue-email.ts'
import { fail, ok, type Result } from '../errors.ts'
import { PasswordReset } from './password-reset.entity.ts'
import { hashPassword } from './password.ts'
import { Session } from './session.entity.ts'
import { hashToken, newSecretToken } from './tokens.ts'
import { User } from './user.entity.ts'

const RESET_TTL_MS = 60 * 60_000

/**
 * Emails a reset link when the account exists. The answer is the same either way, so the form
 * cannot be used to find out who has an account.
 */
export async function requestPasswordReset(ctx: Ctx, input: { email: string; origin: string }): Promise<void> {
  await ctx.em.transactional(async (em) => {
    const user = await em.findOne(User, { email: input.email })
    if (!user) return
    const { token, hash } = newSecretToken()
    em.persist(em.create(PasswordReset, { userId: user.id, tokenHash: hash, expiresAt: new Date(Date.now() + RESET_TTL_MS) }))
    await queueEmail({ ...ctx, em }, user.email, user.locale, {
      template: 'password-reset',
      params: { name: user.name, url: `${input.origin}/reset-password/${token}` },
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

/** Sets the new password, spends the link and signs the user out everywhere. */
export async function resetPassword(ctx: Ctx, input: { token: string; password: string }): Promise<Result<{ userId: string }, ResetError>> {
  const passwordHash = await hashPassword(input.password)
  return ctx.em.transactional(async (em) => {
    const checked = await checkPasswordResetToken({ ...ctx, em }, input.token)
    if (!checked.ok) return checked
    const reset = checked.value
    // Spend the link atomically: of two concurrent uses, one wins.
    const spent = await em.nativeUpdate(PasswordReset, { id: reset.id, usedAt: null }, { usedAt: new Date() })
    if (spent !== 1) return fail('RESET_LINK_USED')
    await em.nativeUpdate(User, { id: reset.userId }, { passwordHash })
    await em.nativeDelete(Session, { userId: reset.userId })
    return ok({ userId: reset.userId })
  })
}
