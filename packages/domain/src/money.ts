// Money is an integer amount of minor units with an ISO 4217 currency. Never floats.

/** Decimals of the currencies we price in (ISO 4217 minor units). */
export const CURRENCY_DECIMALS = { VND: 0, USD: 2, EUR: 2, SGD: 2, THB: 2, JPY: 0, GBP: 2 } as const
export type Currency = keyof typeof CURRENCY_DECIMALS
export const CURRENCIES = Object.keys(CURRENCY_DECIMALS) as Currency[]

export interface Money {
  /** Minor units (đồng for VND, cents for USD): a safe integer. */
  amount: number
  currency: Currency
}

export const isCurrency = (code: string): code is Currency => Object.hasOwn(CURRENCY_DECIMALS, code)

export type ParseMoneyError = 'PRICE_INVALID' | 'PRICE_NEGATIVE' | 'PRICE_TOO_PRECISE' | 'CURRENCY_UNKNOWN' | 'PRICE_TOO_LARGE'

/**
 * Parses a price a person typed into minor units, refusing negatives and more decimals than the
 * currency has. With a decimal currency (USD) "." is the decimal point and "," groups thousands,
 * except a lone "," before one or two digits ("12,50"). With VND (no decimals) "." and ","
 * both group thousands ("1.250.000", "1,250,000").
 */
export function parseMoney(input: string, currency: string): { ok: true; value: Money } | { ok: false; code: ParseMoneyError } {
  if (!isCurrency(currency)) return { ok: false, code: 'CURRENCY_UNKNOWN' }
  const decimals = CURRENCY_DECIMALS[currency]
  const text = input.trim().replace(/\s/g, '')
  if (text.startsWith('-')) return { ok: false, code: 'PRICE_NEGATIVE' }
  if (!/^\d[\d.,]*$/.test(text)) return { ok: false, code: 'PRICE_INVALID' }
  let whole: string
  let fraction = ''
  if (/^\d{1,3}([.,]\d{3})+$/.test(text) && (decimals === 0 || !text.includes('.'))) {
    whole = text.replace(/[.,]/g, '')
  } else if (/^\d+$/.test(text)) {
    whole = text
  } else {
    const m = decimals > 0 && text.includes('.') ? /^([\d,]+)\.(\d+)$/.exec(text) : /^(\d+)[.,](\d+)$/.exec(text)
    if (!m || (m[1]!.includes(',') && !/^\d{1,3}(,\d{3})*$/.test(m[1]!))) return { ok: false, code: 'PRICE_INVALID' }
    whole = m[1]!.replace(/,/g, '')
    fraction = m[2]!
  }
  if (fraction.replace(/0+$/, '').length > decimals) return { ok: false, code: 'PRICE_TOO_PRECISE' }
  const amount = Number(whole) * 10 ** decimals + Number((fraction + '0'.repeat(decimals)).slice(0, decimals) || '0')
  if (!Number.isSafeInteger(amount)) return { ok: false, code: 'PRICE_TOO_LARGE' }
  return { ok: true, value: { amount, currency } }
}

const formatters = new Map<string, Intl.NumberFormat>()

export function formatMoney(money: Money, locale: string): string {
  const key = `${locale}:${money.currency}`
  let formatter = formatters.get(key)
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale === 'vi' ? 'vi-VN' : 'en-US', {
      style: 'currency',
      currency: money.currency,
      minimumFractionDigits: CURRENCY_DECIMALS[money.currency],
      maximumFractionDigits: CURRENCY_DECIMALS[money.currency],
    })
    formatters.set(key, formatter)
  }
  return formatter.format(money.amount / 10 ** CURRENCY_DECIMALS[money.currency])
}

/** The amount as a person would type it back into a form ("12.50", "1250000"). */
export function toInputString(money: Money): string {
  const d = CURRENCY_DECIMALS[money.currency]
  if (d === 0) return String(money.amount)
  const s = String(money.amount).padStart(d + 1, '0')
  return `${s.slice(0, -d)}.${s.slice(-d)}`
}

/**
 * Splits `total` into parts proportional to `weights`, handing out the remainder one unit at a
 * time to the largest fractional shares: the parts always sum to the total.
 */
export function allocate(total: number, weights: number[]): number[] {
  if (!Number.isSafeInteger(total)) throw new Error('allocate: total must be a safe integer')
  const sum = weights.reduce((a, b) => a + b, 0)
  if (weights.length === 0 || sum <= 0 || weights.some((w) => w < 0)) throw new Error('allocate: weights must be non-negative with a positive sum')
  const raw = weights.map((w) => (total * w) / sum)
  const parts = raw.map(Math.floor)
  let remainder = total - parts.reduce((a, b) => a + b, 0)
  const order = raw.map((r, i) => ({ i, frac: r - Math.floor(r) })).sort((a, b) => b.frac - a.frac || a.i - b.i)
  for (let k = 0; remainder > 0; k = (k + 1) % order.length, remainder--) parts[order[k]!.i]! += 1
  return parts
}

/** The lowest of the prices in each currency, by currency code: amounts in different currencies are never compared. */
export function lowestPerCurrency<P extends { amount: number; currency: string }>(prices: P[]): P[] {
  const lowest = new Map<string, P>()
  for (const p of prices) {
    const seen = lowest.get(p.currency)
    if (!seen || p.amount < seen.amount) lowest.set(p.currency, p)
  }
  return [...lowest.values()].sort((a, b) => a.currency.localeCompare(b.currency))
}
