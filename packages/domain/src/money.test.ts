import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { allocate, formatMoney, parseMoney, toInputString } from './money.ts'

describe('parseMoney', () => {
  it('reads prices the way people type them', () => {
    expect(parseMoney('1,250,000', 'VND')).toEqual({ ok: true, value: { amount: 1_250_000, currency: 'VND' } })
    expect(parseMoney('1.250.000', 'VND')).toEqual({ ok: true, value: { amount: 1_250_000, currency: 'VND' } })
    expect(parseMoney('12.5', 'USD')).toEqual({ ok: true, value: { amount: 1250, currency: 'USD' } })
    expect(parseMoney('12,50', 'USD')).toEqual({ ok: true, value: { amount: 1250, currency: 'USD' } })
    expect(parseMoney('1,234', 'USD')).toEqual({ ok: true, value: { amount: 123_400, currency: 'USD' } })
    expect(parseMoney('1,234.50', 'USD')).toEqual({ ok: true, value: { amount: 123_450, currency: 'USD' } })
    expect(parseMoney('12.00', 'VND')).toEqual({ ok: true, value: { amount: 12, currency: 'VND' } })
  })

  it('refuses negative, over-precise and malformed prices', () => {
    expect(parseMoney('-5', 'USD')).toEqual({ ok: false, code: 'PRICE_NEGATIVE' })
    expect(parseMoney('12.345', 'USD')).toEqual({ ok: false, code: 'PRICE_TOO_PRECISE' })
    expect(parseMoney('1000.5', 'VND')).toEqual({ ok: false, code: 'PRICE_TOO_PRECISE' })
    expect(parseMoney('abc', 'USD')).toEqual({ ok: false, code: 'PRICE_INVALID' })
    expect(parseMoney('10', 'XYZ')).toEqual({ ok: false, code: 'CURRENCY_UNKNOWN' })
    expect(parseMoney('99999999999999999999', 'VND')).toEqual({ ok: false, code: 'PRICE_TOO_LARGE' })
  })

  it('round-trips through the form representation', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 12 }), fc.constantFrom('VND' as const, 'USD' as const), (amount, currency) => {
        const parsed = parseMoney(toInputString({ amount, currency }), currency)
        expect(parsed).toEqual({ ok: true, value: { amount, currency } })
      }),
    )
  })

  it('formats for each language', () => {
    expect(formatMoney({ amount: 1_250_000, currency: 'VND' }, 'vi')).toMatch(/1\.250\.000\s?₫/)
    expect(formatMoney({ amount: 1250, currency: 'USD' }, 'en')).toBe('$12.50')
  })
})

describe('allocate', () => {
  it('always sums to the total and stays within one unit of the exact share', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 12 }), fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 8 }).filter((w) => w.some((x) => x > 0)), (total, weights) => {
        const parts = allocate(total, weights)
        expect(parts.reduce((a, b) => a + b, 0)).toBe(total)
        const sum = weights.reduce((a, b) => a + b, 0)
        parts.forEach((p, i) => expect(Math.abs(p - (total * weights[i]!) / sum)).toBeLessThan(1))
      }),
    )
  })
})
