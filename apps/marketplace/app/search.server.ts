import { data } from '@remix-run/node'
import { getServices, guard } from '@tradepost/auth'
import { KNOWN_LOCATIONS, type KnownLocation } from '@tradepost/domain/schemas'
import { parseSearchParams, type SearchQuery } from '@tradepost/search'
import { kit } from './app.server.ts'

/** Runs a search from the address, with some criteria fixed by the page (a category, a seller). */
export const loadSearch = guard(async (request: Request, fixed: Partial<SearchQuery> = {}, extra: Record<string, unknown> = {}) => {
  const rc = await kit.getRequestContext(request)
  const params = new URL(request.url).searchParams
  const nearCode = params.get('near') ?? ''
  const near = KNOWN_LOCATIONS[nearCode as KnownLocation] ?? undefined
  const query = parseSearchParams(params, { near, ...fixed })
  const { search } = await getServices()
  const result = await search.search(query)
  return data({ result, query: { ...query, near: near ? nearCode : '' }, ...extra }, { headers: rc.headers })
})
