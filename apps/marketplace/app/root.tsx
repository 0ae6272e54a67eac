import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import { Outlet, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Document, ErrorPage } from '@tradepost/ui/components/document.tsx'
import { AppShell } from '@tradepost/ui/components/shell.tsx'
import styles from '@tradepost/ui/styles.css?url'
import { auth } from './app.server.ts'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]

export const loader = ({ request }: LoaderFunctionArgs) => auth.rootLoader(request)

export function Layout({ children }: { children: React.ReactNode }) {
  return <Document>{children}</Document>
}

export default function App() {
  const { t } = useTranslation()
  const data = useLoaderData<typeof loader>()
  const active = data?.active
  const nav = [{ to: '/', label: t('nav.home') }]
  if (active?.status === 'active' && active.role === 'admin') nav.push({ to: '/account/members', label: t('nav.members') })
  return (
    <AppShell product={t('app.marketplace')} nav={nav} user={data?.user ?? null} organizations={data?.organizations ?? []} activeOrganizationId={active?.id ?? null}>
      <Outlet />
    </AppShell>
  )
}

export function ErrorBoundary() {
  return <ErrorPage />
}
