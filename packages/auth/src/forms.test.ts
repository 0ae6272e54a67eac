import { describe, expect, it } from 'vitest'
import { z } from '@tradepost/domain/zod'
import { parseForm } from './forms.ts'

const Schema = z.object({ name: z.string().min(1), stock: z.record(z.string(), z.coerce.number()).default({}) })
const form = (entries: [string, string][]) => {
  const fd = new FormData()
  for (const [k, v] of entries) fd.append(k, v)
  return fd
}

describe('parseForm', () => {
  it('refuses text that cannot be stored with an error on its own field, nested names included', () => {
    // (Unpaired surrogates cannot reach a FormData: it stores them as U+FFFD, which is fine to keep.)
    for (const bad of ['a\u0000b', 'a\u0008b', 'a\u001bb', 'a\u007fb']) {
      const submission = parseForm(form([['name', bad], ['stock.w1', '3']]), Schema)
      expect(submission.status).toBe('error')
      expect(submission.reply().error).toEqual({ name: ['TEXT_INVALID_CHARACTERS'] })
    }
    const nested = parseForm(form([['name', 'ok'], ['stock.w1', '3\u0000']]), Schema)
    expect(nested.reply().error).toEqual({ 'stock.w1': ['TEXT_INVALID_CHARACTERS'] })
  })

  it('lets ordinary text through, with tabs, line breaks, accents and emoji', () => {
    const submission = parseForm(form([['name', 'Công ty\tĐà Nẵng\r\nline 2 🚚'], ['stock.w1', '3']]), Schema)
    expect(submission.status).toBe('success')
    expect(submission.status === 'success' && submission.value).toEqual({ name: 'Công ty\tĐà Nẵng\r\nline 2 🚚', stock: { w1: 3 } })
  })
})
