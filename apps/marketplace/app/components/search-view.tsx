import { Form, Link, useLoaderData, useNavigation, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Thumb } from '@tradepost/ui/components/product-image.tsx'
import type { AttributeDefinition } from '@tradepost/domain/schemas'
import type { SearchQuery, SearchResult } from '@tradepost/search/port'
import { SORTS } from '@tradepost/search/port'
import { EmptyState, formatNumber, Pagination } from '@tradepost/ui/components/data.tsx'
import { LocationSelect } from '@tradepost/ui/components/location.tsx'
import { FromPrices } from '@tradepost/ui/components/money.tsx'

export interface SearchData {
  /** `personalPrices`: some hit shows the viewer's own price rather than the seller's. */
  result: SearchResult & { personalPrices?: boolean }
  /** Category names in both languages, by slug (the index's facets carry one name). */
  categoryNames: Record<string, { en: string; vi: string }>
  attributeDefinitions: AttributeDefinition[]
  query: Omit<SearchQuery, 'near'> & { near: string }
  /** The signed-in buyer's chosen ship-to address, offered first as "my location". */
  shipTo: { name: string; city: string } | null
}

/**
 * Search results with facets: the search page, a category and a storefront all show this. A
 * storefront is one seller's shop: its hits carry only that seller's offers, and it has no seller facet.
 */
export function SearchView({ title, hidden = {}, oneSeller = false, locationPicker = true }: { title: string; hidden?: Record<string, string>; oneSeller?: boolean; locationPicker?: boolean }) {
  const { t, i18n } = useTranslation()
  const { result, query, attributeDefinitions, categoryNames, shipTo } = useLoaderData<SearchData>()
  const [params] = useSearchParams()
  const navigation = useNavigation()
  const vi = i18n.language === 'vi'
  return (
    <>
      <h1>{title}</h1>
      <div className="search-layout">
        {/* The filters fold away on a phone, so the results come first (a disclosure, no JavaScript needed). */}
        <details className="filters-disclosure">
          <summary className="button secondary">{t('search.filters')}</summary>
          <Form method="get" className="facets" aria-label={t('search.title')}>
            {query.q ? <input type="hidden" name="q" value={query.q} /> : null}
            {Object.entries(hidden).map(([k, v]) => (
              <input key={k} type="hidden" name={k} value={v} />
            ))}
            <fieldset>
              <legend>{t('search.category')}</legend>
              {result.facets.categories.map((f) => (
                <label key={f.value}>
                  <input type="radio" name="category" value={f.value} defaultChecked={query.category === f.value} />
                  {(vi ? categoryNames[f.value]?.vi : categoryNames[f.value]?.en) ?? f.label} <span className="facet-count">{f.count}</span>
                </label>
              ))}
            </fieldset>
            <FacetGroup legend={t('search.brand')} name="brand" values={result.facets.brands} />
            {oneSeller ? null : <FacetGroup legend={t('search.seller')} name="seller" values={result.facets.sellers} />}
            {attributeDefinitions.map((definition) => {
              const facet = result.facets.attributes.find((a) => a.key === definition.key)
              if (!facet?.values.length) return null
              const values = definition.type === 'number' ? [...facet.values].sort((a, b) => Number(a.value) - Number(b.value)) : facet.values
              const label = (value: string) => (definition.type === 'number' ? `${formatNumber(Number(value), i18n.language)}${definition.unit ? ` ${definition.unit}` : ''}` : value)
              return <FacetGroup key={definition.key} legend={vi ? definition.labelVi : definition.labelEn} name={`a.${definition.key}`} separator={null} values={values.map((v) => ({ ...v, label: label(v.value) }))} />
            })}
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
            {locationPicker ? <LocationSelect value={query.near} shipTo={shipTo} /> : query.near ? <input type="hidden" name="near" value={query.near} /> : null}
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
            <Link to={query.q ? `?q=${encodeURIComponent(query.q)}` : '?'}>{t('common.clear')}</Link>
          </Form>
        </details>
        <section aria-busy={navigation.state === 'loading'}>
          <h2 className="results-count">{t('common.results', { count: result.total })}</h2>
          {result.personalPrices ? <p className="meta">{t('search.personalPrices')}</p> : null}
          {result.hits.length === 0 ? (
            <EmptyState title={t('search.none')}>
              <p>{t('search.noneHint')}</p>
            </EmptyState>
          ) : (
            <ul className="hits">
              {result.hits.map((h) => (
                <li key={h.id} className="hit">
                  <Thumb image={h.image} />
                  <div className="hit-body">
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
                  <div className="hit-price">
                    <FromPrices prices={h.minPrices} hidden={h.priceHidden} />
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
function FacetGroup({ legend, name, values, separator = ',' }: { legend: string; name: string; values: { value: string; label: string; count: number }[]; separator?: string | null }) {
  const [params] = useSearchParams()
  const selected = params.getAll(name).flatMap((v) => (separator ? v.split(separator) : [v]))
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

