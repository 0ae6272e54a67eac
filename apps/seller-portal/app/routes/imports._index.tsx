import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { guard } from '@tradepost/auth'
import { IMPORT_COLUMNS, IMPORT_KINDS, listImports, MAX_IMPORT_BYTES, startImport } from '@tradepost/domain/imports'
import { DataTable, EmptyState, FormattedDate } from '@tradepost/ui/components/data.tsx'
import { CheckboxField, ErrorAlert, SubmitButton } from '@tradepost/ui/components/forms.tsx'
import { PageHeader } from '@tradepost/ui/components/shell.tsx'
import { metaTitle } from '@tradepost/ui/i18n/meta.ts'
import { kit } from '../app.server.ts'

export const meta = metaTitle('imports.title')

export const loader = guard(async ({ request }: LoaderFunctionArgs) => {
  const rc = await kit.requireMember(request)
  const role = rc.ctx.actor.membership?.role
  return data({ imports: await listImports(rc.ctx), columns: IMPORT_COLUMNS, canPrices: role === 'admin' || role === 'sales' }, { headers: rc.headers })
})

export const action = guard(async ({ request }: ActionFunctionArgs) => {
  const rc = await kit.requireMember(request)
  // Refuse an oversized upload before reading it.
  if (Number(request.headers.get('Content-Length') ?? 0) > MAX_IMPORT_BYTES + 64 * 1024) {
    return data({ error: { code: 'FILE_TOO_LARGE', params: { megabytes: MAX_IMPORT_BYTES / 1024 / 1024 } } }, { status: 413 })
  }
  const formData = await request.formData()
  const file = formData.get('file')
  const kind = IMPORT_KINDS.find((k) => k === formData.get('kind')) ?? 'offers'
  if (!(file instanceof File) || file.size === 0) return data({ error: { code: 'FILE_EMPTY' } }, { status: 400 })
  const started = await startImport(rc.ctx, kind, { filename: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }, { checkOnly: formData.get('checkOnly') === 'on' })
  if (!started.ok) return data({ error: started.error }, { status: 400 })
  throw redirect(`/imports/${started.value.id}`)
})

export default function Imports() {
  const { t } = useTranslation()
  const { imports, columns, canPrices } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <>
      <PageHeader title={t('imports.title')}>
        <a className="button secondary" href="/offers.csv" download>
          {t('imports.export')}
        </a>{' '}
        <a className="button secondary" href="/products.csv" download>
          {t('imports.exportProducts')}
        </a>
      </PageHeader>
      <section className="panel">
        <h2>{t('imports.upload')}</h2>
        <p className="muted">{t('imports.formatHint', { columns: columns.offers.join(', ') })}</p>
        <p className="muted">{t('imports.productsHint', { columns: columns.products.join(', ') })}</p>
        {canPrices ? <p className="muted">{t('imports.pricesHint', { columns: columns.prices.join(', ') })}</p> : null}
        <ErrorAlert error={actionData?.error} />
        <Form method="post" encType="multipart/form-data" className="toolbar">
          <div className="field">
            <label htmlFor="kind">{t('imports.kind')}</label>
            <select id="kind" name="kind" defaultValue="offers">
              <option value="offers">{t('imports.kinds.offers')}</option>
              <option value="products">{t('imports.kinds.products')}</option>
              {canPrices ? <option value="prices">{t('imports.kinds.prices')}</option> : null}
            </select>
          </div>
          <div className="field">
            <label htmlFor="file">{t('imports.file')}</label>
            <input id="file" name="file" type="file" accept=".csv,text/csv" required />
          </div>
          <CheckboxField label={t('imports.checkOnly')} hint={t('imports.checkOnlyHint')} inputProps={{ name: 'checkOnly' }} />
          <SubmitButton>{t('imports.start')}</SubmitButton>
        </Form>
      </section>
      <h2>{t('imports.history')}</h2>
      {imports.length === 0 ? (
        <EmptyState title={t('imports.none')} />
      ) : (
        <DataTable head={[t('imports.file'), t('common.status'), t('imports.rows'), t('imports.errors'), t('common.created')]}>
          {imports.map((i) => (
            <tr key={i.id}>
              <td>
                <Link to={`/imports/${i.id}`}>{i.filename}</Link>
              </td>
              <td>
                {t(`imports.statuses.${i.status}`)}
                {i.checkOnly ? <span className="badge">{t('imports.checkOnlyBadge')}</span> : null}
              </td>
              <td>
                {i.okRows} / {i.totalRows}
              </td>
              <td>{i.errorRows}</td>
              <td>
                <FormattedDate iso={i.createdAt} withTime />
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  )
}
