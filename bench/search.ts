// bench/search: the search API (HTTP, the marketplace's data endpoint) and the search port
// against the raw engine query run in this process, over the large world. One query at a time,
// so latencies are not queueing.
import pg from 'pg'
import { buildSearchSql, createPostgresSearchIndex } from '@tradepost/search'
import type { SearchQuery } from '@tradepost/search'
import { fmt, httpGet, interleaved, percentile, ratio } from './lib.ts'

/** The benchmark searches as a visitor, as the anonymous HTTP requests do. */
const viewer = { audience: ['public'], signedIn: false }

export function benchQueries(): SearchQuery[] {
  const queries: SearchQuery[] = []
  for (let i = 1; i <= 40; i++) {
    const n = String((i * 241) % 10_000).padStart(5, '0')
    queries.push({ viewer, q: `bench-${n}`.slice(0, 10 + (i % 3)) })
    queries.push({ viewer, q: ['pump', 'cáp đồng', 'cau dao', 'submersible', 'armoured cable 5'][i % 5] })
    queries.push({ viewer, category: ['pumps', 'cables', 'circuit-breakers'][i % 3], sort: 'price_asc', page: 1 + (i % 3) })
    queries.push({ viewer, q: 'pump', inStock: true, sort: 'nearest', near: { latitude: 10.78, longitude: 106.7 } })
  }
  return queries
}

function toParams(q: SearchQuery): string {
  const p = new URLSearchParams()
  if (q.q) p.set('q', q.q)
  if (q.category) p.set('category', q.category)
  if (q.inStock) p.set('stock', '1')
  if (q.sort) p.set('sort', q.sort)
  if (q.page) p.set('page', String(q.page))
  if (q.near) p.set('near', 'VN-SG')
  return p.toString()
}

export async function benchSearch(databaseUrl: string, marketplaceUrl: string, rounds: number) {
  const queries = benchQueries()
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 })
  const index = createPostgresSearchIndex(databaseUrl)
  const near = { latitude: 10.7769, longitude: 106.7009 }
  const withNear = (q: SearchQuery) => (q.near ? { ...q, near } : q)

  const get = httpGet()
  const n = queries.length * rounds
  // One untimed pass over the whole set first (warm caches and plans); then the three take turns
  // query by query, so a busier machine weighs on all of them alike.
  const { raw, port, http } = await interleaved(n, {
    raw: async (i) => {
      const { sql, params } = buildSearchSql(withNear(queries[i % queries.length]!))
      await pool.query(sql, params)
    },
    port: async (i) => void (await index.search(withNear(queries[i % queries.length]!))),
    http: (i) => get(`${marketplaceUrl}/search.data?${toParams(queries[i % queries.length]!)}`),
  }, queries.length)
  await pool.end()
  await index.close()

  console.log(`\nbench/search — 10,000 products, 100,000 offers; ${queries.length} queries × ${rounds}, one at a time`)
  console.log(`  raw engine query (baseline)   ${fmt(raw)}`)
  console.log(`  search port                   ${fmt(port)}   p95 ${ratio(port.p95, raw.p95)} raw`)
  console.log(`  search API (HTTP /search)     ${fmt(http)}   p95 ${ratio(http.p95, raw.p95)} raw   (target ≤ 1.3× and < 50 ms)`)
  // Which kinds of query make the tail: the raw engine's p95 per kind.
  const kinds = ['partial code', 'words', 'category + price sort', 'words + in stock + nearest']
  const byKind = kinds.map((kind, k) => `${kind} ${percentile(raw.latencies.filter((_, i) => i % 4 === k).sort((a, b) => a - b), 95).toFixed(1)} ms`)
  console.log(`  raw p95 by kind: ${byKind.join(' · ')}`)
  return { raw, port, http }
}
