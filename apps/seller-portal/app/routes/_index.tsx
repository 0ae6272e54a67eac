import { data, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { appUrl, guard } from '@tradepost/auth'
import { getSellerDashboard, type SellerDashboardDto } from '@tradepost/domain/dashboard'
import { buyingOrganizationOf, operatorOverview } from '@tradepost/domain/organizations'
import { BarChart, ColumnChart } from '@tradepost/ui/components/charts.tsx'
import { DataTable, EmptyState, FormattedDate, formatNumber, localeTag } from '@tradepost/ui/components/data.tsx'
import { Notice } from '@tradepost/ui/components/forms.tsx'
import { PageHeader } from '@tradepost/ui/components/shell.tsx'
import { kit } from '../app.server.ts'
import { metaTitle } from '@tradepost/ui/i18n/meta.ts'

export const meta = metaTitle('nav.dashboard')

export const loader = guard(async ({ request }: LoaderFunctionArgs) => {
  const rc = await kit.requireUser(request)
  const m = rc.ctx.actor.membership
  const active = m?.organizationStatus === 'active'
  const overview = active && m.organizationKind === 'operator' ? await operatorOverview(rc.ctx) : null
  const seller = active && (m.organizationKind === 'manufacturer' || m.organizationKind === 'distributor') ? await getSellerDashboard(rc.ctx) : null
  const buying = seller ? { organization: await buyingOrganizationOf(rc.ctx), marketplaceUrl: appUrl('marketplace') } : null
  return data({ name: rc.user.name, membership: m, overview, seller, buying }, { headers: rc.headers })
})

export default function Dashboard() {
  const { t } = useTranslation()
  const { name, membership: m, overview, seller, buying } = useLoaderData<typeof loader>()
  return (
    <>
      <PageHeader title={t('dashboard.welcome', { name })} />
      {!m ? (
        <Notice tone="warning">{t('dashboard.noOrganization')}</Notice>
      ) : m.organizationStatus === 'pending' ? (
        <Notice tone="warning">
          <strong>{t('dashboard.pendingTitle')}</strong>
          <p>{t('dashboard.pendingBody', { organization: m.organizationName })}</p>
        </Notice>
      ) : m.organizationStatus === 'suspended' ? (
        <Notice tone="error">
          <strong>{t('dashboard.suspendedTitle')}</strong>
          <p>{t('dashboard.suspendedBody', { organization: m.organizationName })}</p>
        </Notice>
      ) : m.organizationStatus === 'rejected' ? (
        <Notice tone="error">
          <strong>{t('dashboard.rejectedTitle')}</strong>
          <p>{t('dashboard.rejectedBody')}</p>
        </Notice>
      ) : (
        <p className="muted">{t('dashboard.activeAs', { organization: m.organizationName, role: t(`roles.${m.role}`) })}</p>
      )}
      {overview ? (
        <div className="grid-2">
          <section className="panel">
            <p>{t('dashboard.operatorIntro')}</p>
            <p className="stat">{overview.pending}</p>
            <Link to="/organizations?status=pending">{t('dashboard.pendingApplications', { count: overview.pending })}</Link>
          </section>
          <section className="panel">
            <BarChart title={t('dashboard.orgsByKind')} data={overview.byKind.map((k) => ({ label: t(`kinds.${k.kind}`), value: k.count }))} />
          </section>
        </div>
      ) : null}
      {seller && m ? <SellerDashboard d={seller} isAdmin={m.role === 'admin'} /> : null}
      {buying && m ? <BuyingPanel buying={buying} isAdmin={m.role === 'admin'} /> : null}
    </>
  )
}

/** Sellers buy too: the seller's buying organization in the marketplace, or the button that makes it. */
function BuyingPanel({ buying, isAdmin }: { buying: { organization: { id: string; name: string } | null; marketplaceUrl: string }; isAdmin: boolean }) {
  const { t } = useTranslation()
  const created = useSearchParams()[0].get('notice') === 'buying'
  return (
    <section className="panel" id="buying" aria-labelledby="buying-title">
      <h2 id="buying-title">{t('buying.title')}</h2>
      {buying.organization ? (
        <>
          {created ? <Notice tone="success">{t('buying.created', { name: buying.organization.name })}</Notice> : null}
          <p>{t('buying.exists', { name: buying.organization.name })}</p>
          <a href={buying.marketplaceUrl} className="button secondary">
            {t('buying.open')}
          </a>
        </>
      ) : (
        <>
          <p className="muted">{t('buying.intro')}</p>
          {isAdmin ? (
            <Form method="post" action="/buying">
              <button type="submit" className="button primary">
                {t('buying.create')}
              </button>
            </Form>
          ) : (
            <p className="hint">{t('buying.adminsOnly')}</p>
          )}
        </>
      )}
    </section>
  )
}

function SellerDashboard({ d, isAdmin }: { d: SellerDashboardDto; isAdmin: boolean }) {
  const { t, i18n } = useTranslation()
  const locale = localeTag(i18n.language)
  const dayLabel = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' })
  const steps = [
    { done: d.checklist.storefront, label: t('dashboard.stepStorefront'), to: isAdmin ? '/storefront' : null },
    { done: d.checklist.warehouses, label: t('dashboard.stepWarehouses'), to: '/warehouses' },
    { done: d.checklist.authorizations, label: d.kind === 'manufacturer' ? t('dashboard.stepAuthorizationsMaker') : t('dashboard.stepAuthorizationsDistributor'), to: d.kind === 'manufacturer' ? '/brands' : '/authorizations' },
    { done: d.checklist.firstOffer, label: t('dashboard.stepFirstOffer'), to: '/offers/new' },
  ]
  const totalViews = d.views.reduce((n, v) => n + v.views, 0)
  return (
    <>
      {steps.some((s) => !s.done) ? (
        <section className="panel" aria-labelledby="first-steps">
          <h2 id="first-steps">{t('dashboard.firstSteps')}</h2>
          <p className="muted">{t('dashboard.firstStepsIntro')}</p>
          <ol className="checklist">
            {steps.map((s) => (
              <li key={s.label} className={s.done ? 'done' : undefined}>
                <span className="check" aria-hidden="true">
                  {s.done ? '✓' : ''}
                </span>
                <span className="visually-hidden">{s.done ? t('dashboard.done') : t('dashboard.toDo')}: </span>
                {s.to && !s.done ? <Link to={s.to}>{s.label}</Link> : <span className="step-label">{s.label}</span>}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      <div className="stats">
        <Link to="/orders?status=placed" className={`panel stat-card${d.orders.toConfirm ? ' warn' : ''}`} data-testid="orders-to-confirm">
          <span className="stat">{d.orders.toConfirm}</span>
          <span>{t('dashboard.ordersToConfirm')}</span>
        </Link>
        <Link to="/orders?status=confirmed" className="panel stat-card">
          <span className="stat">{d.orders.toShip}</span>
          <span>{t('dashboard.ordersToShip')}</span>
        </Link>
        <Link to="/offers?status=active" className="panel stat-card">
          <span className="stat">{d.offers.active}</span>
          <span>{t('dashboard.activeOffers')}</span>
        </Link>
        <Link to="/offers?status=paused" className="panel stat-card">
          <span className="stat">{d.offers.paused}</span>
          <span>{t('dashboard.pausedOffers')}</span>
        </Link>
        <div className={`panel stat-card${d.offers.outOfStock ? ' warn' : ''}`}>
          <span className="stat">{d.offers.outOfStock}</span>
          <span>{t('dashboard.outOfStock')}</span>
        </div>
      </div>
      <div className="grid-2">
        <section className="panel">
          <ColumnChart title={t('dashboard.storefrontViews', { days: d.views.length })} data={d.views.map((v) => ({ label: dayLabel.format(new Date(`${v.day}T00:00:00Z`)), value: v.views }))} />
          <p className="muted">
            {t('dashboard.viewsTotal', { count: totalViews, days: d.views.length })}. {t('dashboard.viewsNote')}
          </p>
        </section>
        <section className="panel">
          {d.stockByWarehouse.length ? (
            <BarChart title={t('dashboard.stockByWarehouse')} data={d.stockByWarehouse.map((w) => ({ label: w.name, value: w.units }))} format={(n) => formatNumber(n, i18n.language)} />
          ) : (
            <>
              <h2 className="chart-title">{t('dashboard.stockByWarehouse')}</h2>
              <EmptyState title={t('dashboard.noWarehouses')}>
                <Link to="/warehouses">{t('warehouses.add')}</Link>
              </EmptyState>
            </>
          )}
        </section>
      </div>
      <div className="grid-2">
        <section className="panel">
          <h2>{t('dashboard.lastImports')}</h2>
          {d.imports.length ? (
            <DataTable head={[t('imports.file'), t('common.status'), t('dashboard.rows'), t('common.created')]}>
              {d.imports.map((j) => (
                <tr key={j.id}>
                  <td>
                    <Link to={`/imports/${j.id}`}>{j.filename}</Link>
                  </td>
                  <td>{t(`imports.statuses.${j.status}`)}</td>
                  <td>
                    {t(j.checkOnly ? 'imports.checkedRows' : 'imports.savedRows', { count: j.okRows })}, {t('imports.refusedRows', { count: j.errorRows })}
                  </td>
                  <td>
                    <FormattedDate iso={j.createdAt} />
                  </td>
                </tr>
              ))}
            </DataTable>
          ) : (
            <EmptyState title={t('dashboard.noImports')} />
          )}
          <p>
            <Link to="/imports">{t('dashboard.viewAll')}</Link>
          </p>
        </section>
        <section className="panel">
          <h2>{d.kind === 'manufacturer' ? t('dashboard.granted') : t('dashboard.received')}</h2>
          <p className="stat">{d.kind === 'manufacturer' ? d.authorizations.granted : d.authorizations.received}</p>
          <p className="muted">{d.kind === 'manufacturer' ? t('dashboard.grantedCount', { count: d.authorizations.granted }) : t('dashboard.receivedCount', { count: d.authorizations.received })}</p>
          {d.authorizations.rows.length ? (
            <ul className="plain-list">
              {d.authorizations.rows.map((a) => (
                <li key={`${a.brandName}:${a.distributorName}`}>
                  <strong>{a.brandName}</strong>
                  {d.kind === 'manufacturer' ? ` → ${a.distributorName}` : null}
                </li>
              ))}
            </ul>
          ) : (
            <p>{t('dashboard.noAuthorizations')}</p>
          )}
          <p>
            <Link to="/authorizations">{t('dashboard.viewAll')}</Link>
          </p>
        </section>
      </div>
    </>
  )
}
