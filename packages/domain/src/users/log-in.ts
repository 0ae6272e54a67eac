import type { EntityManager } from '@mikro-orm/postgresql'
import { fail, ok, type Result } from '../errors.ts'
import { LoginThrottle } from './login-throttle.entity.ts'
import { dummyPasswordHash, verifyPassword } from './password.ts'
import { User } from './user.entity.ts'
import type { LogInInput } from './user.schemas.ts'

/** After this many failures in a row, the account is locked for LOCK_MINUTES. */
export const MAX_ACCOUNT_FAILURES = 10
/** An address may fail more often (offices share one), but not without bound. */
export const MAX_IP_FAILURES = 50
export const LOCK_MINUTES = 15

type LogInError = 'INVALID_CREDENTIALS' | 'TOO_MANY_ATTEMPTS'

/**
 * Checks a password, throttled per account and per IP. A wrong email and a wrong password look
 * the same from outside.
 */
export async function logIn(em: EntityManager, input: LogInInput, ip: string, now = new Date()): Promise<Result<{ userId: string }, LogInError>> {
  const keys = [`account:${input.email}`, `ip:${ip}`]
  const throttles = await em.find(LoginThrottle, { key: { $in: keys } })
  const lockedUntil = throttles
    .map((t) => t.lockedUntil)
    .filter((d): d is Date => !!d && d > now)
    .sort((a, b) => b.getTime() - a.getTime())[0]
  if (lockedUntil) {
    return fail('TOO_MANY_ATTEMPTS', { params: { minutes: Math.max(1, Math.ceil((lockedUntil.getTime() - now.getTime()) / 60_000)) } })
  }

  const user = await em.findOne(User, { email: input.email }, { populate: ['passwordHash'] })
  const valid = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), input.password)
  if (user && valid) {
    await em.nativeDelete(LoginThrottle, { key: keys[0]! })
    return ok({ userId: user.id })
  }

  // The failure that reaches the limit starts the lock; the next attempt is told so.
  await recordFailures(em, keys, now)
  return fail('INVALID_CREDENTIALS')
}

/** Counts a failure on each key, one atomic statement each (concurrent attempts all count). */
async function recordFailures(em: EntityManager, keys: string[], now: Date): Promise<void> {
  const conn = em.getConnection()
  for (const key of keys) {
    const limit = key.startsWith('account:') ? MAX_ACCOUNT_FAILURES : MAX_IP_FAILURES
    const lockUntil = new Date(now.getTime() + LOCK_MINUTES * 60_000)
    // A lock that has run out starts the count again.
    await conn.execute(
      `insert into login_throttle (key, failures, last_failure_at, locked_until) values (?, 1, ?, null)
       on conflict (key) do update set
         failures = case when login_throttle.locked_until is not null and login_throttle.locked_until <= ? then 1 else login_throttle.failures + 1 end,
         last_failure_at = excluded.last_failure_at,
         locked_until = case when login_throttle.locked_until is not null and login_throttle.locked_until <= ? then null
                             when login_throttle.failures + 1 >= ? then ?::timestamptz else login_throttle.locked_until end
`,
      [key, now, now, now, limit, lockUntil],
    )
  }
}
