import { describe, expect, it } from 'vitest'
import { CONTRACT_DOCUMENTS, searchContract, VISITOR } from '../contract.ts'
import { buildFilter, buildSearches, buildSort, createMeilisearchIndex, mergeAttributeCounts, MEILI_SETTINGS, readFacets, storefrontSearchToken, toMeiliDocument } from './meilisearch-index.ts'

describe('the meilisearch adapter, without a server', () => {
  it('declares every attribute it filters, sorts and facets on', () => {
    const filterable = MEILI_SETTINGS.filterableAttributes as string[]
    for (const f of [...buildFilter({ viewer: VISITOR, category: 'c', brands: ['b'], sellers: ['s'], attributes: { poles: ['2P'] }, inStock: true, priceMin: 1, priceMax: 2 }), ...buildFilter({ viewer: VISITOR, sellers: ['s'] })]) {
      for (const attribute of f.match(/[A-Za-z_]+(?= (IN|=|>=|<=) )/g)!) expect(filterable).toContain(attribute)
    }
    expect(MEILI_SETTINGS.sortableAttributes).toEqual(expect.arrayContaining(['minPrice', '_geo']))
    expect(MEILI_SETTINGS.searchableAttributes?.slice(0, 2)).toEqual(['mpn', 'skus'])
  })

  it('builds filters that quote values, so a slug cannot inject an expression', () => {
    expect(buildFilter({ viewer: VISITOR, brands: ['a', 'b"] OR inStock = false'], inStock: true })).toEqual(['brandSlug IN ["a", "b\\"] OR inStock = false"]', '(inStock = true OR audienceStocked IN ["public"])'])
    // A seller filter with the stock filter asks for that seller's stock, not anyone's; a
    // restricted offer counts for the viewer's own audiences only.
    const member = { audience: ['public', 'group:g1'], signedIn: true }
    expect(buildFilter({ viewer: member, sellers: ['saigon-parts'], inStock: true })).toEqual([
      '(stockedSellerSlugs IN ["saigon-parts"] OR audienceStockedSellers IN ["public|saigon-parts", "group:g1|saigon-parts"])',
      '(inStock = true OR audienceStocked IN ["public", "group:g1"])',
    ])
    // A visitor filters and ranks by the prices everyone sees; a signed-in buyer also by those kept for buyers.
    expect(buildFilter({ viewer: VISITOR, priceMin: 100.7, currency: 'VND' })).toEqual(['currency = "VND"', 'minPrice >= 100'])
    expect(buildFilter({ viewer: member, priceMin: 100, currency: 'VND' })).toEqual(['memberCurrency = "VND"', 'memberMinPrice >= 100'])
    expect(buildSort({ viewer: member, sort: 'price_asc' })).toEqual(['memberMinPrice:asc'])
    expect(buildSort({ viewer: VISITOR, sort: 'nearest', near: { latitude: 21, longitude: 105.8 } })).toEqual(['_geoPoint(21, 105.8):asc'])
    expect(buildSort({ viewer: VISITOR, sort: 'nearest' })).toBeUndefined()
    // Values of one attribute are alternatives; attributes combine.
    expect(buildFilter({ viewer: VISITOR, attributes: { poles: ['1P', '2P'], rated_current: ['63'] } })).toEqual(['attributeFacets IN ["poles:1P", "poles:2P"]', 'attributeFacets IN ["rated_current:63"]'])
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

  it('keeps restricted offers out of what everyone filters, ranks and counts by', () => {
    const open = CONTRACT_DOCUMENTS[0]!.offers[0]!
    const d = { ...CONTRACT_DOCUMENTS[0]!, offers: [open, { ...open, offerId: 'r', sellerSlug: 'secret', sellerName: 'Secret', sku: 'SECRET-1', priceAmount: 1, visibleTo: ['group:g1'] }] }
    const m = toMeiliDocument(d)
    expect([m.skus, m.sellerSlugs, m.minPrice, m.audienceSellers, m.audienceStocked]).toEqual([['HN-CB63'], ['hanoi-supply'], 250_000, ['group:g1|secret'], ['group:g1']])
    const distribution = { sellerFacets: { [m.sellerFacets[0]!]: 1 }, audienceSellerFacets: { [m.audienceSellerFacets[0]!]: 1 } }
    expect(readFacets(distribution).sellers.map((f) => f.value)).toEqual(['hanoi-supply'])
    expect(readFacets(distribution, [], ['public', 'group:g1']).sellers.map((f) => [f.value, f.label])).toEqual([['hanoi-supply', 'HANOI-SUPPLY'], ['secret', 'Secret']])
  })

  it('counts a ticked attribute without its own filter, in a second search sent along', () => {
    const query = { viewer: VISITOR, q: 'mcb', category: 'breakers', attributes: { poles: ['2P'], rated_current: ['63'] }, attributeFacets: ['poles', 'rated_current', 'colour'] }
    const { main, counts } = buildSearches('products', query)
    expect(main.filter).toEqual(['categorySlugs = "breakers"', 'attributeFacets IN ["poles:2P"]', 'attributeFacets IN ["rated_current:63"]'])
    expect(main.facets).toContain('attributeFacets')
    expect(counts.map((c) => [c.key, c.search.filter, c.search.hitsPerPage])).toEqual([
      ['poles', ['categorySlugs = "breakers"', 'attributeFacets IN ["rated_current:63"]'], 0],
      ['rated_current', ['categorySlugs = "breakers"', 'attributeFacets IN ["poles:2P"]'], 0],
    ])
    expect(buildSearches('products', { viewer: VISITOR, q: 'mcb' }).counts).toEqual([])
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
