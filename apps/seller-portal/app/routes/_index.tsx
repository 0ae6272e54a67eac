import { data, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { guard } from '@tradepost/auth'
import { operatorOverview } from '@tradepost/domain/organizations'
import { BarChart } from '@tradepost/ui/components/data.tsx'
import { Notice } from '@tradepost/ui/components/forms.tsx'
import { PageHeader } from '@tradepost/ui/components/shell.tsx'
import { kit } from '../app.server.ts'
import { metaTitle } from '@tradepost/ui/i18n/meta.ts'

export const meta = metaTitle('nav.dashboard')

export const loader = guard(async ({ request }: LoaderFunctionArgs) => {
  const rc = await kit.requireUser(request)
  const m = rc.ctx.actor.membership
  const overview = m?.organizationKind === 'operator' && m.organizationStatus === 'active' ? await operatorOverview(rc.ctx) : null
  return data({ name: rc.user.name, membership: m, overview }, { headers: rc.headers })
})

export default function Dashboard() {
  const { t } = useTranslation()
  const { name, membership: m, overview } = useLoaderData<typeof loader>()
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
    </>
  )
}
