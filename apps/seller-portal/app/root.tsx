import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import { Outlet, useLoaderData } from '@remix-run/react'
import { Award, BadgeDollarSign, Bell, Building2, Contact, CreditCard, Handshake, LayoutDashboard, Mail, MessageSquareQuote, Package, Percent, ReceiptText, ScrollText, ShoppingCart, Store, Tags, Upload, Users, Wallet, Warehouse } from 'lucide-react'
import { useTranslation } from 'react-i18next'
import { Document, ErrorPage } from '@tradepost/ui/components/document.tsx'
import { AppShell, type NavItem } from '@tradepost/ui/components/shell.tsx'
import styles from '@tradepost/ui/styles.css?url'
import type { LoadContext } from '@tradepost/auth/routes'
import { auth, devMailboxAllowed } from './app.server.ts'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]

export const loader = ({ request, context }: LoaderFunctionArgs) =>
  auth.rootLoader(request, (rc) => ({
    mailbox: devMailboxAllowed(rc, (context as LoadContext).clientIp),
    // Unread notifications in the active organization, read with the memberships.
    unread: rc.organizations.find((o) => o.organizationId === rc.ctx.actor.membership?.organizationId)?.unreadNotifications ?? null,
  }))

export function Layout({ children }: { children: React.ReactNode }) {
  return <Document>{children}</Document>
}

function Shell({ children }: { children: React.ReactNode }) {
  const { t } = useTranslation()
  const data = useLoaderData<typeof loader>()
  const active = data?.active
  const nav: NavItem[] = [{ to: '/', label: t('nav.dashboard'), icon: LayoutDashboard }]
  const selling = active?.status === 'active' && (active.kind === 'manufacturer' || active.kind === 'distributor')
  if (selling) nav.push({ to: '/orders', label: t('nav.orders'), icon: ShoppingCart }, { to: '/invoices', label: t('nav.invoices'), icon: ReceiptText }, { to: '/products', label: t('nav.products'), icon: Package }, { to: '/offers', label: t('nav.offers'), icon: Tags }, { to: '/imports', label: t('imports.title'), icon: Upload }, { to: '/warehouses', label: t('warehouses.title'), icon: Warehouse })
  if (active?.status === 'active' && active.kind === 'manufacturer') nav.push({ to: '/brands', label: t('catalog.brands'), icon: Award })
  if (selling) nav.push({ to: '/authorizations', label: t('catalog.authorizations'), icon: Handshake })
  if (selling) nav.push({ to: '/customers', label: t('nav.customers'), icon: Contact }, { to: '/price-lists', label: t('nav.priceLists'), icon: BadgeDollarSign }, { to: '/quotes', label: t('quotes.title'), icon: MessageSquareQuote })
  if (selling && active.role === 'admin') nav.push({ to: '/storefront', label: t('storefront.settings'), icon: Store })
  if (active?.status === 'active' && active.role === 'admin' && (selling || active.kind === 'operator')) nav.push({ to: '/balance', label: t('nav.balance'), icon: Wallet })
  if (active?.status === 'active' && active.role === 'admin' && selling) nav.push({ to: '/payments', label: t('nav.payments'), icon: CreditCard })
  const unread = (data as { unread?: number | null } | undefined)?.unread
  if (active?.status === 'active' && unread != null) nav.push({ to: '/notifications', label: unread ? t('nav.notificationsCount', { count: unread }) : t('nav.notifications'), icon: Bell })
  if (active?.status === 'active' && active.role === 'admin') nav.push({ to: '/members', label: t('nav.members'), icon: Users })
  if (active?.status === 'active' && active.kind === 'operator') nav.push({ to: '/organizations', label: t('nav.organizations'), icon: Building2 }, { to: '/commission', label: t('nav.commission'), icon: Percent })
  if (active?.status === 'active' && (active.role === 'admin' || active.kind === 'operator')) nav.push({ to: '/audit', label: t('nav.audit'), icon: ScrollText })
  // The dev mailbox (outside production only) is a tool of the operator and of visitors reading a reset link, not of sellers.
  if ((data as { mailbox?: boolean } | undefined)?.mailbox && (!data?.user || active?.kind === 'operator')) nav.push({ to: '/dev/mailbox', label: t('nav.mailbox'), icon: Mail })
  return (
    <AppShell product={t('app.sellerPortal')} nav={nav} layout="sidebar" user={data?.user ?? null} organizations={data?.organizations ?? []} activeOrganizationId={active?.id ?? null}>
      {children}
    </AppShell>
  )
}

export default function App() {
  return (
    <Shell>
      <Outlet />
    </Shell>
  )
}

export function ErrorBoundary() {
  return <ErrorPage />
}
