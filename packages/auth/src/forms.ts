import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect } from '@remix-run/node'
import type { z } from 'zod'
import type { Result } from '@tradepost/domain/errors'

export type BusinessError = { code: string; field?: string; params?: Record<string, string | number> }

/**
 * The action half of a form: validate with the form's own schema, run one use case, then
 * redirect on success, or answer 400 (invalid input) / 409 (a business rule said no) with the
 * error next to its field (or `field` when the rule names none).
 */
export async function submitForm<S extends z.ZodType, T>(
  formData: FormData,
  schema: S,
  run: (value: z.output<S>) => Promise<Result<T, string>>,
  options: { field: string; redirectTo: (value: T) => string },
) {
  const submission = parseWithZod(formData, { schema })
  if (submission.status !== 'success') return data({ result: submission.reply(), error: null as BusinessError | null }, { status: 400 })
  const result = await run(submission.value as z.output<S>)
  if (!result.ok) {
    const field = result.error.field ?? options.field
    return data({ result: submission.reply({ fieldErrors: { [field]: [result.error.code] } }), error: result.error as BusinessError | null }, { status: 409 })
  }
  throw redirect(options.redirectTo(result.value))
}
