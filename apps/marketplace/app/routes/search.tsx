import { data, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData, useNavigation, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { getServices, guard } from '@tradepost/auth'
import { KNOWN_LOCATIONS, type KnownLocation } from '@tradepost/domain/schemas'
import { LocationSelect } from '@tradepost/ui/components/location.tsx'
import { parseSearchParams } from '@tradepost/search'
import { SORTS } from '@tradepost/search/port'
import { EmptyState, Pagination } from '@tradepost/ui/components/data.tsx'
import { Price } from '@tradepost/ui/components/money.tsx'
import { metaTitle } from '@tradepost/ui/i18n/meta.ts'
import { kit } from '../app.server.ts'

export const meta = metaTitle('search.title')

export const loader = guard(async ({ request }: LoaderFunctionArgs) => {
  const rc = await kit.getRequestContext(request)
  const params = new URL(request.url).searchParams
  const near = KNOWN_LOCATIONS[params.get('near') as KnownLocation] ?? undefined
  const query = parseSearchParams(params, { near })
  const { search } = await getServices()
  const result = await search.search(query)
  return data({ result, query: { ...query, near: params.get('near') ?? '' } }, { headers: rc.headers })
})

export default function Search() {
  const { t, i18n } = useTranslation()
  const { result, query } = useLoaderData<typeof loader>()
  const [params] = useSearchParams()
  const navigation = useNavigation()
  const vi = i18n.language === 'vi'
  return (
    <>
      <h1>{query.q ? t('search.resultsFor', { q: query.q }) : t('search.allProducts')}</h1>
      <div className="search-layout">
        <Form method="get" className="facets" aria-label={t('search.title')}>
          {query.q ? <input type="hidden" name="q" value={query.q} /> : null}
          <fieldset>
            <legend>{t('search.category')}</legend>
            {result.facets.categories.map((f) => (
              <label key={f.value}>
                <input type="radio" name="category" value={f.value} defaultChecked={query.category === f.value} />
                {f.label} <span className="facet-count">{f.count}</span>
              </label>
            ))}
          </fieldset>
          <FacetGroup legend={t('search.brand')} name="brand" values={result.facets.brands} />
          <FacetGroup legend={t('search.seller')} name="seller" values={result.facets.sellers} />
          <fieldset>
            <label>
              <input type="checkbox" name="stock" value="1" defaultChecked={query.inStock} />
              {t('search.inStockOnly')} <span className="facet-count">{result.facets.inStock}</span>
            </label>
          </fieldset>
          <div className="field">
            <label htmlFor="min">{t('search.minPrice')}</label>
            <input id="min" name="min" inputMode="numeric" defaultValue={params.get('min') ?? ''} />
          </div>
          <div className="field">
            <label htmlFor="max">{t('search.maxPrice')}</label>
            <input id="max" name="max" inputMode="numeric" defaultValue={params.get('max') ?? ''} />
          </div>
          <LocationSelect value={query.near} />
          <div className="field">
            <label htmlFor="sort">{t('search.sort')}</label>
            <select id="sort" name="sort" defaultValue={query.sort}>
              {SORTS.map((s) => (
                <option key={s} value={s}>
                  {t(`search.sorts.${s}`)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button secondary">
            {t('search.apply')}
          </button>{' '}
          <Link to={query.q ? `/search?q=${encodeURIComponent(query.q)}` : '/search'}>{t('common.clear')}</Link>
        </Form>
        <section aria-busy={navigation.state === 'loading'}>
          <p className="muted">{t('common.results', { count: result.total })}</p>
          {result.hits.length === 0 ? (
            <EmptyState title={t('search.none')}>
              <p>{t('search.noneHint')}</p>
            </EmptyState>
          ) : (
            <ul className="hits">
              {result.hits.map((h) => (
                <li key={h.id} className="hit">
                  <div>
                    <h3>
                      <Link to={`/p/${h.slug}${query.near ? `?near=${query.near}` : ''}`}>{vi ? h.nameVi : h.nameEn}</Link>
                    </h3>
                    <p className="meta">
                      {h.brand?.name ?? ''} · {h.mpn} · {vi ? h.category.nameVi : h.category.nameEn}
                    </p>
                    <p className="meta">
                      <span className={h.inStock ? 'stock-yes' : 'stock-no'}>{h.inStock ? t('search.inStock') : t('search.outOfStock')}</span>
                      {h.nearestKm !== null ? ` · ${t('search.kmAway', { km: h.nearestKm })}` : ''}
                    </p>
                  </div>
                  <div style={{ textAlign: 'right' }}>
                    {h.minPrice ? (
                      <p>
                        <small className="muted">{t('search.from')}</small> <Price money={h.minPrice} />
                      </p>
                    ) : null}
                    <p className="meta">{t('search.offers', { count: h.offerCount })}</p>
                  </div>
                </li>
              ))}
            </ul>
          )}
          <Pagination page={result.page} pageCount={result.pageCount} />
        </section>
      </div>
    </>
  )
}

/** Checkboxes of one facet; several values of it combine (brand=a,b reads as either). */
function FacetGroup({ legend, name, values }: { legend: string; name: string; values: { value: string; label: string; count: number }[] }) {
  const [params] = useSearchParams()
  const selected = params.getAll(name).flatMap((v) => v.split(','))
  return (
    <fieldset>
      <legend>{legend}</legend>
      {values.map((f) => (
        <label key={f.value}>
          <input type="checkbox" name={name} value={f.value} defaultChecked={selected.includes(f.value)} />
          {f.label} <span className="facet-count">{f.count}</span>
        </label>
      ))}
    </fieldset>
  )
}
