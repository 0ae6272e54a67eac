import { createMeilisearchIndex } from './meilisearch/meilisearch-index.ts'
import { createPostgresSearchIndex } from './postgres/postgres-index.ts'
import type { SearchIndex } from './port.ts'

export * from './port.ts'
export { createPostgresSearchIndex, createMeilisearchIndex }
export { buildSearchSql } from './postgres/postgres-index.ts'
export { reindexAll } from './reindex.ts'
export { parseSearchParams, SearchParamsSchema } from './params.ts'

/** The engine chosen by configuration: SEARCH_ENGINE (postgres by default) and its URL. */
export function createSearchIndex(env: NodeJS.ProcessEnv = process.env): SearchIndex {
  const engine = env.SEARCH_ENGINE ?? (env.MEILISEARCH_URL ? 'meilisearch' : 'postgres')
  if (engine === 'postgres') {
    if (!env.DATABASE_URL) throw new Error('DATABASE_URL is not set')
    return createPostgresSearchIndex(env.DATABASE_URL)
  }
  if (engine === 'meilisearch') {
    if (!env.MEILISEARCH_URL) throw new Error('SEARCH_ENGINE=meilisearch needs MEILISEARCH_URL')
    return createMeilisearchIndex({ url: env.MEILISEARCH_URL, apiKey: env.MEILISEARCH_API_KEY, indexUid: env.MEILISEARCH_INDEX ?? 'products' })
  }
  throw new Error(`unknown SEARCH_ENGINE=${engine}; use postgres or meilisearch`)
}
