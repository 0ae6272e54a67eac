import { describe, expect, it } from 'vitest'
import { CONTRACT_DOCUMENTS, searchContract } from '../contract.ts'
import { buildFilter, buildSearches, buildSort, createMeilisearchIndex, mergeAttributeCounts, MEILI_SETTINGS, readFacets, storefrontSearchToken, toMeiliDocument } from './meilisearch-index.ts'

describe('the meilisearch adapter, without a server', () => {
  it('declares every attribute it filters, sorts and facets on', () => {
    const filterable = MEILI_SETTINGS.filterableAttributes as string[]
    for (const f of [...buildFilter({ category: 'c', brands: ['b'], sellers: ['s'], attributes: { poles: ['2P'] }, inStock: true, priceMin: 1, priceMax: 2 }), ...buildFilter({ sellers: ['s'] })]) {
      expect(filterable).toContain(f.split(' ')[0])
    }
    expect(MEILI_SETTINGS.sortableAttributes).toEqual(expect.arrayContaining(['minPrice', '_geo']))
    expect(MEILI_SETTINGS.searchableAttributes?.slice(0, 2)).toEqual(['mpn', 'skus'])
  })

  it('builds filters that quote values, so a slug cannot inject an expression', () => {
    expect(buildFilter({ brands: ['a', 'b"] OR inStock = false'], inStock: true })).toEqual(['brandSlug IN ["a", "b\\"] OR inStock = false"]', 'inStock = true'])
    // A seller filter with the stock filter asks for that seller's stock, not anyone's.
    expect(buildFilter({ sellers: ['saigon-parts'], inStock: true })).toEqual(['stockedSellerSlugs IN ["saigon-parts"]', 'inStock = true'])
    expect(buildFilter({ priceMin: 100.7, currency: 'VND' })).toEqual(['currency = "VND"', 'minPrice >= 100'])
    expect(buildSort({ sort: 'nearest', near: { latitude: 21, longitude: 105.8 } })).toEqual(['_geoPoint(21, 105.8):asc'])
    expect(buildSort({ sort: 'nearest' })).toBeUndefined()
    // Values of one attribute are alternatives; attributes combine.
    expect(buildFilter({ attributes: { poles: ['1P', '2P'], rated_current: ['63'] } })).toEqual(['attributeFacets IN ["poles:1P", "poles:2P"]', 'attributeFacets IN ["rated_current:63"]'])
  })

  it('flattens a document with its facets labelled, and reads them back', () => {
    const doc = toMeiliDocument(CONTRACT_DOCUMENTS[0]!)
    expect(doc).toMatchObject({ mpn: 'SHE-CB-63A', skus: ['HN-CB63', 'SG-000163'], minPrice: 240_000, inStock: true, categorySlugs: ['breakers', 'electrical'], attributeFacets: ['rated_current:63', 'poles:2P'], stockedSellerSlugs: ['hanoi-supply', 'saigon-parts'] })
    expect(doc._geo).toEqual({ lat: 21.0612, lng: 105.8969 })
    const facets = readFacets({ brandFacet: { [doc.brandFacet!]: 3 }, sellerFacets: Object.fromEntries(doc.sellerFacets.map((s, i) => [s, i + 1])), inStock: { true: 2, false: 1 } })
    expect(facets.brands).toEqual([{ value: 'song-hong', label: 'Sông Hồng', count: 3 }])
    expect(facets.sellers[0]).toEqual({ value: 'saigon-parts', label: 'SAIGON-PARTS', count: 2 })
    expect(facets.inStock).toBe(2)
    const attributes = readFacets({ attributeFacets: { 'poles:2P': 1, 'poles:1P': 4, 'rated_current:63': 2, 'colour:red': 9 } }, ['poles', 'rated_current'])
    expect(attributes.attributes).toEqual([
      { key: 'poles', values: [{ value: '1P', count: 4 }, { value: '2P', count: 1 }] },
      { key: 'rated_current', values: [{ value: '63', count: 2 }] },
    ])
  })

  it('counts a ticked attribute without its own filter, in a second search sent along', () => {
    const query = { q: 'mcb', category: 'breakers', attributes: { poles: ['2P'], rated_current: ['63'] }, attributeFacets: ['poles', 'rated_current', 'colour'] }
    const { main, counts } = buildSearches('products', query)
    expect(main.filter).toEqual(['categorySlugs = "breakers"', 'attributeFacets IN ["poles:2P"]', 'attributeFacets IN ["rated_current:63"]'])
    expect(main.facets).toContain('attributeFacets')
    expect(counts.map((c) => [c.key, c.search.filter, c.search.hitsPerPage])).toEqual([
      ['poles', ['categorySlugs = "breakers"', 'attributeFacets IN ["rated_current:63"]'], 0],
      ['rated_current', ['categorySlugs = "breakers"', 'attributeFacets IN ["poles:2P"]'], 0],
    ])
    expect(buildSearches('products', { q: 'mcb' }).counts).toEqual([])
    const merged = mergeAttributeCounts({ 'poles:2P': 1, 'rated_current:63': 1, 'colour:red': 1 }, { poles: { 'poles:1P': 4, 'poles:2P': 1, 'rated_current:32': 9 } })
    expect(merged).toEqual({ 'rated_current:63': 1, 'colour:red': 1, 'poles:1P': 4, 'poles:2P': 1 })
  })

  it('issues storefront tokens limited to one seller, and refuses one already expired', async () => {
    const options = { apiKey: 'a'.repeat(32), apiKeyUid: '74c9c733-3368-4738-bbe5-1d18a5fecb37', indexUid: 'products', sellerSlug: 'da-nang-trading' }
    const token = await storefrontSearchToken({ ...options, expiresAt: new Date(Date.now() + 3600_000) })
    const payload = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString())
    expect(payload.searchRules).toEqual({ products: { filter: 'sellerSlugs = "da-nang-trading"' } })
    expect(payload.apiKeyUid).toBe(options.apiKeyUid)
    await expect(storefrontSearchToken({ ...options, expiresAt: new Date(Date.now() - 1000) })).rejects.toThrow(/future/)
  })
})

// Against a real server only where one is configured (none can be installed on the build machines).
if (process.env.MEILISEARCH_URL) {
  searchContract('meilisearch', async () => createMeilisearchIndex({ url: process.env.MEILISEARCH_URL!, apiKey: process.env.MEILISEARCH_API_KEY, indexUid: `contract_${Date.now()}` }))
}
