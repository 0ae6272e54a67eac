// The embedded default engine: PostgreSQL full-text search with accent folding (unaccent),
// trigram matching for partial part numbers and typos (pg_trgm), facets and geo distance.
import pg from 'pg'
import { DEFAULT_PER_PAGE, type FacetValue, type SearchDocument, type SearchHit, type SearchIndex, type SearchQuery, type SearchResult } from '../port.ts'

const SCHEMA_SQL = `
create extension if not exists unaccent;
create extension if not exists pg_trgm;
create schema if not exists search;
create table if not exists search.document (
  id uuid primary key,
  doc jsonb not null,
  tsv tsvector not null,
  names text not null,
  codes text not null,
  brand_slug text,
  category_slugs text[] not null,
  seller_slugs text[] not null,
  min_price bigint,
  currency text,
  in_stock boolean not null,
  locations jsonb not null
);
create index if not exists document_tsv on search.document using gin (tsv);
create index if not exists document_codes on search.document using gin (codes gin_trgm_ops);
create index if not exists document_names on search.document using gin (names gin_trgm_ops);
create index if not exists document_categories on search.document using gin (category_slugs);
create index if not exists document_sellers on search.document using gin (seller_slugs);
create or replace function search.distance_km(lat1 float8, lng1 float8, lat2 float8, lng2 float8) returns float8
  language sql immutable parallel safe as $$
  select 2 * 6371.0088 * asin(least(1, sqrt(power(sin(radians(lat2 - lat1) / 2), 2) + cos(radians(lat1)) * cos(radians(lat2)) * power(sin(radians(lng2 - lng1) / 2), 2))))
$$;
`

function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
}

export function createPostgresSearchIndex(databaseUrl: string, options: { max?: number } = {}): SearchIndex {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: options.max ?? 4 })
  pool.on('error', () => {})

  return {
    engine: 'postgres',
    async setup() {
      await pool.query(SCHEMA_SQL)
    },

    async upsert(documents) {
      if (!documents.length) return
      const rows = documents.map((d) => {
        const prices = d.offers.map((o) => ({ amount: o.priceAmount, currency: o.currency }))
        const min = prices.sort((a, b) => a.amount - b.amount)[0]
        return {
          id: d.id,
          doc: d,
          text: fold([d.nameEn, d.nameVi, d.brand?.name ?? '', d.category.nameEn, d.category.nameVi, d.descriptionEn, d.descriptionVi, d.mpn, ...d.offers.map((o) => o.sellerName)].join(' ')),
          names: fold(`${d.nameEn} ${d.nameVi} ${d.brand?.name ?? ''}`),
          codes: fold([d.mpn, d.gtin ?? '', ...d.offers.map((o) => o.sku)].join(' ')),
          brand: d.brand?.slug ?? null,
          categories: d.category.ancestorSlugs,
          sellers: [...new Set(d.offers.map((o) => o.sellerSlug))],
          minPrice: min?.amount ?? null,
          currency: min?.currency ?? null,
          inStock: d.offers.some((o) => o.inStock),
          locations: d.offers.flatMap((o) => o.locations),
        }
      })
      await pool.query(
        `insert into search.document (id, doc, tsv, names, codes, brand_slug, category_slugs, seller_slugs, min_price, currency, in_stock, locations)
         select r.id, r.doc, to_tsvector('simple', r.text), r.names, r.codes, r.brand, r.categories, r.sellers, r.min_price, r.currency, r.in_stock, r.locations
         from jsonb_to_recordset($1::jsonb) as r(id uuid, doc jsonb, text text, names text, codes text, brand text, categories text[], sellers text[], min_price bigint, currency text, in_stock boolean, locations jsonb)
         on conflict (id) do update set doc = excluded.doc, tsv = excluded.tsv, names = excluded.names, codes = excluded.codes, brand_slug = excluded.brand_slug,
           category_slugs = excluded.category_slugs, seller_slugs = excluded.seller_slugs, min_price = excluded.min_price, currency = excluded.currency,
           in_stock = excluded.in_stock, locations = excluded.locations`,
        [JSON.stringify(rows.map((r) => ({ ...r, min_price: r.minPrice, in_stock: r.inStock })))],
      )
    },

    async remove(ids) {
      if (ids.length) await pool.query('delete from search.document where id = any($1::uuid[])', [ids])
    },

    async clear() {
      await pool.query('truncate search.document')
    },

    async close() {
      await pool.end()
    },

    async search(query: SearchQuery): Promise<SearchResult> {
      const perPage = Math.min(Math.max(query.perPage ?? DEFAULT_PER_PAGE, 1), 100)
      const page = Math.max(query.page ?? 1, 1)
      const params: unknown[] = []
      const param = (value: unknown) => {
        params.push(value)
        return `$${params.length}`
      }
      const where: string[] = []
      const q = fold(query.q?.trim() ?? '')
      let score = '0'
      if (q) {
        const tsq = `websearch_to_tsquery('simple', ${param(q)})`
        const raw = param(q)
        const like = param(`%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)
        where.push(`(d.tsv @@ ${tsq} or d.codes like ${like} or ${raw} <% d.names or ${raw} <% d.codes)`)
        score = `(ts_rank(d.tsv, ${tsq}) + word_similarity(${raw}, d.codes) + word_similarity(${raw}, d.names))`
      }
      if (query.category) where.push(`d.category_slugs @> array[${param(query.category)}]::text[]`)
      if (query.brands?.length) where.push(`d.brand_slug = any(${param(query.brands)}::text[])`)
      if (query.sellers?.length) where.push(`d.seller_slugs && ${param(query.sellers)}::text[]`)
      if (query.inStock) where.push('d.in_stock')
      if (query.priceMin !== undefined || query.priceMax !== undefined) {
        where.push(`d.currency = ${param(query.currency ?? 'VND')}`)
        if (query.priceMin !== undefined) where.push(`d.min_price >= ${param(query.priceMin)}`)
        if (query.priceMax !== undefined) where.push(`d.min_price <= ${param(query.priceMax)}`)
      }
      const near = query.near
      const nearest = near
        ? `(select min(search.distance_km(${param(near.latitude)}, ${param(near.longitude)}, (l->>'latitude')::float8, (l->>'longitude')::float8)) from jsonb_array_elements(d.locations) l)`
        : 'null::float8'
      const order =
        query.sort === 'price_asc'
          ? 'd.min_price asc nulls last, d.id'
          : query.sort === 'price_desc'
            ? 'd.min_price desc nulls last, d.id'
            : query.sort === 'nearest' && near
              ? 'nearest_km asc nulls last, score desc, d.id'
              : 'score desc, d.id'
      const whereSql = where.length ? `where ${where.join(' and ')}` : ''
      const sql = `
        with matched as (select d.*, ${score} as score, ${nearest} as nearest_km from search.document d ${whereSql})
        select
          (select count(*)::int from matched) as total,
          (select coalesce(json_agg(h), '[]') from (select m.doc, m.nearest_km from matched m order by ${order.replaceAll('d.', 'm.')} limit ${perPage} offset ${(page - 1) * perPage}) h) as hits,
          (select coalesce(json_agg(c), '[]') from (select m.doc->'category'->>'slug' as value, m.doc->'category'->>'nameEn' as label, count(*)::int as count from matched m group by 1, 2 order by 3 desc, 1 limit 30) c) as categories,
          (select coalesce(json_agg(b), '[]') from (select m.brand_slug as value, m.doc->'brand'->>'name' as label, count(*)::int as count from matched m where m.brand_slug is not null group by 1, 2 order by 3 desc, 1 limit 30) b) as brands,
          (select coalesce(json_agg(s), '[]') from (select o->>'sellerSlug' as value, o->>'sellerName' as label, count(distinct m.id)::int as count from matched m, jsonb_array_elements(m.doc->'offers') o group by 1, 2 order by 3 desc, 1 limit 30) s) as sellers,
          (select count(*)::int from matched m where m.in_stock) as in_stock`
      const { rows } = await pool.query(sql, params)
      const r = rows[0] as { total: number; hits: { doc: SearchDocument; nearest_km: number | null }[]; categories: FacetValue[]; brands: FacetValue[]; sellers: FacetValue[]; in_stock: number }
      return {
        hits: r.hits.map(({ doc, nearest_km }) => toHit(doc, nearest_km)),
        total: r.total,
        page,
        pageCount: Math.max(1, Math.ceil(r.total / perPage)),
        facets: { categories: r.categories, brands: r.brands, sellers: r.sellers, inStock: r.in_stock },
      }
    },
  }
}

export function toHit(doc: SearchDocument, nearestKm: number | null): SearchHit {
  const prices = doc.offers.map((o) => ({ amount: o.priceAmount, currency: o.currency })).sort((a, b) => a.amount - b.amount)
  return {
    id: doc.id,
    slug: doc.slug,
    nameEn: doc.nameEn,
    nameVi: doc.nameVi,
    mpn: doc.mpn,
    brand: doc.brand ? { slug: doc.brand.slug, name: doc.brand.name } : null,
    category: { slug: doc.category.slug, nameEn: doc.category.nameEn, nameVi: doc.category.nameVi },
    offerCount: doc.offers.length,
    sellerCount: new Set(doc.offers.map((o) => o.sellerId)).size,
    minPrice: prices[0] ?? null,
    inStock: doc.offers.some((o) => o.inStock),
    nearestKm: nearestKm === null ? null : Math.round(nearestKm),
  }
}
