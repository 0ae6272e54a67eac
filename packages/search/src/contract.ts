// The behaviour every search engine must have. Each engine's test calls this with a factory.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SearchDocument, SearchIndex, SearchQuery, SearchResult, SearchViewer } from './port.ts'

/** A visitor: everyone's audience, not signed in. */
export const VISITOR: SearchViewer = { audience: ['public'], signedIn: false }

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
  visibleTo: ['public'],
  priceOnRequest: false,
  pricesSignedInOnly: false,
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
    /** A search as a visitor, unless another viewer is given. */
    const find = (query: Omit<SearchQuery, 'viewer'>, viewer: SearchViewer = VISITOR) => index.search({ viewer, ...query })
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
      expect((await find({ q: '000163' })).hits.map((h) => h.mpn)).toEqual(['SHE-CB-63A'])
      expect((await find({ q: 'mkp' })).hits.map((h) => h.mpn)).toEqual(['MKP-200'])
      // A hit carries its product's first image (for result cards), or null.
      expect((await find({ q: 'mkp' })).hits[0]?.image).toEqual({ id: '40000000-0000-4000-8000-000000000002', width: 1200, height: 900, widths: [160, 480, 960] })
      expect((await find({ q: '000163' })).hits[0]?.image).toBeNull()
    })

    it('folds Vietnamese accents both ways and forgives a typo', async () => {
      expect((await find({ q: 'cau dao' })).hits.map((h) => h.mpn)).toContain('SHE-CB-63A')
      expect((await find({ q: 'hà nội' })).hits.map((h) => h.id)).toContain(CONTRACT_DOCUMENTS[2]!.id)
      expect((await find({ q: 'centrifgal' })).hits.map((h) => h.mpn)).toContain('MKP-200')
    })

    it('filters by category (with its ancestors), brand, seller and stock, and counts facets', async () => {
      expect((await find({ category: 'electrical' })).hits.map((h) => h.mpn)).toEqual(['SHE-CB-63A'])
      expect((await find({ brands: ['mekong'] })).total).toBe(1)
      const bySeller = await find({ sellers: ['hanoi-supply'] })
      expect(bySeller.total).toBe(2)
      expect((await find({ inStock: true })).total).toBe(2)
      const all = await find({})
      expect(all.total).toBe(3)
      expect(all.facets.sellers.find((s) => s.value === 'saigon-parts')?.count).toBe(2)
      expect(all.facets.brands.map((b) => b.value).sort()).toEqual(['mekong', 'song-hong'])
      expect(all.facets.inStock).toBe(2)
    })

    it('filters by category attributes (values of one attribute are alternatives) and counts their values', async () => {
      await index.upsert([SMALL_BREAKER])
      try {
        const keys = ['poles', 'rated_current']
        const all = await find({ category: 'breakers', attributeFacets: keys })
        expect(all.total).toBe(2)
        expect(all.facets.attributes).toEqual([
          { key: 'poles', values: [{ value: '1P', count: 1 }, { value: '2P', count: 1 }] },
          { key: 'rated_current', values: [{ value: '32', count: 1 }, { value: '63', count: 1 }] },
        ])
        expect((await find({ attributes: { poles: ['2P'] } })).hits.map((h) => h.mpn)).toEqual(['SHE-CB-63A'])
        expect((await find({ attributes: { poles: ['1P', '2P'] } })).total).toBe(2)
        expect((await find({ attributes: { poles: ['1P'], rated_current: ['63'] } })).total).toBe(0)
        const narrowed = await find({ attributes: { rated_current: ['32'] }, attributeFacets: keys })
        expect(narrowed.facets.attributes[0]).toEqual({ key: 'poles', values: [{ value: '1P', count: 1 }] })
        // A ticked attribute still counts its other values (to add them), the others count within it.
        const ticked = await find({ category: 'breakers', attributes: { poles: ['2P'] }, attributeFacets: keys })
        expect(ticked.hits.map((h) => h.mpn)).toEqual(['SHE-CB-63A'])
        expect(ticked.facets.attributes).toEqual([
          { key: 'poles', values: [{ value: '1P', count: 1 }, { value: '2P', count: 1 }] },
          { key: 'rated_current', values: [{ value: '63', count: 1 }] },
        ])
        // Without keys asked for, no attribute is counted.
        expect((await find({})).facets.attributes).toEqual([])
      } finally {
        await index.remove([SMALL_BREAKER.id])
      }
    })

    it('takes price, stock and distance over the offers that match the filters', async () => {
      const mixed = doc(5, { nameEn: 'Valve', offers: [offer('hanoi-supply', 'HN-VALVE', 70_000, null), offer('saigon-parts', 'SG-VALVE', 80_000, SAIGON)] })
      await index.upsert([mixed])
      try {
        const breaker = (r: SearchResult) => r.hits.find((h) => h.mpn === 'SHE-CB-63A')!
        const all = breaker(await find({ near: HANOI }))
        expect([all.minPrice?.amount, all.nearestKm, all.offerCount]).toEqual([240_000, 0, 2])
        // Only Saigon Parts' offer: its price, and its warehouse 1,100+ km from Hà Nội.
        const saigon = breaker(await find({ sellers: ['saigon-parts'], near: HANOI }))
        expect([saigon.minPrice?.amount, saigon.offerCount]).toEqual([240_000, 1])
        // The price says whether it includes VAT, by the setting of the seller it comes from.
        expect([all.minPrice?.vatIncluded, saigon.minPrice?.vatIncluded]).toEqual([true, true])
        expect(saigon.nearestKm).toBeGreaterThan(1_000)
        const hanoi = breaker(await find({ sellers: ['hanoi-supply'], near: HANOI }))
        expect([hanoi.minPrice?.amount, hanoi.nearestKm, hanoi.offerCount, hanoi.minPrice?.vatIncluded]).toEqual([250_000, 0, 1, false])
        // Hà Nội Supply lists the valve but holds none: its stock filter leaves the valve out.
        const valve = (await find({ sellers: ['hanoi-supply'] })).hits.find((h) => h.id === mixed.id)!
        expect([valve.minPrice?.amount, valve.inStock]).toEqual([70_000, false])
        expect((await find({ sellers: ['hanoi-supply'], inStock: true })).hits.map((h) => h.id)).not.toContain(mixed.id)
        const stocked = (await find({ inStock: true })).hits.find((h) => h.id === mixed.id)!
        expect([stocked.minPrice?.amount, stocked.offerCount]).toEqual([80_000, 1])
      } finally {
        await index.remove([mixed.id])
      }
    })

    it('sorts by lowest price and by the nearest stock, and filters a price range', async () => {
      expect((await find({ sort: 'price_asc' })).hits.map((h) => h.minPrice?.amount)).toEqual([90_000, 240_000, 4_500_000])
      expect((await find({ sort: 'price_desc' })).hits[0]!.mpn).toBe('MKP-200')
      const near = await find({ sort: 'nearest', near: HANOI, inStock: true })
      expect(near.hits.map((h) => h.mpn)).toEqual(['SHE-CB-63A', 'MKP-200'])
      expect(near.hits[0]!.nearestKm).toBe(0)
      expect((await find({ priceMin: 100_000, priceMax: 1_000_000, currency: 'VND' })).hits.map((h) => h.mpn)).toEqual(['SHE-CB-63A'])
    })

    it('shows a restricted offer only to its audiences: never in hits, facets, totals or prices for anyone else', async () => {
      // A valve offered to everyone by Saigon Parts at 80,000, and by a seller only its customer
      // group "g1" sees (at 50,000, in stock in Hà Nội); a gasket only that group sees.
      const secret = { ...offer('secret-seller', 'SECRET-VALVE-7', 50_000, HANOI), visibleTo: ['group:g1'] }
      const valve = doc(6, { nameEn: 'Restricted valve', offers: [offer('saigon-parts', 'SG-RVALVE', 80_000, null), secret] })
      const gasket = doc(7, { nameEn: 'Restricted gasket', offers: [{ ...offer('secret-seller', 'SECRET-GASKET', 5_000, HANOI), visibleTo: ['group:g1', 'customer:c9'] }] })
      await index.upsert([valve, gasket])
      const member: SearchViewer = { audience: ['public', 'group:g1'], signedIn: true }
      const stranger: SearchViewer = { audience: ['public', 'group:g2'], signedIn: true }
      try {
        for (const viewer of [VISITOR, stranger]) {
          const all = await find({}, viewer)
          const hit = all.hits.find((h) => h.id === valve.id)!
          expect([hit.minPrice?.amount, hit.offerCount, hit.sellerCount, hit.inStock, hit.offers.map((o) => o.amount)]).toEqual([80_000, 1, 1, false, [80_000]])
          expect(all.hits.find((h) => h.id === gasket.id)!.offerCount).toBe(0)
          expect(all.facets.sellers.map((f) => f.value)).not.toContain('secret-seller')
          expect((await find({ sellers: ['secret-seller'] }, viewer)).total).toBe(0)
          expect((await find({ inStock: true }, viewer)).hits.map((h) => h.id)).not.toContain(valve.id)
          expect((await find({ priceMax: 60_000, currency: 'VND' }, viewer)).hits.map((h) => h.id)).not.toContain(valve.id)
          // The restricted SKU is no word anyone finds the product by.
          expect((await find({ q: 'SECRET-VALVE-7' }, viewer)).hits.map((h) => h.id)).not.toContain(valve.id)
        }
        const all = await find({}, member)
        const hit = all.hits.find((h) => h.id === valve.id)!
        expect([hit.minPrice?.amount, hit.offerCount, hit.inStock]).toEqual([50_000, 2, true])
        expect(all.facets.sellers.find((f) => f.value === 'secret-seller')?.count).toBe(2)
        expect((await find({ sellers: ['secret-seller'] }, member)).total).toBe(2)
        expect((await find({ sellers: ['secret-seller'], inStock: true }, member)).total).toBe(2)
      } finally {
        await index.remove([valve.id, gasket.id])
      }
    })

    it('shows no price that is called for, nor one kept for signed-in buyers to a visitor, and neither filters nor ranks by them', async () => {
      const quoted = doc(8, { nameEn: 'Quoted press', offers: [{ ...offer('hanoi-supply', 'HN-PRESS', 10, null), priceOnRequest: true }] })
      const gated = doc(9, { nameEn: 'Gated press', offers: [{ ...offer('hanoi-supply', 'HN-GATED', 20, null), pricesSignedInOnly: true }] })
      await index.upsert([quoted, gated])
      const buyer: SearchViewer = { audience: ['public'], signedIn: true }
      try {
        const hitOf = (r: SearchResult, id: string) => r.hits.find((h) => h.id === id)!
        const visitor = await find({})
        expect([hitOf(visitor, quoted.id).minPrice, hitOf(visitor, quoted.id).priceHidden, hitOf(visitor, quoted.id).offerCount]).toEqual([null, { onRequest: 1, signIn: 0 }, 1])
        expect([hitOf(visitor, gated.id).minPrice, hitOf(visitor, gated.id).priceHidden, hitOf(visitor, gated.id).offers]).toEqual([null, { onRequest: 0, signIn: 1 }, []])
        const signedIn = await find({}, buyer)
        expect([hitOf(signedIn, gated.id).minPrice?.amount, hitOf(signedIn, quoted.id).minPrice]).toEqual([20, null])
        // Only prices one sees rank first, and only they fall in a price range.
        expect((await find({ sort: 'price_asc' })).hits[0]!.id).not.toBe(gated.id)
        expect((await find({ sort: 'price_asc' }, buyer)).hits[0]!.id).toBe(gated.id)
        expect((await find({ priceMax: 50, currency: 'VND' })).total).toBe(0)
        expect((await find({ priceMax: 50, currency: 'VND' }, buyer)).hits.map((h) => h.id)).toEqual([gated.id])
      } finally {
        await index.remove([quoted.id, gated.id])
      }
    })

    it('rebuilds without losing a search in between', async () => {
      let searchedDuring = -1
      await index.rebuild(async (write) => {
        await write(CONTRACT_DOCUMENTS.slice(0, 2))
        searchedDuring = (await find({})).total
      })
      expect(searchedDuring).toBe(3)
      expect((await find({})).total).toBe(2)
      expect((await find({ q: '000163' })).total).toBe(1)
      await index.upsert([CONTRACT_DOCUMENTS[2]!])
    })

    it('pages, and forgets removed documents', async () => {
      const first = await find({ sort: 'price_asc', perPage: 2, page: 1 })
      const second = await find({ sort: 'price_asc', perPage: 2, page: 2 })
      expect(first.pageCount).toBe(2)
      expect([...first.hits, ...second.hits].map((h) => h.id)).toHaveLength(3)
      await index.remove([CONTRACT_DOCUMENTS[1]!.id])
      expect((await find({ q: 'pump' })).total).toBe(0)
      await index.upsert([CONTRACT_DOCUMENTS[1]!])
      expect((await find({ q: 'pump' })).total).toBe(1)
    })
  })
}
