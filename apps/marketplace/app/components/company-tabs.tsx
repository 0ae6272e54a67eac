import { NavLink, useRouteLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { loader as rootLoader } from '../root.tsx'

/** The company's pages, one tab each: where it receives goods, what its people may spend, who approves, who its people are. */
export function CompanyTabs() {
  const { t } = useTranslation()
  const root = useRouteLoaderData<typeof rootLoader>('root')
  const active = root?.active
  const tabs = [
    { to: '/account/ship-to', label: t('nav.shipTo') },
    { to: '/account/spending', label: t('nav.spending') },
    { to: '/account/approvals', label: t('nav.approvals') },
    ...(active?.role === 'admin' ? [{ to: '/account/members', label: t('nav.members') }] : []),
  ]
  if (active?.kind !== 'buyer' || active.status !== 'active') return null
  return (
    <nav className="subnav" aria-label={t('nav.company')}>
      {tabs.map((tab) => (
        <NavLink key={tab.to} to={tab.to} className="chip">
          {tab.label}
        </NavLink>
      ))}
    </nav>
  )
}
