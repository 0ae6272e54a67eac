// Attempt throttles for sign-in and password reset. Every decision is taken by the one SQL
// statement that also counts the attempt, so a burst of parallel attempts is counted in full:
// the attempts past a limit are refused even when they all arrive within the same millisecond.
import type { EntityManager } from '@mikro-orm/postgresql'
import { fail } from '../errors.ts'

/** At most `limit` attempts per `windowSeconds` (per client address, per account). */
export interface Ceiling {
  kind: 'ceiling'
  limit: number
  windowSeconds: number
}
/**
 * After `freeAttempts` failures in a row, each further failure doubles the wait before the next
 * attempt (1 s, 2 s, 4 s …, at most `maxSeconds`). A success clears it.
 */
export interface BackOff {
  kind: 'backoff'
  freeAttempts: number
  maxSeconds: number
}

export interface Gate {
  allowed: boolean
  /** When refused: how long until an attempt is taken again. */
  retryAfterSeconds: number
  /** Attempts counted on the key so far (this one included when allowed). */
  count: number
}

type Row = { failures: number; locked_until: Date | null; refused: boolean }

/**
 * Counts an attempt on `key` unless the key is closed, in one atomic statement, and says
 * whether the attempt may go ahead.
 */
export async function passGate(em: EntityManager, key: string, rule: Ceiling | BackOff, now = new Date()): Promise<Gate> {
  const conn = em.getConnection()
  let rows: Row[]
  if (rule.kind === 'ceiling') {
    // A window that has run out starts again with this attempt.
    rows = await conn.execute<Row[]>(
      `insert into login_throttle as t (key, failures, last_failure_at, window_started_at, locked_until, refused)
         values (?, 1, ?, ?, null, false)
       on conflict (key) do update set
         refused = t.window_started_at is not null and t.window_started_at > ?::timestamptz - make_interval(secs => ?) and t.failures >= ?,
         failures = case when t.window_started_at is null or t.window_started_at <= ?::timestamptz - make_interval(secs => ?) then 1
                         when t.failures >= ? then t.failures else t.failures + 1 end,
         window_started_at = case when t.window_started_at is null or t.window_started_at <= ?::timestamptz - make_interval(secs => ?) then ?::timestamptz
                                  else t.window_started_at end,
         locked_until = case when t.window_started_at is not null and t.window_started_at > ?::timestamptz - make_interval(secs => ?) and t.failures + 1 >= ?
                             then t.window_started_at + make_interval(secs => ?) else null end,
         last_failure_at = ?
       returning failures, locked_until, refused`,
      [key, now, now, now, rule.windowSeconds, rule.limit, now, rule.windowSeconds, rule.limit, now, rule.windowSeconds, now, now, rule.windowSeconds, rule.limit, rule.windowSeconds, now],
    )
  } else {
    // The attempt that uses up the free ones already sets the wait, so that parallel attempts
    // behind it are refused; a success removes the row.
    rows = await conn.execute<Row[]>(
      `insert into login_throttle as t (key, failures, last_failure_at, window_started_at, locked_until, refused)
         values (?, 1, ?, null, case when 1 >= ? then ?::timestamptz + make_interval(secs => 1) else null end, false)
       on conflict (key) do update set
         refused = coalesce(t.locked_until > ?, false),
         failures = case when t.locked_until > ? then t.failures else t.failures + 1 end,
         locked_until = case when t.locked_until > ? then t.locked_until
                             when t.failures + 1 >= ? then ?::timestamptz + make_interval(secs => least(power(2, t.failures + 1 - ?), ?))
                             else null end,
         last_failure_at = ?
       returning failures, locked_until, refused`,
      [key, now, rule.freeAttempts, now, now, now, now, rule.freeAttempts, now, rule.freeAttempts, rule.maxSeconds, now],
    )
  }
  const row = rows[0]!
  const until = row.locked_until ? new Date(row.locked_until).getTime() : 0
  return { allowed: !row.refused, retryAfterSeconds: row.refused ? Math.max(1, Math.ceil((until - now.getTime()) / 1000)) : 0, count: row.failures }
}

/** The attempt succeeded: forget the key (back-off), or give the attempt back (ceiling). */
export async function clearGate(em: EntityManager, key: string, rule: Ceiling | BackOff): Promise<void> {
  const conn = em.getConnection()
  if (rule.kind === 'backoff') await conn.execute('delete from login_throttle where key = ?', [key])
  else await conn.execute('update login_throttle set failures = greatest(failures - 1, 0), locked_until = null where key = ?', [key])
}

/** Attempts counted on a key in its current window (0 when there is none). */
export async function countOn(em: EntityManager, key: string, rule: Ceiling, now = new Date()): Promise<number> {
  const rows = await em.getConnection().execute<{ failures: number }[]>(
    'select failures from login_throttle where key = ? and window_started_at > ?::timestamptz - make_interval(secs => ?)',
    [key, now, rule.windowSeconds],
  )
  return rows[0]?.failures ?? 0
}

export type ThrottleError = 'TOO_MANY_ATTEMPTS' | 'SLOW_DOWN'

/** A refused attempt: "wait N seconds" for short waits, minutes for long ones. */
export function refusedByThrottle(gate: Gate) {
  return gate.retryAfterSeconds < 120
    ? fail('SLOW_DOWN' as ThrottleError, { params: { seconds: gate.retryAfterSeconds } })
    : fail('TOO_MANY_ATTEMPTS' as ThrottleError, { params: { minutes: Math.ceil(gate.retryAfterSeconds / 60), seconds: gate.retryAfterSeconds } })
}

/** Counters untouched for a day say nothing any more (every window and back-off is shorter): the worker removes them. */
export async function sweepThrottles(em: EntityManager, now = new Date()): Promise<number> {
  const rows = await em.getConnection().execute<{ key: string }[]>(`delete from login_throttle where last_failure_at < ?::timestamptz - interval '1 day' and (locked_until is null or locked_until < ?) returning key`, [now, now])
  return rows.length
}
