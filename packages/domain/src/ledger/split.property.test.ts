// The split of an order's money, over thousands of random orders: every part is a whole number of
// minor units, none is negative, each share is its rate rounded down (never more), the seller keeps
// what rounding leaves, and the parts always sum to the order's total, to the unit.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { BP, splitOrder } from './split.ts'

const line = fc.record({
  // Up to 10^13 minor units: ₫10 trillion in one line (VND has no decimals).
  total: fc.oneof(fc.integer({ min: 0, max: 1_000 }), fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 10_000_000_000_000 })),
  commissionBp: fc.integer({ min: 0, max: 5_000 }),
  territoryBp: fc.integer({ min: 0, max: 5_000 }),
})

describe('splitting an order', () => {
  it('always sums to the total, each share its rate rounded down, over 5,000 random orders', () => {
    let checked = 0
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 40 }), (lines) => {
        const { lines: shares, total } = splitOrder(lines)
        const orderTotal = lines.reduce((a, l) => a + l.total, 0)
        expect(total.commission + total.territory + total.seller).toBe(orderTotal)
        lines.forEach((l, i) => {
          const s = shares[i]!
          for (const part of [s.commission, s.territory, s.seller]) expect(Number.isSafeInteger(part) && part >= 0).toBe(true)
          expect(s.commission + s.territory + s.seller).toBe(l.total)
          // Rounded down: within one unit below the exact share, computed without floating point.
          const exact = (bp: number) => (BigInt(l.total) * BigInt(bp)) / BigInt(BP)
          expect(BigInt(s.commission)).toBe(exact(l.commissionBp))
          expect(BigInt(s.territory)).toBe(exact(l.territoryBp))
        })
        // The ledger's postings of such an order sum to zero: the buyer's charge against the shares.
        expect(-orderTotal + total.seller + total.commission + total.territory).toBe(0)
        checked += 1
      }),
      { numRuns: 5_000 },
    )
    expect(checked).toBe(5_000)
  })

  it('refuses shares above 100 % together, and negative or fractional totals', () => {
    expect(() => splitOrder([{ total: 100, commissionBp: 6_000, territoryBp: 4_001 }])).toThrow()
    expect(() => splitOrder([{ total: -1, commissionBp: 0, territoryBp: 0 }])).toThrow()
    expect(() => splitOrder([{ total: 1.5, commissionBp: 0, territoryBp: 0 }])).toThrow()
  })
})
