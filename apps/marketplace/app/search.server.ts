import { data } from '@remix-run/node'
import { getServices, guard } from '@tradepost/auth'
import { categoryFilterAttributes, listCategories } from '@tradepost/domain/catalog'
import { countStorefrontView, type StorefrontDto } from '@tradepost/domain/organizations'
import { withViewerPrices } from '@tradepost/domain/pricing'
import { parseSearchParams, type SearchCriteria } from '@tradepost/search'
import { searchViewer } from '@tradepost/domain/visibility'
import { kit } from './app.server.ts'
import { resolveNear, type Near } from './near.server.ts'

/** Runs a search from the address, with some criteria fixed by the page (a category, a seller). */
/** `resolved`: where "near" is, when the page has already worked it out (so it is asked once). */
export const loadSearch = guard(async (request: Request, fixed: Partial<SearchCriteria> = {}, extra: Record<string, unknown> = {}, resolved?: Near) => {
  const rc = await kit.getRequestContext(request)
  const params = new URL(request.url).searchParams
  // A storefront page shown to a person counts as a view (a browser's prefetch does not).
  const storefront = extra.storefront as StorefrontDto | undefined
  const purpose = `${request.headers.get('sec-purpose') ?? ''} ${request.headers.get('purpose') ?? ''}`
  if (storefront && !purpose.includes('prefetch')) await countStorefrontView(rc.ctx, storefront.organizationId)
  const near = resolved ?? (await resolveNear(rc.ctx, params))
  const parsed = parseSearchParams(params, { near: near.at ?? undefined, ...fixed })
  // Within a category, its attributes become facets too.
  const attributeDefinitions = await categoryFilterAttributes(rc.ctx, parsed.category)
  const query = { ...parsed, attributeFacets: attributeDefinitions.map((a) => a.key) }
  const { search } = await getServices()
  // The engine sees only what the viewer may (its audiences and which prices it may see).
  const found = await search.search({ ...query, viewer: searchViewer(rc.ctx.actor) })
  // What the engine ranks by is the sellers' own prices; what each hit shows is the viewer's (decision 010).
  const { hits, personal } = await withViewerPrices(rc.ctx, found.hits)
  const result = { ...found, hits, personalPrices: personal }
  const categoryNames = Object.fromEntries((await listCategories(rc.ctx)).map((c) => [c.slug, { en: c.nameEn, vi: c.nameVi }]))
  return data({ result, attributeDefinitions, categoryNames, query: { ...query, near: near.code }, shipTo: near.shipTo, ...extra }, { headers: rc.headers })
})

/** A seller's storefront (at /s/:slug or at its own host name): its own offers, and the categories it sells in. */
export async function loadStorefront(request: Request, storefront: StorefrontDto) {
  // The categories whatever the visitor filters by (the index's facets: only what is published
  // and meant for the visitor).
  const rc = await kit.getRequestContext(request)
  const { search } = await getServices()
  const all = await search.search({ ...parseSearchParams(new URLSearchParams(), { sellers: [storefront.slug] }), viewer: searchViewer(rc.ctx.actor) })
  return loadSearch(request, { sellers: [storefront.slug] }, { storefront, sellerCategories: all.facets.categories.map((c) => ({ value: c.value, count: c.count })) })
}
