import type { SearchDocument } from '@tradepost/domain/catalog'
import type { ProductImageView } from '@tradepost/domain/schemas'
import { distanceKm } from '@tradepost/domain/geo'
import { lowestPerCurrency } from '@tradepost/domain/money'
import { offerPriceShownTo, offerVisibleTo, type SearchViewer } from '@tradepost/domain/visibility'

export type { SearchDocument, SearchViewer }

export const SORTS = ['relevance', 'price_asc', 'price_desc', 'nearest'] as const
export type SearchSort = (typeof SORTS)[number]

export interface SearchQuery {
  /**
   * Who is searching, built by the domain from the request's context (`searchViewer`): offers
   * not meant for the viewer never count in hits, facets, totals or prices, and prices it may
   * not see (call for price, or kept for signed-in buyers) are neither shown, filtered nor ranked by.
   */
  viewer: SearchViewer
  q?: string
  category?: string
  brands?: string[]
  sellers?: string[]
  /** Category attributes: a product matches when it has one of the listed values of every key. */
  attributes?: Record<string, string[]>
  /** The attribute keys to count values of (a category's attributes). */
  attributeFacets?: string[]
  inStock?: boolean
  /** Minor units, in `currency`. */
  priceMin?: number
  priceMax?: number
  currency?: string
  sort?: SearchSort
  /** Where the buyer is: enables the `nearest` sort and distances. */
  near?: { latitude: number; longitude: number }
  page?: number
  perPage?: number
}

/** What a person asks for, before the domain says who is asking. */
export type SearchCriteria = Omit<SearchQuery, 'viewer'>

export interface SearchHit {
  id: string
  slug: string
  nameEn: string
  nameVi: string
  mpn: string
  brand: { slug: string; name: string } | null
  category: { slug: string; nameEn: string; nameVi: string }
  offerCount: number
  sellerCount: number
  /** Matching offers whose price the viewer does not see: call for price, or "sign in to see prices". */
  priceHidden: { onRequest: number; signIn: number }
  /**
   * The lowest matching price in each currency the offers use (by currency code), with whether
   * that seller's prices include VAT. Amounts in different currencies are never compared.
   */
  minPrices: { amount: number; currency: string; vatIncluded: boolean }[]
  /** The lowest matching price when every matching offer is in one currency, else null. */
  minPrice: { amount: number; currency: string; vatIncluded: boolean } | null
  inStock: boolean
  /** Distance to the nearest warehouse with stock, when the query has `near`. */
  nearestKm: number | null
  /** The product's first image (its renditions), for result cards. */
  image: ProductImageView | null
  /** The matching offers' own prices: the domain replaces the minimum prices with the viewer's. */
  offers: { offerId: string; amount: number; currency: string; vatIncluded: boolean }[]
}

export interface FacetValue {
  value: string
  label: string
  count: number
}

export interface SearchResult {
  hits: SearchHit[]
  total: number
  page: number
  pageCount: number
  facets: { categories: FacetValue[]; brands: FacetValue[]; sellers: FacetValue[]; inStock: number; attributes: AttributeFacet[] }
}

/** The values one attribute takes among the matches (numbers as their canonical string). */
export interface AttributeFacet {
  key: string
  values: { value: string; count: number }[]
}

/** Attribute keys are lower-case words; a key and a value make one indexed token. */
export const ATTRIBUTE_KEY = /^[a-z0-9_]{1,40}$/
export const attributeToken = (key: string, value: string | number) => `${key}:${String(value).trim()}`

export function attributeTokens(attributes: Record<string, string | number>): string[] {
  return Object.entries(attributes)
    .filter(([key, value]) => ATTRIBUTE_KEY.test(key) && String(value).trim() !== '')
    .map(([key, value]) => attributeToken(key, value))
}

/** Groups token counts by the requested keys, most frequent value first. */
export function groupAttributeFacets(counts: Iterable<[string, number]>, keys: string[]): AttributeFacet[] {
  const byKey = new Map(keys.map((k) => [k, [] as { value: string; count: number }[]]))
  for (const [token, count] of counts) {
    const at = token.indexOf(':')
    byKey.get(token.slice(0, at))?.push({ value: token.slice(at + 1), count })
  }
  return [...byKey].map(([key, values]) => ({ key, values: values.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)).slice(0, 30) }))
}

type DocumentOffer = SearchDocument['offers'][number]

/** Whether the query narrows offers (seller, stock, price range) rather than products only. */
export function hasOfferCriteria(query: SearchQuery): boolean {
  return !!query.sellers?.length || !!query.inStock || query.priceMin !== undefined || query.priceMax !== undefined
}

/**
 * Which of a product's offers a query is about: those the viewer may see that meet every
 * offer-level criterion (seller, stock, price range) at once. A product matches such a criterion
 * when one of its offers does, and what a hit shows (lowest price, stock, distance, offer count)
 * is taken over those offers only: a storefront shows its own price, a seller filter its own
 * warehouses, a restricted offer counts only for those it is meant for.
 */
export function offerCriteria(query: SearchQuery): (offer: DocumentOffer) => boolean {
  const sellers = query.sellers?.length ? new Set(query.sellers) : null
  const priced = query.priceMin !== undefined || query.priceMax !== undefined
  const currency = query.currency ?? 'VND'
  return (o) =>
    offerVisibleTo(query.viewer, o) &&
    (!sellers || sellers.has(o.sellerSlug)) &&
    (!query.inStock || o.inStock) &&
    (!priced || (offerPriceShownTo(query.viewer, o) && o.currency === currency && (query.priceMin === undefined || o.priceAmount >= query.priceMin) && (query.priceMax === undefined || o.priceAmount <= query.priceMax)))
}

/** A document as a hit, over the offers the query is about. */
export function toHit(doc: SearchDocument, query: SearchQuery): SearchHit {
  const offers = doc.offers.filter(offerCriteria(query))
  const priced = offers.filter((o) => offerPriceShownTo(query.viewer, o))
  const minPrices = lowestPerCurrency(priced.map((o) => ({ amount: o.priceAmount, currency: o.currency, vatIncluded: o.pricesIncludeVat ?? false })))
  const near = query.near
  const km = near ? offers.filter((o) => o.inStock).flatMap((o) => o.locations.map((l) => distanceKm(near, l))) : []
  return {
    id: doc.id,
    slug: doc.slug,
    nameEn: doc.nameEn,
    nameVi: doc.nameVi,
    mpn: doc.mpn,
    brand: doc.brand ? { slug: doc.brand.slug, name: doc.brand.name } : null,
    category: { slug: doc.category.slug, nameEn: doc.category.nameEn, nameVi: doc.category.nameVi },
    offerCount: offers.length,
    sellerCount: new Set(offers.map((o) => o.sellerId)).size,
    priceHidden: { onRequest: offers.filter((o) => o.priceOnRequest).length, signIn: offers.filter((o) => !o.priceOnRequest && !offerPriceShownTo(query.viewer, o)).length },
    minPrices,
    minPrice: minPrices.length === 1 ? minPrices[0]! : null,
    inStock: offers.some((o) => o.inStock),
    nearestKm: km.length ? Math.round(Math.min(...km)) : null,
    image: doc.image ?? null,
    offers: priced.map((o) => ({ offerId: o.offerId, amount: o.priceAmount, currency: o.currency, vatIncluded: o.pricesIncludeVat ?? false })),
  }
}

/** One port, two engines (postgres: the embedded default; meilisearch), one contract suite. */
export interface SearchIndex {
  readonly engine: 'postgres' | 'meilisearch'
  /** Creates what the engine needs (idempotent). */
  setup(): Promise<void>
  upsert(documents: SearchDocument[]): Promise<void>
  remove(ids: string[]): Promise<void>
  search(query: SearchQuery): Promise<SearchResult>
  /** Drops every document (tests). */
  clear(): Promise<void>
  /**
   * Rebuilds the whole index without downtime: `fill` writes every document into a new index,
   * which then replaces the live one in one step. Searches keep answering from the old one meanwhile.
   */
  rebuild(fill: (write: (documents: SearchDocument[]) => Promise<void>) => Promise<void>): Promise<void>
  close(): Promise<void>
}

export const DEFAULT_PER_PAGE = 20
