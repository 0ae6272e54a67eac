import { data, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { guard } from '@tradepost/auth'
import { listMyPriceLists } from '@tradepost/domain/pricing'
import { DataTable, EmptyState, Num } from '@tradepost/ui/components/data.tsx'
import { PageHeader } from '@tradepost/ui/components/shell.tsx'
import { Flash } from '@tradepost/ui/components/toast.tsx'
import { metaTitle } from '@tradepost/ui/i18n/meta.ts'
import { kit } from '../app.server.ts'
import { validityLabel } from '../price-lists.ts'

export const meta = metaTitle('priceLists.title')

export const loader = guard(async ({ request }: LoaderFunctionArgs) => {
  const rc = await kit.requireMember(request)
  const role = rc.ctx.actor.membership?.role
  return data({ lists: await listMyPriceLists(rc.ctx), canManage: role === 'admin' || role === 'sales' }, { headers: rc.headers })
})

export default function PriceLists() {
  const { t } = useTranslation()
  const { lists, canManage } = useLoaderData<typeof loader>()
  const notice = useSearchParams()[0].get('notice')
  return (
    <>
      <PageHeader title={t('priceLists.title')}>
        <a className="button secondary" href="/price-lists.csv" download>
          {t('priceLists.export')}
        </a>
        {canManage ? (
          <>
            <Link to="/imports" className="button secondary">
              {t('priceLists.import')}
            </Link>
            <Link to="/price-lists/new" className="button">
              {t('priceLists.new')}
            </Link>
          </>
        ) : null}
      </PageHeader>
      <p className="muted">{t('priceLists.intro')}</p>
      {notice === 'deleted' ? <Flash>{t('priceLists.deleted')}</Flash> : null}
      {lists.length === 0 ? (
        <EmptyState title={t('priceLists.none')} />
      ) : (
        <DataTable head={[t('priceLists.name'), t('priceLists.scope'), t('priceLists.currency'), t('priceLists.priority'), t('priceLists.validity'), t('priceLists.entries'), '']}>
          {lists.map((l) => (
            <tr key={l.id}>
              <td>
                <Link to={`/price-lists/${l.id}`}>{l.name}</Link>
              </td>
              <td>
                {t(`pricing.scopes.${l.scope}`)}
                {l.targets.length ? <small className="muted block">{l.targets.map((x) => x.name).join(', ')}</small> : null}
              </td>
              <td>{l.currency}</td>
              <td>{l.priority}</td>
              <td>{validityLabel(t, l)}</td>
              <td>
                <Num value={l.entryCount} />
              </td>
              <td>{l.active ? <span className="badge active">{t('priceLists.active')}</span> : <span className="badge paused">{t('priceLists.inactive')}</span>}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  )
}
