// The embedded default engine: PostgreSQL full-text search with accent folding (unaccent),
// trigram matching for partial part numbers and typos (pg_trgm), facets and geo distance.
import pg from 'pg'

/** Separates a facet value from its label. */
const SEP = '\u001f'
import { ATTRIBUTE_KEY, attributeToken, attributeTokens, DEFAULT_PER_PAGE, groupAttributeFacets, hasOfferCriteria, toHit, type FacetValue, type SearchDocument, type SearchHit, type SearchIndex, type SearchQuery, type SearchResult } from '../port.ts'

const SCHEMA_SQL = `
create extension if not exists unaccent;
create extension if not exists pg_trgm;
create extension if not exists cube;
create extension if not exists earthdistance;
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
  in_stock boolean not null
);
-- Facet values with their labels ("slug\x1fLabel"), so facet counts never read the document.
alter table search.document add column if not exists category_facet text;
alter table search.document add column if not exists brand_facet text;
alter table search.document add column if not exists seller_facets text[];
-- Category attributes as "key:value" tokens.
alter table search.document add column if not exists attr_facets text[] not null default '{}';
create index if not exists document_attributes on search.document using gin (attr_facets);
-- Every offer for everyone and every price shown to all: the columns above are then exact.
alter table search.document add column if not exists plain boolean not null default true;
-- Warehouses with stock as points (longitude, latitude), for distances.
alter table search.document add column if not exists points point[] not null default '{}';
alter table search.document drop column if exists locations;
create index if not exists document_tsv on search.document using gin (tsv);
create index if not exists document_codes on search.document using gin (codes gin_trgm_ops);
create index if not exists document_names on search.document using gin (names gin_trgm_ops);
create index if not exists document_categories on search.document using gin (category_slugs);
create index if not exists document_sellers on search.document using gin (seller_slugs);
drop function if exists search.distance_km(float8, float8, float8, float8);
`

function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
}

/** The engine's query for a search, as SQL and parameters (benchmarks run it raw). */
export function buildSearchSql(query: SearchQuery): { sql: string; params: unknown[]; page: number; perPage: number; attributeKeys: string[] } {
  const perPage = Math.min(Math.max(query.perPage ?? DEFAULT_PER_PAGE, 1), 100)
  const page = Math.max(query.page ?? 1, 1)
  const params: unknown[] = []
  const param = (value: unknown) => {
    params.push(value)
    return `$${params.length}`
  }
  const where: string[] = []
  if (query.category) where.push(`d.category_slugs @> array[${param(query.category)}]::text[]`)
  if (query.brands?.length) where.push(`d.brand_slug = any(${param(query.brands)}::text[])`)
  if (query.sellers?.length) where.push(`d.seller_slugs && ${param(query.sellers)}::text[]`)
  // Attribute filters apply after the other criteria, so each attribute's values can be counted
  // without its own filter (ticking 2P still shows how many 3P there are).
  const attributeFilters = Object.entries(query.attributes ?? {})
    .filter(([key, values]) => ATTRIBUTE_KEY.test(key) && values.length)
    .map(([key, values]) => ({ key, tokens: param(values.map((v) => attributeToken(key, v))) }))
  if (query.inStock) where.push('d.in_stock')
  const near = query.near
  const byNearest = query.sort === 'nearest' && !!near
  // Great-circle distance to the closest warehouse with stock (earthdistance's <@> is in miles).
  // Hits get their distance from their documents; SQL needs it only to rank by it.
  const buyer = byNearest ? `point(${param(near.longitude)}::float8, ${param(near.latitude)}::float8)` : ''
  // Offer-level criteria (seller, stock, price range) must hold for one offer at once, the viewer
  // sees only the offers meant for it (and only the prices it may see), and the price, stock and
  // distance a product ranks by are those of its matching offers (`mo`). The columns above narrow
  // the scan by index; the offers in the document decide. A "plain" document (every offer for
  // everyone, every price shown to all) has them precomputed, so without offer criteria the
  // offers are read only for the others (the gate is checked once per row, before the scan).
  const visible = `coalesce(o."visibleTo", '{public}') && ${param(query.viewer.audience)}::text[]`
  const priceShown = `not coalesce(o."priceOnRequest", false) and (${param(query.viewer.signedIn)}::boolean or not coalesce(o."pricesSignedInOnly", false))`
  const conditions: string[] = [visible]
  const filtered = hasOfferCriteria(query)
  if (!filtered) conditions.unshift('not d.plain')
  if (query.sellers?.length) conditions.push(`o."sellerSlug" = any(${param(query.sellers)}::text[])`)
  if (query.inStock) conditions.push('o."inStock"')
  if (query.priceMin !== undefined || query.priceMax !== undefined) {
    conditions.push(priceShown, `o.currency = ${param(query.currency ?? 'VND')}`)
    if (query.priceMin !== undefined) conditions.push(`o."priceAmount" >= ${param(query.priceMin)}`)
    if (query.priceMax !== undefined) conditions.push(`o."priceAmount" <= ${param(query.priceMax)}`)
  }
  const distance = byNearest ? `, min(point((l->>'longitude')::float8, (l->>'latitude')::float8) <@> ${buyer}) filter (where o."inStock") * 1.609344 as nearest_km` : ''
  const from = `search.document d cross join lateral (select count(*) as n, min(o."priceAmount") filter (where ${priceShown}) as min_price, coalesce(bool_or(o."inStock"), false) as in_stock,
      array_agg(distinct o."sellerSlug" || E'\\x1f' || o."sellerName") as seller_facets${distance}
    from jsonb_to_recordset(d.doc->'offers') as o("sellerSlug" text, "sellerName" text, "priceAmount" bigint, currency text, "inStock" boolean, locations jsonb, "visibleTo" text[], "priceOnRequest" boolean, "pricesSignedInOnly" boolean)
    ${byNearest ? `left join lateral jsonb_array_elements(o.locations) l on true` : ''}
    where ${conditions.join(' and ')}) mo`
  const plainOr = (column: string, own: string) => (filtered ? own : `case when d.plain then ${column} else ${own} end`)
  const facts = {
    minPrice: plainOr('d.min_price', 'mo.min_price'),
    inStock: plainOr('d.in_stock', 'mo.in_stock'),
    sellerFacets: plainOr('d.seller_facets', 'mo.seller_facets'),
    nearest: plainOr(`(select min(pt <@> ${buyer}) * 1.609344 from unnest(d.points) pt)`, 'mo.nearest_km'),
  }
  if (filtered) where.push('mo.n > 0')
  const orderBy = (a: string) =>
    query.sort === 'price_asc'
      ? `${a}.min_price asc nulls last, ${a}.id`
      : query.sort === 'price_desc'
        ? `${a}.min_price desc nulls last, ${a}.id`
        : byNearest
          ? `${a}.nearest_km asc nulls last, ${a}.score desc, ${a}.id`
          : `${a}.score desc, ${a}.id`
  const attributeKeys = query.attributeFacets?.filter((k) => ATTRIBUTE_KEY.test(k)) ?? []
  // The matched set carries only what ranking and facets need; documents are read for one page.
  const columns = (score: string) =>
    `d.id, ${facts.minPrice} as min_price, ${facts.inStock} as in_stock, d.category_facet, d.brand_facet, ${facts.sellerFacets} as seller_facets, ${attributeKeys.length || attributeFilters.length ? 'd.attr_facets, ' : ''}${score} as score${byNearest ? `, ${facts.nearest} as nearest_km` : ''}`
  // What the other criteria match: `matched` itself, or `candidates` that the attributes narrow.
  const base = attributeFilters.length ? 'candidates' : 'matched'
  const and = (conditions: string[]) => (conditions.length ? conditions.join(' and ') : 'true')
  const q = fold(query.q?.trim() ?? '')
  let matched: string
  if (q) {
    const tsq = `websearch_to_tsquery('simple', ${param(q)})`
    const raw = param(q)
    const like = param(`%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)
    // Words (accent-folded) or a fragment of a part number or SKU; only when neither finds
    // anything, names like the words (a typo): that similarity is the costly part, so it runs
    // only then (the uncorrelated NOT EXISTS is checked once, before the scan).
    matched = `exact as materialized (select ${columns(`ts_rank(d.tsv, ${tsq}) + case when d.codes like ${like} then 1 else 0 end`)} from ${from} where (d.tsv @@ ${tsq} or d.codes like ${like}) and ${and(where)}),
    fuzzy as materialized (select ${columns(`word_similarity(${raw}, d.names)`)} from ${from} where not exists (select 1 from exact) and ${raw} <% d.names and ${and(where)}),
    ${base} as (select * from exact union all select * from fuzzy)`
  } else {
    matched = `${base} as (select ${columns('0::real')} from ${from} where ${and(where)})`
  }
  if (attributeFilters.length) matched += `,\n    matched as (select * from candidates m where ${attributeFilters.map((f) => `m.attr_facets && ${f.tokens}::text[]`).join(' and ')})`
  const facet = (column: string, alias: string) =>
    `(select coalesce(json_agg(f), '[]') from (select split_part(v, E'\\x1f', 1) as value, split_part(v, E'\\x1f', 2) as label, count(*)::int as count from (select ${column} as v from matched m) x where v is not null group by v order by 3 desc, 1 limit 30) f) as ${alias}`
  // A value of attribute K counts the candidates that pass every attribute filter but K's own.
  const otherFilters = (attributeKeys.length ? attributeFilters : []).map((f) => ` and (split_part(v, ':', 1) = ${param(f.key)} or m.attr_facets && ${f.tokens}::text[])`).join('')
  const attributes = attributeKeys.length
    ? `(select coalesce(json_agg(json_build_array(v, c)), '[]') from (select v, count(*)::int as c from ${base} m, unnest(m.attr_facets) v where split_part(v, ':', 1) = any(${param(attributeKeys)}::text[])${otherFilters} group by v) x) as attributes`
    : `'[]'::json as attributes`
  const sql = `
    with ${matched}
    select
      (select count(*)::int from matched) as total,
      (select coalesce(json_agg(h), '[]') from (select d.doc from (select * from matched m order by ${orderBy('m')} limit ${perPage} offset ${(page - 1) * perPage}) p join search.document d on d.id = p.id order by ${orderBy('p')}) h) as hits,
      ${facet('m.category_facet', 'categories')},
      ${facet('m.brand_facet', 'brands')},
      ${facet('unnest(m.seller_facets)', 'sellers')},
      (select count(*)::int from matched m where m.in_stock) as in_stock,
      ${attributes}`
  return { sql, params, page, perPage, attributeKeys }
}

async function writeDocuments(pool: pg.Pool, table: string, documents: SearchDocument[]): Promise<void> {
  if (!documents.length) return
  const rows = documents.map((d) => {
    // Restricted offers' SKUs and sellers are not searchable words: a match would tell anyone they exist.
    const open = d.offers.filter((o) => (o.visibleTo ?? ['public']).includes('public'))
    const prices = d.offers.map((o) => ({ amount: o.priceAmount, currency: o.currency }))
    const min = prices.sort((a, b) => a.amount - b.amount)[0]
    return {
      id: d.id,
      doc: d,
      text: fold([d.nameEn, d.nameVi, d.brand?.name ?? '', d.category.nameEn, d.category.nameVi, d.descriptionEn, d.descriptionVi, d.mpn, ...open.map((o) => o.sellerName)].join(' ')),
      names: fold(`${d.nameEn} ${d.nameVi} ${d.brand?.name ?? ''}`),
      codes: fold([d.mpn, d.gtin ?? '', ...open.map((o) => o.sku)].join(' ')),
      brand: d.brand?.slug ?? null,
      categories: d.category.ancestorSlugs,
      sellers: [...new Set(d.offers.map((o) => o.sellerSlug))],
      minPrice: min?.amount ?? null,
      currency: min?.currency ?? null,
      inStock: d.offers.some((o) => o.inStock),
      points: [...new Set(d.offers.flatMap((o) => o.locations.map((l) => `(${l.longitude},${l.latitude})`)))],
      category_facet: `${d.category.slug}${SEP}${d.category.nameEn}`,
      brand_facet: d.brand ? `${d.brand.slug}${SEP}${d.brand.name}` : null,
      seller_facets: [...new Set(d.offers.map((o) => `${o.sellerSlug}${SEP}${o.sellerName}`))],
      attr_facets: attributeTokens(d.attributes),
      plain: d.offers.every((o) => (o.visibleTo ?? ['public']).includes('public') && !o.priceOnRequest && !o.pricesSignedInOnly),
    }
  })
  await pool.query(
    `insert into ${table} (id, doc, tsv, names, codes, brand_slug, category_slugs, seller_slugs, min_price, currency, in_stock, points, category_facet, brand_facet, seller_facets, attr_facets, plain)
     select r.id, r.doc, to_tsvector('simple', r.text), r.names, r.codes, r.brand, r.categories, r.sellers, r.min_price, r.currency, r.in_stock, r.points, r.category_facet, r.brand_facet, r.seller_facets, r.attr_facets, r.plain
     from jsonb_to_recordset($1::jsonb) as r(id uuid, doc jsonb, text text, names text, codes text, brand text, categories text[], sellers text[], min_price bigint, currency text, in_stock boolean, points point[], category_facet text, brand_facet text, seller_facets text[], attr_facets text[], plain boolean)
     on conflict (id) do update set doc = excluded.doc, tsv = excluded.tsv, names = excluded.names, codes = excluded.codes, brand_slug = excluded.brand_slug,
       category_slugs = excluded.category_slugs, seller_slugs = excluded.seller_slugs, min_price = excluded.min_price, currency = excluded.currency,
       in_stock = excluded.in_stock, points = excluded.points, category_facet = excluded.category_facet, brand_facet = excluded.brand_facet,
       seller_facets = excluded.seller_facets, attr_facets = excluded.attr_facets, plain = excluded.plain`,
    [JSON.stringify(rows.map((r) => ({ ...r, min_price: r.minPrice, in_stock: r.inStock })))],
  )
}

/** The live table's index names, by the column each covers. */
const CANONICAL_INDEXES: Record<string, string> = {
  document_pkey: 'id',
  document_tsv: 'tsv',
  document_codes: 'codes',
  document_names: 'names',
  document_categories: 'category_slugs',
  document_sellers: 'seller_slugs',
  document_attributes: 'attr_facets',
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
      await writeDocuments(pool, 'search.document', documents)
    },

    async rebuild(fill) {
      // Build a shadow table like the live one, fill it, then swap names in one transaction.
      await pool.query(`drop table if exists search.document_next; create table search.document_next (like search.document including all)`)
      await fill((documents) => writeDocuments(pool, 'search.document_next', documents))
      // Fresh statistics before it goes live, or the planner guesses on the new table.
      await pool.query('analyze search.document_next')
      const client = await pool.connect()
      try {
        await client.query('begin')
        await client.query('alter table search.document rename to document_old')
        await client.query('alter table search.document_next rename to document')
        await client.query('drop table search.document_old')
        // Indexes keep the names they were created with on the shadow table: give them back theirs.
        const { rows } = await client.query(`select indexname, indexdef from pg_indexes where schemaname = 'search' and tablename = 'document'`)
        for (const { indexname, indexdef } of rows as { indexname: string; indexdef: string }[]) {
          const canonical = Object.entries(CANONICAL_INDEXES).find(([, column]) => indexdef.includes(`(${column}`))?.[0]
          if (canonical && canonical !== indexname) await client.query(`alter index search."${indexname}" rename to "${canonical}"`)
        }
        await client.query('commit')
      } catch (error) {
        await client.query('rollback')
        throw error
      } finally {
        client.release()
      }
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
      const { sql, params, page, perPage, attributeKeys } = buildSearchSql(query)
      const { rows } = await pool.query(sql, params)
      const r = rows[0] as { total: number; hits: { doc: SearchDocument }[]; categories: FacetValue[]; brands: FacetValue[]; sellers: FacetValue[]; in_stock: number; attributes: [string, number][] }
      return {
        hits: r.hits.map(({ doc }) => toHit(doc, query)),
        total: r.total,
        page,
        pageCount: Math.max(1, Math.ceil(r.total / perPage)),
        facets: { categories: r.categories, brands: r.brands, sellers: r.sellers, inStock: r.in_stock, attributes: groupAttributeFacets(r.attributes, attributeKeys) },
      }
    },
  }
}
