import { data, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { guard } from '@tradepost/auth'
import { listPublicSellers } from '@tradepost/domain/organizations'
import { EmptyState } from '@tradepost/ui/components/data.tsx'
import { kit } from '../app.server.ts'
import { metaTitle } from '@tradepost/ui/i18n/meta.ts'

export const meta = metaTitle('app.marketplace')

export const loader = guard(async ({ request }: LoaderFunctionArgs) => {
  const rc = await kit.getRequestContext(request)
  return data({ sellers: await listPublicSellers(rc.ctx), signedIn: !!rc.user, portalUrl: process.env.SELLER_PORTAL_URL ?? 'http://localhost:3001' }, { headers: rc.headers })
})

export default function Home() {
  const { t } = useTranslation()
  const { sellers, signedIn, portalUrl } = useLoaderData<typeof loader>()
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
              <strong>{s.name}</strong>
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
