// The behaviour every search engine must have. Each engine's test calls this with a factory.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SearchDocument, SearchIndex, SearchResult } from './port.ts'

const HANOI = { latitude: 21.0612, longitude: 105.8969 }
const SAIGON = { latitude: 10.8031, longitude: 106.746 }

function doc(n: number, over: Partial<SearchDocument> & { offers?: SearchDocument['offers'] } = {}): SearchDocument {
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    slug: `product-${n}`,
    mpn: `MPN-${n}`,
    gtin: null,
    nameEn: `Product ${n}`,
    nameVi: `Sản phẩm ${n}`,
    descriptionEn: '',
    descriptionVi: '',
    brand: null,
    category: { id: '10000000-0000-4000-8000-000000000001', slug: 'tools', nameEn: 'Tools', nameVi: 'Dụng cụ', ancestorSlugs: ['tools'] },
    attributes: {},
    sellerListed: false,
    offers: [],
    ...over,
  }
}
const offer = (seller: string, sku: string, priceAmount: number, at: { latitude: number; longitude: number } | null): SearchDocument['offers'][number] => ({
  offerId: crypto.randomUUID(),
  sellerId: `20000000-0000-4000-8000-${seller.length.toString().padStart(12, '0')}`,
  sellerSlug: seller,
  sellerName: seller.toUpperCase(),
  sku,
  priceAmount,
  currency: 'VND',
  // Saigon Parts quotes VAT included; the others do not.
  pricesIncludeVat: seller === 'saigon-parts',
  inStock: at !== null,
  locations: at ? [at] : [],
})

export const CONTRACT_DOCUMENTS: SearchDocument[] = [
  doc(1, {
    mpn: 'SHE-CB-63A',
    nameEn: 'Circuit breaker 63A',
    nameVi: 'Cầu dao tự động 63A',
    brand: { id: '30000000-0000-4000-8000-000000000001', slug: 'song-hong', name: 'Sông Hồng' },
    category: { id: '10000000-0000-4000-8000-000000000002', slug: 'breakers', nameEn: 'Breakers', nameVi: 'Cầu dao', ancestorSlugs: ['breakers', 'electrical'] },
    attributes: { rated_current: 63, poles: '2P' },
    offers: [offer('hanoi-supply', 'HN-CB63', 250_000, HANOI), offer('saigon-parts', 'SG-000163', 240_000, SAIGON)],
  }),
  doc(2, {
    mpn: 'MKP-200',
    nameEn: 'Centrifugal pump 2 kW',
    nameVi: 'Máy bơm ly tâm 2 kW',
    brand: { id: '30000000-0000-4000-8000-000000000002', slug: 'mekong', name: 'Mekong Pumps' },
    category: { id: '10000000-0000-4000-8000-000000000003', slug: 'pumps', nameEn: 'Pumps', nameVi: 'Máy bơm', ancestorSlugs: ['pumps'] },
    image: { id: '40000000-0000-4000-8000-000000000002', width: 1200, height: 900, widths: [160, 480, 960] },
    offers: [offer('saigon-parts', 'SG-PUMP-200', 4_500_000, SAIGON)],
  }),
  doc(3, { nameEn: 'Dây điện Hà Nội cable', nameVi: 'Dây điện', offers: [offer('hanoi-supply', 'HN-CABLE', 90_000, null)] }),
]

const SMALL_BREAKER = doc(4, {
  mpn: 'SHE-CB-32A',
  nameEn: 'Circuit breaker 32A',
  nameVi: 'Cầu dao tự động 32A',
  category: { id: '10000000-0000-4000-8000-000000000002', slug: 'breakers', nameEn: 'Breakers', nameVi: 'Cầu dao', ancestorSlugs: ['breakers', 'electrical'] },
  attributes: { rated_current: 32, poles: '1P' },
  offers: [],
})

export function searchContract(name: string, create: () => Promise<SearchIndex>) {
  describe(`search contract: ${name}`, () => {
    let index: SearchIndex
    beforeAll(async () => {
      index = await create()
      await index.setup()
      await index.clear()
      await index.upsert(CONTRACT_DOCUMENTS)
    })
    afterAll(async () => {
      await index?.close()
    })

    it('finds a product by a partial SKU or part number, case-insensitively', async () => {
      expect((await index.search({ q: '000163' })).hits.map((h) => h.mpn)).toEqual(['SHE-CB-63A'])
      expect((await index.search({ q: 'mkp' })).hits.map((h) => h.mpn)).toEqual(['MKP-200'])
      // A hit carries its product's first image (for result cards), or null.
      expect((await index.search({ q: 'mkp' })).hits[0]?.image).toEqual({ id: '40000000-0000-4000-8000-000000000002', width: 1200, height: 900, widths: [160, 480, 960] })
      expect((await index.search({ q: '000163' })).hits[0]?.image).toBeNull()
    })

    it('folds Vietnamese accents both ways and forgives a typo', async () => {
      expect((await index.search({ q: 'cau dao' })).hits.map((h) => h.mpn)).toContain('SHE-CB-63A')
      expect((await index.search({ q: 'hà nội' })).hits.map((h) => h.id)).toContain(CONTRACT_DOCUMENTS[2]!.id)
      expect((await index.search({ q: 'centrifgal' })).hits.map((h) => h.mpn)).toContain('MKP-200')
    })

    it('filters by category (with its ancestors), brand, seller and stock, and counts facets', async () => {
      expect((await index.search({ category: 'electrical' })).hits.map((h) => h.mpn)).toEqual(['SHE-CB-63A'])
      expect((await index.search({ brands: ['mekong'] })).total).toBe(1)
      const bySeller = await index.search({ sellers: ['hanoi-supply'] })
      expect(bySeller.total).toBe(2)
      expect((await index.search({ inStock: true })).total).toBe(2)
      const all = await index.search({})
      expect(all.total).toBe(3)
      expect(all.facets.sellers.find((s) => s.value === 'saigon-parts')?.count).toBe(2)
      expect(all.facets.brands.map((b) => b.value).sort()).toEqual(['mekong', 'song-hong'])
      expect(all.facets.inStock).toBe(2)
    })

    it('filters by category attributes (values of one attribute are alternatives) and counts their values', async () => {
      await index.upsert([SMALL_BREAKER])
      try {
        const keys = ['poles', 'rated_current']
        const all = await index.search({ category: 'breakers', attributeFacets: keys })
        expect(all.total).toBe(2)
        expect(all.facets.attributes).toEqual([
          { key: 'poles', values: [{ value: '1P', count: 1 }, { value: '2P', count: 1 }] },
          { key: 'rated_current', values: [{ value: '32', count: 1 }, { value: '63', count: 1 }] },
        ])
        expect((await index.search({ attributes: { poles: ['2P'] } })).hits.map((h) => h.mpn)).toEqual(['SHE-CB-63A'])
        expect((await index.search({ attributes: { poles: ['1P', '2P'] } })).total).toBe(2)
        expect((await index.search({ attributes: { poles: ['1P'], rated_current: ['63'] } })).total).toBe(0)
        const narrowed = await index.search({ attributes: { rated_current: ['32'] }, attributeFacets: keys })
        expect(narrowed.facets.attributes[0]).toEqual({ key: 'poles', values: [{ value: '1P', count: 1 }] })
        // A ticked attribute still counts its other values (to add them), the others count within it.
        const ticked = await index.search({ category: 'breakers', attributes: { poles: ['2P'] }, attributeFacets: keys })
        expect(ticked.hits.map((h) => h.mpn)).toEqual(['SHE-CB-63A'])
        expect(ticked.facets.attributes).toEqual([
          { key: 'poles', values: [{ value: '1P', count: 1 }, { value: '2P', count: 1 }] },
          { key: 'rated_current', values: [{ value: '63', count: 1 }] },
        ])
        // Without keys asked for, no attribute is counted.
        expect((await index.search({})).facets.attributes).toEqual([])
      } finally {
        await index.remove([SMALL_BREAKER.id])
      }
    })

    it('takes price, stock and distance over the offers that match the filters', async () => {
      const mixed = doc(5, { nameEn: 'Valve', offers: [offer('hanoi-supply', 'HN-VALVE', 70_000, null), offer('saigon-parts', 'SG-VALVE', 80_000, SAIGON)] })
      await index.upsert([mixed])
      try {
        const breaker = (r: SearchResult) => r.hits.find((h) => h.mpn === 'SHE-CB-63A')!
        const all = breaker(await index.search({ near: HANOI }))
        expect([all.minPrice?.amount, all.nearestKm, all.offerCount]).toEqual([240_000, 0, 2])
        // Only Saigon Parts' offer: its price, and its warehouse 1,100+ km from Hà Nội.
        const saigon = breaker(await index.search({ sellers: ['saigon-parts'], near: HANOI }))
        expect([saigon.minPrice?.amount, saigon.offerCount]).toEqual([240_000, 1])
        // The price says whether it includes VAT, by the setting of the seller it comes from.
        expect([all.minPrice?.vatIncluded, saigon.minPrice?.vatIncluded]).toEqual([true, true])
        expect(saigon.nearestKm).toBeGreaterThan(1_000)
        const hanoi = breaker(await index.search({ sellers: ['hanoi-supply'], near: HANOI }))
        expect([hanoi.minPrice?.amount, hanoi.nearestKm, hanoi.offerCount, hanoi.minPrice?.vatIncluded]).toEqual([250_000, 0, 1, false])
        // Hà Nội Supply lists the valve but holds none: its stock filter leaves the valve out.
        const valve = (await index.search({ sellers: ['hanoi-supply'] })).hits.find((h) => h.id === mixed.id)!
        expect([valve.minPrice?.amount, valve.inStock]).toEqual([70_000, false])
        expect((await index.search({ sellers: ['hanoi-supply'], inStock: true })).hits.map((h) => h.id)).not.toContain(mixed.id)
        const stocked = (await index.search({ inStock: true })).hits.find((h) => h.id === mixed.id)!
        expect([stocked.minPrice?.amount, stocked.offerCount]).toEqual([80_000, 1])
      } finally {
        await index.remove([mixed.id])
      }
    })

    it('sorts by lowest price and by the nearest stock, and filters a price range', async () => {
      expect((await index.search({ sort: 'price_asc' })).hits.map((h) => h.minPrice?.amount)).toEqual([90_000, 240_000, 4_500_000])
      expect((await index.search({ sort: 'price_desc' })).hits[0]!.mpn).toBe('MKP-200')
      const near = await index.search({ sort: 'nearest', near: HANOI, inStock: true })
      expect(near.hits.map((h) => h.mpn)).toEqual(['SHE-CB-63A', 'MKP-200'])
      expect(near.hits[0]!.nearestKm).toBe(0)
      expect((await index.search({ priceMin: 100_000, priceMax: 1_000_000, currency: 'VND' })).hits.map((h) => h.mpn)).toEqual(['SHE-CB-63A'])
    })

    it('rebuilds without losing a search in between', async () => {
      let searchedDuring = -1
      await index.rebuild(async (write) => {
        await write(CONTRACT_DOCUMENTS.slice(0, 2))
        searchedDuring = (await index.search({})).total
      })
      expect(searchedDuring).toBe(3)
      expect((await index.search({})).total).toBe(2)
      expect((await index.search({ q: '000163' })).total).toBe(1)
      await index.upsert([CONTRACT_DOCUMENTS[2]!])
    })

    it('pages, and forgets removed documents', async () => {
      const first = await index.search({ sort: 'price_asc', perPage: 2, page: 1 })
      const second = await index.search({ sort: 'price_asc', perPage: 2, page: 2 })
      expect(first.pageCount).toBe(2)
      expect([...first.hits, ...second.hits].map((h) => h.id)).toHaveLength(3)
      await index.remove([CONTRACT_DOCUMENTS[1]!.id])
      expect((await index.search({ q: 'pump' })).total).toBe(0)
      await index.upsert([CONTRACT_DOCUMENTS[1]!])
      expect((await index.search({ q: 'pump' })).total).toBe(1)
    })
  })
}
