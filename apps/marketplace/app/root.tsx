import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import { Form, Outlet, useLoaderData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Document, ErrorPage } from '@tradepost/ui/components/document.tsx'
import { AppShell, type NavItem } from '@tradepost/ui/components/shell.tsx'
import { ImpersonationBanner } from '@tradepost/ui/components/impersonation-banner.tsx'
import styles from '@tradepost/ui/styles.css?url'
import { canBuy } from '@tradepost/domain/orders'
import { auth } from './app.server.ts'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]

// How many lines the cart holds (people who buy) and unread notifications, for the header: read with the memberships, no query of their own.
export const loader = ({ request }: LoaderFunctionArgs) =>
  auth.rootLoader(request, (rc) => {
    const active = rc.organizations.find((o) => o.organizationId === rc.ctx.actor.membership?.organizationId)
    return { cartLines: canBuy(rc.ctx) ? (active?.cartLines ?? 0) : null, unread: active ? active.unreadNotifications : null }
  })

export function Layout({ children }: { children: React.ReactNode }) {
  return <Document>{children}</Document>
}

export default function App() {
  const { t } = useTranslation()
  const data = useLoaderData<typeof loader>()
  const active = data?.active
  const [params] = useSearchParams()
  const nav: NavItem[] = [
    { to: '/', label: t('nav.home') },
    { to: '/search', label: t('nav.search') },
  ]
  // The company's pages (ship-to, spending limits, approval rules, members) share one item and a sub-navigation.
  if (active?.status === 'active' && active.kind === 'buyer') {
    nav.push({ to: '/orders', label: t('nav.orders') }, { to: '/invoices', label: t('nav.invoices') })
    nav.push({ to: '/account/ship-to', label: t('nav.company'), section: '/account/' })
  }
  if (data?.cartLines != null) nav.push({ to: '/cart', label: data.cartLines ? t('nav.cartCount', { count: data.cartLines }) : t('nav.cart') })
  if (active?.status === 'active' && data?.unread != null) nav.push({ to: '/notifications', label: data.unread ? t('nav.notificationsCount', { count: data.unread }) : t('nav.notifications') })
  return (
    <AppShell product={t('app.marketplace')} nav={nav} user={data?.user ?? null} organizations={data?.organizations ?? []} activeOrganizationId={active?.id ?? null}
      banner={data?.impersonation && data.user ? <ImpersonationBanner impersonation={data.impersonation} userName={data.user.name} /> : null}
      headerExtra={
        <Form method="get" action="/search" className="searchbox" role="search">
          <label htmlFor="site-search" className="visually-hidden">
            {t('search.title')}
          </label>
          <input id="site-search" name="q" type="search" defaultValue={params.get('q') ?? ''} placeholder={t('search.placeholder')} />
          <button type="submit" className="button primary small">
            {t('search.button')}
          </button>
        </Form>
      }
    >
      <Outlet />
    </AppShell>
  )
}

export function ErrorBoundary() {
  return <ErrorPage />
}
