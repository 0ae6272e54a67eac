import { defineEntity, p } from '@mikro-orm/core'

/** Consecutive failed logins per key (`account:<email>` or `ip:<address>`). */
const LoginThrottleSchema = defineEntity({
  name: 'LoginThrottle',
  tableName: 'login_throttle',
  properties: {
    key: p.string().length(400).primary(),
    failures: p.integer().default(0),
    lastFailureAt: p.datetime(),
    lockedUntil: p.datetime().nullable(),
  },
})

export class LoginThrottle extends LoginThrottleSchema.class {}
LoginThrottleSchema.setClass(LoginThrottle)
