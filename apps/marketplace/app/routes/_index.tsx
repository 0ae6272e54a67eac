import { data, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { appUrl, guard } from '@tradepost/auth'
import { findStorefrontByHost, listPublicSellers, type StorefrontDto } from '@tradepost/domain/organizations'
import { StorefrontView } from '../components/storefront-view.tsx'
import { loadSearch } from '../search.server.ts'
import { EmptyState } from '@tradepost/ui/components/data.tsx'
import { kit } from '../app.server.ts'
import { metaTitle } from '@tradepost/ui/i18n/meta.ts'

export const meta = metaTitle('app.marketplace')

export const loader = guard(async ({ request }: LoaderFunctionArgs) => {
  const rc = await kit.getRequestContext(request)
  // A host name mapped to a storefront serves that storefront at its root.
  // The app server let only configured hosts and storefront host names through.
  const host = new URL(request.url).hostname
  const storefront = host.includes('.') && !/^[\d.]+$/.test(host) ? await findStorefrontByHost(rc.ctx, host) : null
  if (storefront) return loadSearch(request, { sellers: [storefront.slug] }, { storefront })
  return data({ sellers: await listPublicSellers(rc.ctx), signedIn: !!rc.user, portalUrl: appUrl('portal') }, { headers: rc.headers })
})

export default function Home() {
  const data = useLoaderData<{ storefront?: StorefrontDto }>()
  return data.storefront ? <StorefrontView /> : <Marketplace />
}

function Marketplace() {
  const { t } = useTranslation()
  const { sellers, signedIn, portalUrl } = useLoaderData<{ sellers: { id: string; name: string; slug: string; kind: string; country: string }[]; signedIn: boolean; portalUrl: string }>()
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
      <h2>{t('home.sellers')}</h2>
      {sellers.length === 0 ? (
        <EmptyState title={t('home.noSellers')} />
      ) : (
        <ul className="cards">
          {sellers.map((s) => (
            <li key={s.id}>
              <Link to={`/s/${s.slug}`}>
                <strong>{s.name}</strong>
              </Link>
              <p className="muted">
                {t(`kinds.${s.kind}`)} · {s.country}
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  )
}
