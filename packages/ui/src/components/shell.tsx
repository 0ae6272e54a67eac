import { Form, Link, NavLink, useLocation, useNavigation } from '@remix-run/react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { LANGUAGE_NAMES, LANGUAGES } from '../i18n/index.ts'

export interface ShellOrganization {
  organizationId: string
  name: string
  kind: string
  status: string
}

export interface AppShellProps {
  product: string
  nav: { to: string; label: string }[]
  user: { name: string; email: string } | null
  organizations: ShellOrganization[]
  activeOrganizationId: string | null
  /** Shown between the navigation and the tools (the marketplace's search box). */
  headerExtra?: ReactNode
  children: ReactNode
}

/** The frame of every page: header, navigation, organization and language switchers. */
export function AppShell({ product, nav, user, organizations, activeOrganizationId, headerExtra, children }: AppShellProps) {
  const { t } = useTranslation()
  const location = useLocation()
  const navigation = useNavigation()
  const here = location.pathname + location.search
  const links = nav.map((item) => (
    <NavLink key={item.to} to={item.to} end={item.to === '/'}>
      {item.label}
    </NavLink>
  ))
  return (
    <>
      <a href="#main" className="skip-link">
        {t('app.skipToContent')}
      </a>
      <header className="topbar">
        <Link to="/" className="brand">
          <span className="logo" aria-hidden="true">
            ▲
          </span>
          <span>
            {t('app.name')} <small>{product}</small>
          </span>
        </Link>
        <nav aria-label={t('common.mainNavigation')} className="mainnav">
          {links}
        </nav>
        {/* On a phone the navigation folds into a menu (a disclosure: it works without JavaScript). */}
        <details className="phonenav" key={location.pathname}>
          <summary className="button secondary small">{t('common.menu')}</summary>
          <nav aria-label={t('common.mainNavigation')}>{links}</nav>
        </details>
        {headerExtra}
        <div className="topbar-tools">
          {user && organizations.length > 1 ? (
            <Form method="post" action="/switch-org" className="switcher">
              <input type="hidden" name="redirectTo" value="/" />
              <label htmlFor="org-switcher" className="visually-hidden">
                {t('common.organization')}
              </label>
              <select id="org-switcher" name="organizationId" defaultValue={activeOrganizationId ?? undefined}>
                {organizations.map((o) => (
                  <option key={o.organizationId} value={o.organizationId}>
                    {o.name}
                  </option>
                ))}
              </select>
              <button type="submit" className="button secondary small">
                {t('common.switch')}
              </button>
            </Form>
          ) : null}
          <Form method="post" action="/set-language" className="switcher">
            <input type="hidden" name="redirectTo" value={here} />
            {LANGUAGES.map((lng) => (
              <button key={lng} type="submit" name="lng" value={lng} className="lang" lang={lng} title={LANGUAGE_NAMES[lng]}>
                {lng.toUpperCase()}
              </button>
            ))}
          </Form>
          {user ? (
            <details className="usermenu">
              <summary>{user.name}</summary>
              <div className="menu">
                <p className="muted">{user.email}</p>
                <Form method="post" action="/logout">
                  <button type="submit" name="scope" value="this" className="button secondary small">
                    {t('common.signOut')}
                  </button>
                  <button type="submit" name="scope" value="all" className="button secondary small">
                    {t('common.signOutEverywhere')}
                  </button>
                </Form>
              </div>
            </details>
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
    </>
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
