import { UniqueConstraintViolationException } from '@mikro-orm/core'

/** Unexpected or generic failures. Each app maps `kind` to a status in one place. */
export type DomainErrorKind = 'not_found' | 'forbidden' | 'conflict' | 'invalid' | 'unauthenticated'

export class DomainError extends Error {
  readonly kind: DomainErrorKind
  readonly code: string
  constructor(kind: DomainErrorKind, code: string, message?: string) {
    super(message ?? code)
    this.name = 'DomainError'
    this.kind = kind
    this.code = code
  }
}

export const notFound = (code = 'NOT_FOUND') => new DomainError('not_found', code)
export const forbidden = (code = 'FORBIDDEN') => new DomainError('forbidden', code)

/**
 * Expected business outcomes are returned, not thrown. `code` is SCREAMING_SNAKE and is also
 * the i18n key the apps show; `params` fill the message ("try again in {{minutes}} minutes").
 */
export type Failure<C extends string = string> = {
  ok: false
  error: { code: C; params?: Record<string, string | number>; field?: string }
}
export type Success<T> = { ok: true; value: T }
export type Result<T, C extends string = string> = Success<T> | Failure<C>

export const ok = <T>(value: T): Success<T> => ({ ok: true, value })
export const fail = <C extends string>(
  code: C,
  extra: { params?: Record<string, string | number>; field?: string } = {},
): Failure<C> => ({ ok: false, error: { code, ...extra } })

/**
 * A unique constraint said no: the same record was created twice (a double submit, two tabs).
 * Mapped here, once: forms answer 409 with ALREADY_EXISTS, other requests a 409 status.
 */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof UniqueConstraintViolationException || (typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505')
}
