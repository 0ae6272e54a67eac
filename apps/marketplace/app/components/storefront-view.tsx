import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { StorefrontDto } from '@tradepost/domain/organizations'
import { StorefrontHeader } from '@tradepost/ui/components/storefront-header.tsx'
import { SearchView, type SearchData } from './search-view.tsx'

/** A seller's own storefront: its colours and words, the categories it sells in, and only its own offers. */
export function StorefrontView() {
  const { t, i18n } = useTranslation()
  const { storefront: s, sellerCategories, categoryNames, query } = useLoaderData<SearchData & { storefront: StorefrontDto; sellerCategories: { value: string; count: number }[] }>()
  const vi = i18n.language === 'vi'
  const image = (slot: 'logo' | 'banner') => (s.images[slot] ? `/s/${s.slug}/images/${slot}?v=${s.images[slot]}` : null)
  return (
    <>
      <StorefrontHeader storefront={s} logoSrc={image('logo')} bannerSrc={image('banner')}>
        {sellerCategories.length ? (
          <nav aria-labelledby="storefront-categories">
            <h2 id="storefront-categories" className="chart-title">
              {t('storefront.categories')}
            </h2>
            <ul className="chips">
              {sellerCategories.map((c) => (
                <li key={c.value}>
                  <Link to={`?category=${encodeURIComponent(c.value)}`} className="chip" aria-current={query.category === c.value ? 'true' : undefined}>
                    {(vi ? categoryNames[c.value]?.vi : categoryNames[c.value]?.en) ?? c.value} <span className="facet-count">{c.count}</span>
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
      </StorefrontHeader>
      <SearchView title={t('storefront.products')} oneSeller />
    </>
  )
}
