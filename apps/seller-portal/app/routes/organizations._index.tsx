import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { guard } from '@tradepost/auth'
import { listOrganizations, OrganizationFilterSchema } from '@tradepost/domain/organizations'
import { ORGANIZATION_KINDS, ORGANIZATION_STATUSES } from '@tradepost/domain/schemas'
import { EmptyState, FormattedDate, Pagination, StatusBadge } from '@tradepost/ui/components/data.tsx'
import { PageHeader } from '@tradepost/ui/components/shell.tsx'
import { kit } from '../app.server.ts'

export const meta: MetaFunction = () => [{ title: 'Organizations · Tradepost operator' }]

export const loader = guard(async ({ request }: LoaderFunctionArgs) => {
  const rc = await kit.requireMember(request)
  const params = Object.fromEntries(new URL(request.url).searchParams)
  const filter = OrganizationFilterSchema.catch({ page: 1 }).parse(Object.fromEntries(Object.entries(params).filter(([, v]) => v !== '')))
  return data(await listOrganizations(rc.ctx, filter), { headers: rc.headers })
})

export default function Organizations() {
  const { t } = useTranslation()
  const { items, total, page, pageCount } = useLoaderData<typeof loader>()
  const [params] = useSearchParams()
  return (
    <>
      <PageHeader title={t('operator.title')} />
      <Form method="get" className="filters">
        <div className="field">
          <label htmlFor="q">{t('common.search')}</label>
          <input id="q" name="q" defaultValue={params.get('q') ?? ''} placeholder={t('operator.searchPlaceholder')} />
        </div>
        <div className="field">
          <label htmlFor="kind">{t('common.kind')}</label>
          <select id="kind" name="kind" defaultValue={params.get('kind') ?? ''}>
            <option value="">{t('common.all')}</option>
            {ORGANIZATION_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kinds.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="status">{t('common.status')}</label>
          <select id="status" name="status" defaultValue={params.get('status') ?? ''}>
            <option value="">{t('common.all')}</option>
            {ORGANIZATION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`statuses.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button secondary">
          {t('common.filter')}
        </button>
        <Link to="/organizations">{t('common.clear')}</Link>
      </Form>
      <p className="muted">{t('common.results', { count: total })}</p>
      {items.length === 0 ? (
        <EmptyState title={t('operator.none')} />
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th>{t('common.name')}</th>
                <th>{t('common.kind')}</th>
                <th>{t('common.country')}</th>
                <th>{t('common.status')}</th>
                <th>{t('common.created')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((o) => (
                <tr key={o.id}>
                  <td>
                    <Link to={`/organizations/${o.id}`}>{o.name}</Link>
                  </td>
                  <td>{t(`kinds.${o.kind}`)}</td>
                  <td>{o.country}</td>
                  <td>
                    <StatusBadge status={o.status} />
                  </td>
                  <td>
                    <FormattedDate iso={o.createdAt} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={page} pageCount={pageCount} />
    </>
  )
}
