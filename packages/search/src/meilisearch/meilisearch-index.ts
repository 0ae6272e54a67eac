// The production engine: Meilisearch through the official client. Index settings, filters and
// tenant tokens are built by pure functions (unit-tested here); the contract suite runs against
// a real server when MEILISEARCH_URL is set.
import { Meilisearch, type Settings } from 'meilisearch'
import { generateTenantToken } from 'meilisearch/token'
import { PUBLIC_AUDIENCE } from '@tradepost/domain/visibility'
import { attributeToken, attributeTokens, DEFAULT_PER_PAGE, groupAttributeFacets, toHit, type FacetValue, type SearchDocument, type SearchIndex, type SearchQuery, type SearchResult } from '../port.ts'

/** Facet values carry their label: "slug\u001fLabel". */
const SEP = '\u001f'
/** A restricted seller's facet value starts with its audience: "audience\u001eslug\u001fLabel". */
const AUDIENCE_SEP = '\u001e'

export interface MeiliDocument {
  id: string
  nameEn: string
  nameVi: string
  mpn: string
  gtin: string | null
  skus: string[]
  brandName: string | null
  categoryNameEn: string
  categoryNameVi: string
  descriptionEn: string
  descriptionVi: string
  sellerNames: string[]
  categorySlugs: string[]
  brandSlug: string | null
  sellerSlugs: string[]
  /** Sellers with an offer in stock: a seller filter and the stock filter hold for one offer. */
  stockedSellerSlugs: string[]
  /**
   * Restricted offers (not for everyone), as "audience|sellerSlug" (and the same for those in
   * stock), and the audiences with stock: a filter asks for the viewer's audiences only.
   */
  audienceSellers: string[]
  audienceStockedSellers: string[]
  audienceStocked: string[]
  /** Facet values of sellers seen only through a restricted offer: "audience\u001eslug\u001fLabel". */
  audienceSellerFacets: string[]
  categoryFacet: string
  brandFacet: string | null
  sellerFacets: string[]
  /** Category attributes as "key:value" tokens. */
  attributeFacets: string[]
  inStock: boolean
  /**
   * The lowest price of the offers for everyone whose price everyone sees, and of those whose
   * price signed-in buyers see (`member…`). Restricted offers and calls for price do not rank.
   */
  minPrice: number | null
  currency: string | null
  memberMinPrice: number | null
  memberCurrency: string | null
  /** Meilisearch holds one point per document: the first warehouse with stock. */
  _geo?: { lat: number; lng: number }
  doc: SearchDocument
}

export const MEILI_SETTINGS: Settings = {
  searchableAttributes: ['mpn', 'skus', 'gtin', 'nameEn', 'nameVi', 'brandName', 'categoryNameEn', 'categoryNameVi', 'sellerNames', 'descriptionEn', 'descriptionVi'],
  filterableAttributes: ['categorySlugs', 'brandSlug', 'sellerSlugs', 'stockedSellerSlugs', 'audienceSellers', 'audienceStockedSellers', 'audienceStocked', 'attributeFacets', 'inStock', 'minPrice', 'currency', 'memberMinPrice', 'memberCurrency', '_geo'],
  sortableAttributes: ['minPrice', 'memberMinPrice', '_geo'],
  displayedAttributes: ['id', 'doc'],
  rankingRules: ['words', 'typo', 'proximity', 'attribute', 'sort', 'exactness'],
  typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 }, disableOnAttributes: ['gtin'] },
  faceting: { maxValuesPerFacet: 300 },
  pagination: { maxTotalHits: 10_000 },
}

const forEveryone = (o: SearchDocument['offers'][number]) => (o.visibleTo ?? [PUBLIC_AUDIENCE]).includes(PUBLIC_AUDIENCE)
const lowest = (offers: SearchDocument['offers']) => offers.map((o) => ({ amount: o.priceAmount, currency: o.currency })).sort((a, b) => a.amount - b.amount)[0]

export function toMeiliDocument(d: SearchDocument): MeiliDocument {
  const open = d.offers.filter(forEveryone)
  const restricted = d.offers.filter((o) => !forEveryone(o))
  const shown = lowest(open.filter((o) => !o.priceOnRequest && !o.pricesSignedInOnly))
  const member = lowest(open.filter((o) => !o.priceOnRequest))
  const point = open.flatMap((o) => o.locations)[0]
  const openSellers = new Set(open.map((o) => o.sellerSlug))
  const tagged = (offers: SearchDocument['offers'], value: (o: SearchDocument['offers'][number]) => string) => [...new Set(offers.flatMap((o) => (o.visibleTo ?? []).map((a) => `${a}|${value(o)}`)))]
  return {
    id: d.id,
    nameEn: d.nameEn,
    nameVi: d.nameVi,
    mpn: d.mpn,
    gtin: d.gtin,
    skus: open.map((o) => o.sku),
    brandName: d.brand?.name ?? null,
    categoryNameEn: d.category.nameEn,
    categoryNameVi: d.category.nameVi,
    descriptionEn: d.descriptionEn,
    descriptionVi: d.descriptionVi,
    sellerNames: open.map((o) => o.sellerName),
    categorySlugs: d.category.ancestorSlugs,
    brandSlug: d.brand?.slug ?? null,
    sellerSlugs: [...openSellers],
    stockedSellerSlugs: [...new Set(open.filter((o) => o.inStock).map((o) => o.sellerSlug))],
    audienceSellers: tagged(restricted, (o) => o.sellerSlug),
    audienceStockedSellers: tagged(restricted.filter((o) => o.inStock), (o) => o.sellerSlug),
    audienceStocked: [...new Set(restricted.filter((o) => o.inStock).flatMap((o) => o.visibleTo ?? []))],
    audienceSellerFacets: [...new Set(restricted.filter((o) => !openSellers.has(o.sellerSlug)).flatMap((o) => (o.visibleTo ?? []).map((a) => `${a}${AUDIENCE_SEP}${o.sellerSlug}${SEP}${o.sellerName}`)))],
    categoryFacet: `${d.category.slug}${SEP}${d.category.nameEn}`,
    brandFacet: d.brand ? `${d.brand.slug}${SEP}${d.brand.name}` : null,
    sellerFacets: [...new Set(open.map((o) => `${o.sellerSlug}${SEP}${o.sellerName}`))],
    attributeFacets: attributeTokens(d.attributes),
    inStock: open.some((o) => o.inStock),
    minPrice: shown?.amount ?? null,
    currency: shown?.currency ?? null,
    memberMinPrice: member?.amount ?? null,
    memberCurrency: member?.currency ?? null,
    ...(point ? { _geo: { lat: point.latitude, lng: point.longitude } } : {}),
    doc: d,
  }
}

const quote = (value: string) => `"${value.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`

/** The query's criteria as Meilisearch filter expressions (AND-ed), optionally without one attribute's. */
export function buildFilter(query: SearchQuery, options: { exceptAttribute?: string } = {}): string[] {
  const filter: string[] = []
  if (query.category) filter.push(`categorySlugs = ${quote(query.category)}`)
  if (query.brands?.length) filter.push(`brandSlug IN [${query.brands.map(quote).join(', ')}]`)
  const audience = query.viewer.audience
  if (query.sellers?.length) {
    const tagged = audience.flatMap((a) => query.sellers!.map((s) => quote(`${a}|${s}`)))
    filter.push(`(${query.inStock ? 'stockedSellerSlugs' : 'sellerSlugs'} IN [${query.sellers.map(quote).join(', ')}] OR ${query.inStock ? 'audienceStockedSellers' : 'audienceSellers'} IN [${tagged.join(', ')}])`)
  }
  for (const [key, values] of Object.entries(query.attributes ?? {})) {
    if (values.length && key !== options.exceptAttribute) filter.push(`attributeFacets IN [${values.map((v) => quote(attributeToken(key, v))).join(', ')}]`)
  }
  if (query.inStock) filter.push(`(inStock = true OR audienceStocked IN [${audience.map(quote).join(', ')}])`)
  if (query.priceMin !== undefined || query.priceMax !== undefined) {
    const [price, currency] = priceFields(query)
    filter.push(`${currency} = ${quote(query.currency ?? 'VND')}`)
    if (query.priceMin !== undefined) filter.push(`${price} >= ${Math.trunc(query.priceMin)}`)
    if (query.priceMax !== undefined) filter.push(`${price} <= ${Math.trunc(query.priceMax)}`)
  }
  return filter
}

/** The price a viewer may filter and rank by: signed-in buyers also see the prices kept for them. */
const priceFields = (query: SearchQuery) => (query.viewer.signedIn ? ['memberMinPrice', 'memberCurrency'] : ['minPrice', 'currency']) as [string, string]

export function buildSort(query: SearchQuery): string[] | undefined {
  if (query.sort === 'price_asc') return [`${priceFields(query)[0]}:asc`]
  if (query.sort === 'price_desc') return [`${priceFields(query)[0]}:desc`]
  if (query.sort === 'nearest' && query.near) return [`_geoPoint(${query.near.latitude}, ${query.near.longitude}):asc`]
  return undefined
}

export const FACETS = ['categoryFacet', 'brandFacet', 'sellerFacets', 'audienceSellerFacets', 'inStock'] as const

/**
 * The searches one query needs, sent together: the page with its facets, then, for each counted
 * attribute that is also filtered, a count-only search without that attribute's own filter (so
 * ticking 2P still shows how many 3P there are).
 */
type MeiliSearchRequest = { indexUid: string; q: string | null; filter: string[]; facets: string[]; sort?: string[]; page: number; hitsPerPage: number }

export function buildSearches(indexUid: string, query: SearchQuery): { main: MeiliSearchRequest; counts: { key: string; search: MeiliSearchRequest }[] } {
  const perPage = Math.min(Math.max(query.perPage ?? DEFAULT_PER_PAGE, 1), 100)
  const q = query.q?.trim() || null
  const counted = query.attributeFacets ?? []
  const main = { indexUid, q, filter: buildFilter(query), facets: counted.length ? [...FACETS, 'attributeFacets'] : [...FACETS], sort: buildSort(query), page: Math.max(query.page ?? 1, 1), hitsPerPage: perPage }
  const filtered = Object.keys(query.attributes ?? {}).filter((key) => counted.includes(key) && query.attributes![key]!.length)
  return { main, counts: filtered.map((key) => ({ key, search: { indexUid, q, filter: buildFilter(query, { exceptAttribute: key }), facets: ['attributeFacets'], page: 1, hitsPerPage: 0 } })) }
}

/** The attribute counts: each filtered attribute's from its own count-only search, the rest from the page's. */
export function mergeAttributeCounts(main: Record<string, number> | undefined, own: Record<string, Record<string, number> | undefined>): Record<string, number> {
  const merged: Record<string, number> = {}
  const keyOf = (token: string) => token.slice(0, token.indexOf(':'))
  for (const [token, count] of Object.entries(main ?? {})) if (!(keyOf(token) in own)) merged[token] = count
  for (const [key, counts] of Object.entries(own)) for (const [token, count] of Object.entries(counts ?? {})) if (keyOf(token) === key) merged[token] = count
  return merged
}

/**
 * The facets a viewer sees. Sellers seen only through restricted offers count for the viewer's
 * own audiences (a product offered to two of them by the same seller counts twice: the engine
 * cannot count documents across values).
 */
export function readFacets(distribution: Record<string, Record<string, number>> | undefined, attributeKeys: string[] = [], audience: string[] = [PUBLIC_AUDIENCE]): SearchResult['facets'] {
  const sellers: Record<string, number> = { ...distribution?.sellerFacets }
  for (const [raw, count] of Object.entries(distribution?.audienceSellerFacets ?? {})) {
    const at = raw.indexOf(AUDIENCE_SEP)
    if (audience.includes(raw.slice(0, at))) sellers[raw.slice(at + 1)] = (sellers[raw.slice(at + 1)] ?? 0) + count
  }
  const values = (name: string): FacetValue[] =>
    Object.entries(name === 'sellerFacets' ? sellers : (distribution?.[name] ?? {}))
      .map(([raw, count]) => {
        const [value, label] = raw.split(SEP)
        return { value: value!, label: label ?? value!, count }
      })
      .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value))
  return { categories: values('categoryFacet'), brands: values('brandFacet'), sellers: values('sellerFacets'), inStock: distribution?.inStock?.true ?? 0, attributes: groupAttributeFacets(Object.entries(distribution?.attributeFacets ?? {}), attributeKeys) }
}

/**
 * A token a storefront's browser may search with directly: the search key's rights, narrowed to
 * that seller's products, expiring soon. Refuses an expiry in the past (the client no longer does).
 */
export async function storefrontSearchToken(options: { apiKey: string; apiKeyUid: string; indexUid: string; sellerSlug: string; expiresAt: Date; now?: Date }): Promise<string> {
  if (options.expiresAt.getTime() <= (options.now ?? new Date()).getTime()) throw new Error('a tenant token must expire in the future')
  return generateTenantToken({
    apiKey: options.apiKey,
    apiKeyUid: options.apiKeyUid,
    expiresAt: options.expiresAt,
    searchRules: { [options.indexUid]: { filter: `sellerSlugs = ${quote(options.sellerSlug)}` } },
  })
}

export function createMeilisearchIndex(options: { url: string; apiKey?: string; indexUid?: string }): SearchIndex {
  const client = new Meilisearch({ host: options.url, apiKey: options.apiKey })
  const uid = options.indexUid ?? 'products'
  const index = () => client.index<MeiliDocument>(uid)
  return {
    engine: 'meilisearch',
    async setup() {
      await client.createIndex(uid, { primaryKey: 'id' }).waitTask().catch(() => undefined)
      await index().updateSettings(MEILI_SETTINGS).waitTask()
    },
    async upsert(documents) {
      if (documents.length) await index().addDocuments(documents.map(toMeiliDocument)).waitTask()
    },
    async remove(ids) {
      if (ids.length) await index().deleteDocuments(ids).waitTask()
    },
    async clear() {
      await index().deleteAllDocuments().waitTask()
    },
    async rebuild(fill) {
      // Fill a new index, then swap it with the live one atomically and drop the old.
      const next = `${uid}_next`
      await client.deleteIndex(next).waitTask().catch(() => undefined)
      await client.createIndex(next, { primaryKey: 'id' }).waitTask()
      await client.index(next).updateSettings(MEILI_SETTINGS).waitTask()
      await fill(async (documents) => {
        if (documents.length) await client.index<MeiliDocument>(next).addDocuments(documents.map(toMeiliDocument)).waitTask()
      })
      await client.swapIndexes([{ indexes: [uid, next], rename: false }]).waitTask()
      await client.deleteIndex(next).waitTask()
    },
    async close() {},
    async search(query) {
      const { main, counts } = buildSearches(uid, query)
      const { results } = await client.multiSearch({ queries: [main, ...counts.map((c) => c.search)] })
      const [response, ...countResults] = results as unknown as { hits: MeiliDocument[]; totalHits?: number; facetDistribution?: Record<string, Record<string, number>> }[]
      const hits = response!.hits.map((h) => toHit(h.doc, query))
      const own = Object.fromEntries(counts.map((c, i) => [c.key, countResults[i]?.facetDistribution?.attributeFacets]))
      const distribution = { ...response!.facetDistribution, attributeFacets: mergeAttributeCounts(response!.facetDistribution?.attributeFacets, own) }
      const perPage = main.hitsPerPage
      const total = response!.totalHits ?? hits.length
      return { hits, total, page: main.page, pageCount: Math.max(1, Math.ceil(total / perPage)), facets: readFacets(distribution, query.attributeFacets, query.viewer.audience) }
    },
  }
}
