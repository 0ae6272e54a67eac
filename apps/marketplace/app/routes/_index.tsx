import { data, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { appUrl, getServices, guard } from '@tradepost/auth'
import { withViewerPrices } from '@tradepost/domain/pricing'
import { searchViewer } from '@tradepost/domain/visibility'
import { getHomePage, type HomePageDto } from '@tradepost/domain/catalog'
import { findStorefrontByHost, type StorefrontDto } from '@tradepost/domain/organizations'
import { KNOWN_LOCATIONS, SHIP_TO_LOCATION, type KnownLocation } from '@tradepost/domain/schemas'
import type { SearchHit } from '@tradepost/search'
import { LocationSelect } from '@tradepost/ui/components/location.tsx'
import { FromPrices } from '@tradepost/ui/components/money.tsx'
import { StorefrontView } from '../components/storefront-view.tsx'
import { loadStorefront } from '../search.server.ts'
import { EmptyState } from '@tradepost/ui/components/data.tsx'
import { Thumb } from '@tradepost/ui/components/product-image.tsx'
import { kit } from '../app.server.ts'
import { resolveNear } from '../near.server.ts'
import { metaTitle } from '@tradepost/ui/i18n/meta.ts'

export const meta = metaTitle('app.marketplace')

export const loader = guard(async ({ request }: LoaderFunctionArgs) => {
  const rc = await kit.getRequestContext(request)
  // A host name mapped to a storefront serves that storefront at its root.
  // The app server let only configured hosts and storefront host names through.
  const host = new URL(request.url).hostname
  const storefront = host.includes('.') && !/^[\d.]+$/.test(host) ? await findStorefrontByHost(rc.ctx, host) : null
  if (storefront) return loadStorefront(request, storefront)
  const { at: near, code: nearCode, shipTo } = await resolveNear(rc.ctx, new URL(request.url).searchParams)
  const { search } = await getServices()
  // Featured: products in stock, the nearest first once the buyer says where they are.
  const viewer = searchViewer(rc.ctx.actor)
  const featured = await search.search({ viewer, inStock: true, near: near ?? undefined, sort: near ? 'nearest' : 'relevance', perPage: 8 })
  // Brands with something published: the index's brand facet over every product.
  const brands = (await search.search({ viewer, perPage: 1 })).facets.brands.map((b) => ({ slug: b.value, name: b.label }))
  return data({ home: await getHomePage(rc.ctx, near), brands, featured: (await withViewerPrices(rc.ctx, featured.hits)).hits, near: nearCode, shipTo, signedIn: !!rc.user, portalUrl: appUrl('portal') }, { headers: rc.headers })
})

export default function Home() {
  const data = useLoaderData<{ storefront?: StorefrontDto }>()
  return data.storefront ? <StorefrontView /> : <Marketplace />
}

function Marketplace() {
  const { t, i18n } = useTranslation()
  const { home, brands, featured, near, shipTo, signedIn, portalUrl } = useLoaderData<{ home: HomePageDto; brands: { slug: string; name: string }[]; featured: SearchHit[]; near: string; shipTo: { name: string; city: string } | null; signedIn: boolean; portalUrl: string }>()
  const vi = i18n.language === 'vi'
  const place = near === SHIP_TO_LOCATION ? (shipTo?.name ?? null) : near ? KNOWN_LOCATIONS[near as KnownLocation].name : null
  return (
    <>
      <section className="hero">
        <h1>{t('home.heroTitle')}</h1>
        <p>{t('home.heroBody')}</p>
        {signedIn ? null : (
          <p>
            <Link to="/signup" className="button primary">
              {t('auth.signupBuyerTitle')}
            </Link>{' '}
            <a href={`${portalUrl}/signup`} className="button secondary">
              {t('home.becomeSeller')}
            </a>
          </p>
        )}
      </section>
      <Form method="get" className="toolbar">
        <LocationSelect value={near} applyOnChange shipTo={shipTo} />
        <button type="submit" className="button secondary">
          {t('search.apply')}
        </button>
      </Form>
      <section aria-labelledby="home-categories">
        <h2 id="home-categories">{t('home.categories')}</h2>
        <ul className="chips">
          {home.categories.map((c) => (
            <li key={c.slug}>
              <Link to={`/c/${c.slug}${near ? `?near=${near}` : ''}`} className="chip">
                {vi ? c.nameVi : c.nameEn}
              </Link>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="home-featured">
        <h2 id="home-featured">{place ? t('home.inStockNear', { place }) : t('home.featured')}</h2>
        {featured.length === 0 ? (
          <EmptyState title={t('search.none')} />
        ) : (
          <ul className="cards product-cards">
            {featured.map((h) => (
              <li key={h.id}>
                <Thumb image={h.image} sizes="(max-width: 640px) calc(100vw - 3.5rem), 220px" className="card-image" />
                <Link to={`/p/${h.slug}${near ? `?near=${near}` : ''}`}>
                  <strong>{vi ? h.nameVi : h.nameEn}</strong>
                </Link>
                <p className="muted">
                  {h.brand?.name ? `${h.brand.name} · ` : ''}
                  {h.mpn}
                </p>
                <FromPrices prices={h.minPrices} hidden={h.priceHidden} />
                <p className="meta">
                  {t('search.offers', { count: h.offerCount })}
                  {h.nearestKm !== null ? ` · ${t('search.kmAway', { km: h.nearestKm })}` : ''}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="home-sellers">
        <h2 id="home-sellers">{place ? t('home.sellersNear', { place }) : t('home.sellers')}</h2>
        {home.sellers.length === 0 ? (
          <EmptyState title={t('home.noSellers')} />
        ) : (
          <ul className="cards">
            {home.sellers.map((s) => (
              <li key={s.id}>
                <Link to={`/s/${s.slug}`}>
                  <strong>{s.name}</strong>
                </Link>
                <p className="muted">
                  {t(`kinds.${s.kind}`)}
                  {s.cities.length ? ` · ${s.cities.join(', ')}` : ''}
                </p>
                {s.nearestKm !== null ? <p className="meta">{t('home.warehouseKm', { km: s.nearestKm })}</p> : null}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="home-brands">
        <h2 id="home-brands">{t('home.brands')}</h2>
        <ul className="chips">
          {brands.map((b) => (
            <li key={b.slug}>
              <Link to={`/b/${b.slug}${near ? `?near=${near}` : ''}`} className="chip">
                {b.name}
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </>
  )
}
