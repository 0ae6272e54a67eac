import { useTestDatabase } from '@tradepost/domain/testing/test-database'
import { describe, expect, it } from 'vitest'
import { CONTRACT_DOCUMENTS, searchContract, VISITOR } from '../contract.ts'
import { createPostgresSearchIndex } from './postgres-index.ts'

const db = useTestDatabase()
searchContract('postgres', async () => createPostgresSearchIndex(db().url))

describe('postgres engine: a price range holds for one offer of the filtered sellers', () => {
  it('leaves out a product whose only offer in range is another seller\'s, and ranks by the matching offers', async () => {
    const index = createPostgresSearchIndex(db().url)
    try {
      await index.setup()
      await index.clear()
      await index.upsert(CONTRACT_DOCUMENTS)
      // The breaker: Hà Nội Supply 250,000, Saigon Parts 240,000.
      expect((await index.search({ viewer: VISITOR, sellers: ['hanoi-supply'], priceMax: 245_000, currency: 'VND' })).hits.map((h) => h.mpn)).not.toContain('SHE-CB-63A')
      expect((await index.search({ viewer: VISITOR, sellers: ['saigon-parts'], priceMax: 245_000, currency: 'VND' })).hits.map((h) => h.mpn)).toEqual(['SHE-CB-63A'])
      const ranged = await index.search({ viewer: VISITOR, priceMin: 245_000, priceMax: 300_000, currency: 'VND' })
      expect(ranged.hits.map((h) => [h.mpn, h.minPrice?.amount])).toEqual([['SHE-CB-63A', 250_000]])
      // Sorted by Saigon Parts' own prices.
      expect((await index.search({ viewer: VISITOR, sellers: ['saigon-parts'], sort: 'price_desc' })).hits.map((h) => h.minPrice?.amount)).toEqual([4_500_000, 240_000])
    } finally {
      await index.close()
    }
  })
})
