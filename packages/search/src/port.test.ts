import { describe, expect, it } from 'vitest'
import { CONTRACT_DOCUMENTS, VISITOR } from './contract.ts'
import { toHit } from './port.ts'

describe('a search hit', () => {
  it('gives the lowest price per currency, never comparing amounts across currencies', () => {
    const breaker = CONTRACT_DOCUMENTS[0]!
    const [hanoi, saigon] = breaker.offers
    // 12 SGD is not "lower" than 250,000 VND: each currency keeps its own minimum.
    const mixed = { ...breaker, offers: [hanoi!, { ...saigon!, currency: 'SGD' as const, priceAmount: 1_200 }] }
    const hit = toHit(mixed, { viewer: VISITOR })
    expect(hit.minPrices).toEqual([
      { amount: 1_200, currency: 'SGD', vatIncluded: true },
      { amount: 250_000, currency: 'VND', vatIncluded: false },
    ])
    expect(hit.minPrice).toBeNull()
    expect(toHit(breaker, { viewer: VISITOR }).minPrice).toEqual({ amount: 240_000, currency: 'VND', vatIncluded: true })
  })
})
