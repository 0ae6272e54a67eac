import { defineEntity, p } from '@mikro-orm/core'

/**
 * Attempt counters of the sign-in and password-reset throttles, one row per key
 * (`login-ip:<address>`, `login-account:<email>`, `login-pair:<email>|<address>`, `reset-…`).
 */
const LoginThrottleSchema = defineEntity({
  name: 'LoginThrottle',
  tableName: 'login_throttle',
  properties: {
    key: p.string().length(400).primary(),
    /** Attempts counted in the current window (ceilings), or failures in a row (back-off). */
    failures: p.integer().default(0),
    lastFailureAt: p.datetime(),
    /** When the current counting window of a ceiling began. */
    windowStartedAt: p.datetime().nullable(),
    /** No attempt on this key until then. */
    lockedUntil: p.datetime().nullable(),
    /** Whether the latest attempt was refused (read back by the statement that counted it). */
    refused: p.boolean().default(false),
  },
})

export class LoginThrottle extends LoginThrottleSchema.class {}
LoginThrottleSchema.setClass(LoginThrottle)
