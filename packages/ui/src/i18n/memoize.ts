// Translations on the server: one shared i18next instance per language answers every render.
import type { i18n } from 'i18next'

const MAX_REMEMBERED = 5000

/**
 * A page makes hundreds of `t` calls, and i18next resolves each from scratch (interpolation,
 * plurals, nesting). On a shared, never-changing instance the answer to a call whose values are
 * all plain (text, finite numbers, booleans, lists of text: the language and namespace a
 * component passes, a count, a name) is always the same for the same key and values: remember it.
 * Calls with anything else (an object, a function) go to i18next every time.
 */
export function memoizeLookups(instance: i18n): i18n {
  const translate = instance.t.bind(instance)
  let answers = new Map<string, unknown>()
  instance.t = ((key: unknown, options?: Record<string, unknown>) => {
    if (typeof key !== 'string' || (options && !Object.values(options).every(plainValue))) {
      return translate(key as string, options as never)
    }
    const id = options ? `${key}\u0000${JSON.stringify(options)}` : key
    const known = answers.get(id)
    if (known !== undefined) return known
    const answer = translate(key, options as never)
    // Keys come from the code, but values come from data: past a bound, start over.
    if (answers.size >= MAX_REMEMBERED) answers = new Map()
    answers.set(id, answer)
    return answer
  }) as i18n['t']
  return instance
}

const plainValue = (v: unknown) =>
  v === undefined || v === null || typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v)) || (Array.isArray(v) && v.every((x) => typeof x === 'string'))
