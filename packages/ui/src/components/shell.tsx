import { Form, Link, useLocation, useNavigation } from '@remix-run/react'
import { Menu, Triangle, type LucideIcon } from 'lucide-react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { LANGUAGE_NAMES, LANGUAGES } from '../i18n/index.ts'
import { AccountMenu } from './menu.tsx'
import { ToastArea } from './toast.tsx'

export interface ShellOrganization {
  organizationId: string
  name: string
  kind: string
  status: string
}

export interface NavItem {
  to: string
  label: string
  icon?: LucideIcon
  /** A path whose pages all belong to this item (it is current on any of them). */
  section?: string
}

export interface AppShellProps {
  product: string
  nav: NavItem[]
  /** `sidebar`: the seller portal's many sections in a column on the left (desktop); `top`: a bar. */
  layout?: 'top' | 'sidebar'
  user: { name: string; email: string } | null
  organizations: ShellOrganization[]
  activeOrganizationId: string | null
  /** Shown between the navigation and the tools (the marketplace's search box). */
  headerExtra?: ReactNode
  /** Shown above the header on every page (someone acting as this user). */
  banner?: ReactNode
  children: ReactNode
}

/** The frame of every page: header, navigation, account menu and language switcher. */
export function AppShell({ product, nav, layout = 'top', user, organizations, activeOrganizationId, headerExtra, banner, children }: AppShellProps) {
  const { t } = useTranslation()
  const location = useLocation()
  const navigation = useNavigation()
  const here = location.pathname + location.search
  // The item of this page: its path or one below it ('/' only itself), or its section. Worked out
  // here once rather than by a NavLink per item (each resolves and matches paths of its own, on
  // every page, twice: the bar and the phone menu).
  const current = (to: string, section?: string) => location.pathname === to || (to !== '/' && location.pathname.startsWith(`${to}/`)) || (!!section && location.pathname.startsWith(section))
  const links = (withIcons: boolean) =>
    nav.map(({ to, label, icon: Icon, section }) => (
      <Link key={to} to={to} {...(current(to, section) ? { className: 'active', 'aria-current': 'page' as const } : {})}>
        {withIcons && Icon ? <Icon aria-hidden="true" size={18} /> : null}
        {label}
      </Link>
    ))
  const brand = (
    <Link to="/" className="brand">
      <span className="logo" aria-hidden="true">
        <Triangle size={14} fill="currentColor" />
      </span>
      <span>
        {t('app.name')} <small>{product}</small>
      </span>
    </Link>
  )
  const sidebar = layout === 'sidebar'
  return (
    <ToastArea>
      <a href="#main" className="skip-link">
        {t('app.skipToContent')}
      </a>
      <div className={sidebar ? 'shell-sidebar' : undefined}>
        {sidebar ? (
          <aside className="sidebar">
            {brand}
            <nav aria-label={t('common.mainNavigation')} className="sidenav">
              {links(true)}
            </nav>
          </aside>
        ) : null}
        <div className="shell-body">
          {banner}
          <header className="topbar">
            {sidebar ? <span className="phone-only">{brand}</span> : brand}
            {sidebar ? <span className="topbar-org">{organizations.find((o) => o.organizationId === activeOrganizationId)?.name}</span> : null}
            {sidebar ? null : (
              <nav aria-label={t('common.mainNavigation')} className="mainnav">
                {links(false)}
              </nav>
            )}
            {/* On a phone the navigation folds into a menu (a disclosure: it works without JavaScript). */}
            <details className="phonenav" key={location.pathname}>
              <summary className="button secondary small">
                <Menu aria-hidden="true" size={18} />
                <span className="menu-label">{t('common.menu')}</span>
              </summary>
              <nav aria-label={t('common.mainNavigation')}>{links(true)}</nav>
            </details>
            {headerExtra}
            <div className="topbar-tools">
              <Form method="post" action="/set-language" className="switcher">
                <input type="hidden" name="redirectTo" value={here} />
                {LANGUAGES.map((lng) => (
                  <button key={lng} type="submit" name="lng" value={lng} className="lang" lang={lng} title={LANGUAGE_NAMES[lng]}>
                    {lng.toUpperCase()}
                  </button>
                ))}
              </Form>
              {user ? (
                <AccountMenu user={user} organizations={organizations} activeOrganizationId={activeOrganizationId} />
              ) : (
                <Link to="/login" className="button primary small">
                  {t('common.signIn')}
                </Link>
              )}
            </div>
          </header>
          <div className={`progress ${navigation.state !== 'idle' ? 'active' : ''}`} aria-hidden="true" />
          <main id="main" className="container">
            {children}
          </main>
          <footer className="footer">
            <p>
              {t('app.name')} · {t('app.tagline')}
            </p>
          </footer>
        </div>
      </div>
    </ToastArea>
  )
}

export function PageHeader({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="page-header">
      <h1>{title}</h1>
      {children ? <div className="page-actions">{children}</div> : null}
    </div>
  )
}
