import { data, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { guard } from '@tradepost/auth'
import { listOrganizations, OrganizationFilterSchema } from '@tradepost/domain/organizations'
import { ORGANIZATION_KINDS, ORGANIZATION_STATUSES } from '@tradepost/domain/schemas'
import { DataTable, EmptyState, FilterBar, FilterInput, FilterSelect, FormattedDate, Pagination, StatusBadge } from '@tradepost/ui/components/data.tsx'
import { PageHeader } from '@tradepost/ui/components/shell.tsx'
import { kit } from '../app.server.ts'
import { metaTitle } from '@tradepost/ui/i18n/meta.ts'

export const meta = metaTitle('operator.title')

export const loader = guard(async ({ request }: LoaderFunctionArgs) => {
  const rc = await kit.requireMember(request)
  const params = Object.fromEntries(new URL(request.url).searchParams)
  const filter = OrganizationFilterSchema.catch({ page: 1 }).parse(Object.fromEntries(Object.entries(params).filter(([, v]) => v !== '')))
  return data(await listOrganizations(rc.ctx, filter), { headers: rc.headers })
})

export default function Organizations() {
  const { t } = useTranslation()
  const { items, total, page, pageCount } = useLoaderData<typeof loader>()
  return (
    <>
      <PageHeader title={t('operator.title')} />
      <FilterBar clearTo="/organizations">
        <FilterInput name="q" label={t('common.search')} placeholder={t('operator.searchPlaceholder')} />
        <FilterSelect name="kind" label={t('common.kind')} options={ORGANIZATION_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))} />
        <FilterSelect name="status" label={t('common.status')} options={ORGANIZATION_STATUSES.map((v) => ({ value: v, label: t(`statuses.${v}`) }))} />
      </FilterBar>
      <p className="muted">{t('common.results', { count: total })}</p>
      {items.length === 0 ? (
        <EmptyState title={t('operator.none')} />
      ) : (
        <DataTable head={[t('common.name'), t('common.kind'), t('common.country'), t('common.status'), t('common.created')]}>
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
            </DataTable>
      )}
      <Pagination page={page} pageCount={pageCount} />
    </>
  )
}
