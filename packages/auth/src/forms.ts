import { parse, type Submission } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect } from '@remix-run/node'
import type { z as zod } from 'zod'
import { isUniqueViolation, type Result } from '@tradepost/domain/errors'
import { fieldsWithForbiddenText, TEXT_INVALID } from '@tradepost/domain/text'

export type BusinessError = { code: string; field?: string; params?: Record<string, string | number> }

/**
 * Every server-side form parse: the form's own schema, after a check that no field holds text
 * we cannot store (NUL and other control characters, unpaired surrogates). Such a field gets
 * its own error and nothing else runs.
 */
export function parseForm<S extends zod.ZodType>(formData: FormData, schema: S): Submission<zod.input<S>, string[], zod.output<S>> {
  const bad = fieldsWithForbiddenText(formData.entries())
  if (!bad.length) return parseWithZod(formData, { schema })
  return parse(formData, { resolve: () => ({ error: Object.fromEntries(bad.map((name) => [name, [TEXT_INVALID]])) }) }) as Submission<zod.input<S>, string[], zod.output<S>>
}

/**
 * The action half of a form: validate with the form's own schema, run one use case, then
 * redirect on success, or answer 400 (invalid input) / 409 (a business rule said no, or the
 * record exists already: a double submit) with the error next to its field (or `field` when
 * the rule names none).
 */
export async function submitForm<S extends zod.ZodType, T>(
  formData: FormData,
  schema: S,
  run: (value: zod.output<S>) => Promise<Result<T, string>>,
  options: { field: string; redirectTo: (value: T) => string },
) {
  const submission = parseForm(formData, schema)
  if (submission.status !== 'success') return data({ result: submission.reply(), error: null as BusinessError | null }, { status: 400 })
  let result: Result<T, string>
  try {
    result = await run(submission.value as zod.output<S>)
  } catch (error) {
    // The use case's transaction rolled back whole: nothing was half-written.
    if (!isUniqueViolation(error)) throw error
    result = { ok: false, error: { code: 'ALREADY_EXISTS' } }
  }
  if (!result.ok) {
    const field = result.error.field ?? options.field
    return data({ result: submission.reply({ fieldErrors: { [field]: [result.error.code] } }), error: result.error as BusinessError | null }, { status: 409 })
  }
  throw redirect(options.redirectTo(result.value))
}
