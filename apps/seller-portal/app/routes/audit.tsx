import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { guard } from '@tradepost/auth'
import { AuditEvent, AuditFilterSchema, listAuditEvents } from '@tradepost/domain/audit'
import { EmptyState, FormattedDate, Pagination } from '@tradepost/ui/components/data.tsx'
import { PageHeader } from '@tradepost/ui/components/shell.tsx'
import { kit } from '../app.server.ts'

export const meta: MetaFunction = () => [{ title: 'Audit log · Tradepost seller portal' }]

export const loader = guard(async ({ request }: LoaderFunctionArgs) => {
  const rc = await kit.requireMember(request)
  const params = Object.fromEntries([...new URL(request.url).searchParams].filter(([, v]) => v !== ''))
  const filter = AuditFilterSchema.catch({ page: 1 }).parse(params)
  if (!rc.ctx.ability.can('read', AuditEvent)) throw new Response('Forbidden', { status: 403 })
  return data(await listAuditEvents(rc.ctx, filter), { headers: rc.headers })
})

export default function Audit() {
  const { t } = useTranslation()
  const { items, total, page, pageCount } = useLoaderData<typeof loader>()
  const [params] = useSearchParams()
  return (
    <>
      <PageHeader title={t('audit.title')} />
      <Form method="get" className="filters">
        <div className="field">
          <label htmlFor="action">{t('audit.action')}</label>
          <input id="action" name="action" defaultValue={params.get('action') ?? ''} placeholder="organization." />
        </div>
        <div className="field">
          <label htmlFor="from">{t('audit.from')}</label>
          <input id="from" name="from" type="date" defaultValue={params.get('from') ?? ''} />
        </div>
        <div className="field">
          <label htmlFor="to">{t('audit.to')}</label>
          <input id="to" name="to" type="date" defaultValue={params.get('to') ?? ''} />
        </div>
        {params.get('organizationId') ? <input type="hidden" name="organizationId" value={params.get('organizationId')!} /> : null}
        <button type="submit" className="button secondary">
          {t('common.filter')}
        </button>
        <Link to="/audit">{t('common.clear')}</Link>
      </Form>
      <p className="muted">{t('common.results', { count: total })}</p>
      {items.length === 0 ? (
        <EmptyState title={t('audit.none')} />
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th>{t('common.when')}</th>
                <th>{t('audit.action')}</th>
                <th>{t('common.organization')}</th>
                <th>{t('audit.actor')}</th>
                <th>{t('common.details')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((e) => (
                <tr key={e.id}>
                  <td>
                    <FormattedDate iso={e.createdAt} withTime />
                  </td>
                  <td>
                    <code>{e.action}</code>
                  </td>
                  <td>{e.organizationName}</td>
                  <td>
                    {e.actorName ?? t('audit.system')}
                    {e.impersonatorName ? <small className="muted"> ({t('audit.onBehalf', { name: e.impersonatorName })})</small> : null}
                  </td>
                  <td>
                    <code>{JSON.stringify(e.details)}</code>
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
