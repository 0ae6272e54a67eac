import { data, type LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { guard } from '@tradepost/auth'
import { AuditEvent, AuditFilterSchema, listAuditActions, listAuditEvents } from '@tradepost/domain/audit'
import { DataTable, EmptyState, FilterBar, FilterInput, FilterSelect, FormattedDate, Pagination } from '@tradepost/ui/components/data.tsx'
import { AuditDetails, useAuditActionLabel } from '@tradepost/ui/components/audit.tsx'
import { PageHeader } from '@tradepost/ui/components/shell.tsx'
import { kit } from '../app.server.ts'
import { metaTitle } from '@tradepost/ui/i18n/meta.ts'

export const meta = metaTitle('audit.title')

export const loader = guard(async ({ request }: LoaderFunctionArgs) => {
  const rc = await kit.requireMember(request)
  const params = Object.fromEntries([...new URL(request.url).searchParams].filter(([, v]) => v !== ''))
  const filter = AuditFilterSchema.catch({ page: 1 }).parse(params)
  if (!rc.ctx.ability.can('read', AuditEvent)) throw new Response('Forbidden', { status: 403 })
  return data({ ...(await listAuditEvents(rc.ctx, filter)), actions: await listAuditActions(rc.ctx) }, { headers: rc.headers })
})

export default function Audit() {
  const { t } = useTranslation()
  const { items, total, page, pageCount, actions } = useLoaderData<typeof loader>()
  const actionLabel = useAuditActionLabel()
  const [params] = useSearchParams()
  return (
    <>
      <PageHeader title={t('audit.title')}>
        <a className="button secondary" href={`/audit.csv?${new URLSearchParams([...params].filter(([k]) => k !== 'page'))}`} download>
          {t('audit.export')}
        </a>
      </PageHeader>
      <FilterBar clearTo="/audit">
        <FilterSelect name="action" label={t('audit.action')} options={actions.map((a) => ({ value: a, label: actionLabel(a) }))} />
        <FilterInput name="from" label={t('audit.from')} type="date" />
        <FilterInput name="to" label={t('audit.to')} type="date" />
        {params.get('organizationId') ? <input type="hidden" name="organizationId" value={params.get('organizationId')!} /> : null}
      </FilterBar>
      <p className="muted">{t('common.results', { count: total })}</p>
      {items.length === 0 ? (
        <EmptyState title={t('audit.none')} />
      ) : (
        <DataTable head={[t('common.when'), t('audit.action'), t('common.organization'), t('audit.actor'), t('common.details')]}>
              {items.map((e) => (
                <tr key={e.id}>
                  <td>
                    <FormattedDate iso={e.createdAt} withTime />
                  </td>
                  <td>{actionLabel(e.action)}</td>
                  <td>{e.organizationName}</td>
                  <td>
                    {e.actorName ?? t('audit.system')}
                    {e.impersonatorName ? <small className="muted"> ({t('audit.onBehalf', { name: e.impersonatorName })})</small> : null}
                  </td>
                  <td>
                    <AuditDetails details={e.details} />
                  </td>
                </tr>
              ))}
            </DataTable>
      )}
      <Pagination page={page} pageCount={pageCount} />
    </>
  )
}
