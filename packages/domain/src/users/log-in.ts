import type { EntityManager } from '@mikro-orm/postgresql'
import { fail, ok, type Result } from '../errors.ts'
import { dummyPasswordHash, verifyPassword } from './password.ts'
import { clearGate, countOn, passGate, refusedByThrottle, type BackOff, type Ceiling, type ThrottleError } from './throttle.ts'
import { User } from './user.entity.ts'
import type { LogInInput } from './user.schemas.ts'

/**
 * How sign-in is throttled (OWASP ASVS V2.2): nothing here can lock the real owner out.
 * - per client address: a ceiling across every account (offices share an address, so it is high);
 * - per account and address: exponential back-off after a few failures in a row;
 * - per account: past a number of failures in an hour, from wherever, every address gets a single
 *   free attempt before its back-off starts. That slows a spread-out attack, while the owner
 *   signing in from an address of their own still gets in at the first try.
 */
export const LOGIN_LIMITS = {
  perAddress: { kind: 'ceiling', limit: 100, windowSeconds: 3600 } satisfies Ceiling,
  perPair: { kind: 'backoff', freeAttempts: 3, maxSeconds: 900 } satisfies BackOff,
  perPairUnderAttack: { kind: 'backoff', freeAttempts: 1, maxSeconds: 900 } satisfies BackOff,
  perAccount: { kind: 'ceiling', limit: 1_000_000_000, windowSeconds: 3600 } satisfies Ceiling,
  accountSlowdownAfter: 10,
}

type LogInError = 'INVALID_CREDENTIALS' | ThrottleError

/**
 * Checks a password, throttled as LOGIN_LIMITS says. A wrong email and a wrong password look
 * the same from outside. Each attempt is counted before the password is checked, by the same
 * statement that decides whether it may go ahead.
 */
export async function logIn(em: EntityManager, input: LogInInput, ip: string, now = new Date()): Promise<Result<{ userId: string }, LogInError>> {
  const email = input.email.toLowerCase()
  const addressKey = `login-ip:${ip}`
  const accountKey = `login-account:${email}`
  const pairKey = `login-pair:${email}|${ip}`

  const address = await passGate(em, addressKey, LOGIN_LIMITS.perAddress, now)
  if (!address.allowed) return refusedByThrottle(address)
  const underAttack = (await countOn(em, accountKey, LOGIN_LIMITS.perAccount, now)) >= LOGIN_LIMITS.accountSlowdownAfter
  const pairRule = underAttack ? LOGIN_LIMITS.perPairUnderAttack : LOGIN_LIMITS.perPair
  const pair = await passGate(em, pairKey, pairRule, now)
  if (!pair.allowed) return refusedByThrottle(pair)

  const user = await em.findOne(User, { email: input.email }, { populate: ['passwordHash'] })
  const valid = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), input.password)
  if (user && valid) {
    await clearGate(em, pairKey, pairRule)
    await clearGate(em, addressKey, LOGIN_LIMITS.perAddress)
    return ok({ userId: user.id })
  }
  await passGate(em, accountKey, LOGIN_LIMITS.perAccount, now)
  return fail('INVALID_CREDENTIALS')
}
