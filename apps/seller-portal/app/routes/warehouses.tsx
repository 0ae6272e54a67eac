import { getFormProps, getInputProps, getSelectProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { guard } from '@tradepost/auth'
import { submitForm } from '@tradepost/auth/forms'
import { listMyWarehouses, saveWarehouse } from '@tradepost/domain/organizations'
import { KNOWN_LOCATIONS, subdivisionName, WarehouseInputSchema } from '@tradepost/domain/schemas'
import { DataTable, EmptyState } from '@tradepost/ui/components/data.tsx'
import { ErrorAlert, Field, FormErrors, Notice, SelectField, SubmitButton } from '@tradepost/ui/components/forms.tsx'
import { Flash } from '@tradepost/ui/components/toast.tsx'
import { PageHeader } from '@tradepost/ui/components/shell.tsx'
import { metaTitle } from '@tradepost/ui/i18n/meta.ts'
import { kit } from '../app.server.ts'

export const meta = metaTitle('warehouses.title')

export const loader = guard(async ({ request }: LoaderFunctionArgs) => {
  const rc = await kit.requireMember(request)
  const warehouses = await listMyWarehouses(rc.ctx)
  // `?edit=<id>` fills the form with one of them; another organization's id finds nothing.
  const editing = warehouses.find((w) => w.id === new URL(request.url).searchParams.get('edit')) ?? null
  return data({ warehouses, editing }, { headers: rc.headers })
})

export const action = guard(async ({ request }: ActionFunctionArgs) => {
  const rc = await kit.requireMember(request)
  return submitForm(await request.formData(), WarehouseInputSchema, (value) => saveWarehouse(rc.ctx, value), { field: 'name', redirectTo: () => '/warehouses?notice=saved' })
})

export default function Warehouses() {
  const { t } = useTranslation()
  const { warehouses, editing } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [params] = useSearchParams()
  const [form, fields] = useForm({
    id: editing ? `warehouse-${editing.id}` : 'warehouse-new',
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: WarehouseInputSchema }),
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
    defaultValue: editing
      ? { ...editing, latitude: String(editing.latitude), longitude: String(editing.longitude) }
      : { subdivisionCode: 'VN-HN' },
  })
  return (
    <>
      <PageHeader title={t('warehouses.title')} />
      <p className="muted">{t('warehouses.intro')}</p>
      {params.get('notice') === 'saved' ? <Flash>{t('warehouses.saved')}</Flash> : null}
      {warehouses.length === 0 ? (
        <EmptyState title={t('warehouses.none')} />
      ) : (
        <DataTable head={[t('common.name'), t('warehouses.city'), t('warehouses.province'), t('warehouses.coordinates'), '']}>
          {warehouses.map((w) => (
            <tr key={w.id}>
              <td>{w.name}</td>
              <td>{w.city}</td>
              <td>{subdivisionName(w.subdivisionCode)}</td>
              <td>
                {w.latitude.toFixed(4)}, {w.longitude.toFixed(4)}
              </td>
              <td>
                <Link to={`/warehouses?edit=${w.id}#warehouse-form`} aria-label={t('warehouses.editNamed', { name: w.name })}>
                  {t('warehouses.edit')}
                </Link>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <section className="panel" id="warehouse-form">
        <h2>{editing ? t('warehouses.editNamed', { name: editing.name }) : t('warehouses.add')}</h2>
        <Form method="post" {...getFormProps(form)}>
          <FormErrors errors={form.errors} />
          <ErrorAlert error={actionData?.error && !actionData.error.field ? actionData.error : null} />
          {editing ? <input type="hidden" name={fields.id.name} value={editing.id} /> : null}
          <div className="grid-2">
            <Field label={t('common.name')} errors={fields.name.errors} inputProps={getInputProps(fields.name, { type: 'text' })} />
            <Field label={t('warehouses.address')} errors={fields.addressLine.errors} inputProps={getInputProps(fields.addressLine, { type: 'text' })} />
            <Field label={t('warehouses.city')} errors={fields.city.errors} inputProps={getInputProps(fields.city, { type: 'text' })} />
            <SelectField
              label={t('warehouses.province')}
              errors={fields.subdivisionCode.errors}
              selectProps={getSelectProps(fields.subdivisionCode)}
              options={Object.entries(KNOWN_LOCATIONS).map(([code, l]) => ({ value: code, label: l.name }))}
            />
            <Field label={t('warehouses.latitude')} hint={t('warehouses.coordinatesHint')} errors={fields.latitude.errors} inputProps={{ ...getInputProps(fields.latitude, { type: 'text' }), inputMode: 'decimal' }} />
            <Field label={t('warehouses.longitude')} errors={fields.longitude.errors} inputProps={{ ...getInputProps(fields.longitude, { type: 'text' }), inputMode: 'decimal' }} />
          </div>
          <SubmitButton>{t('warehouses.save')}</SubmitButton>{' '}
          {editing ? <Link to="/warehouses">{t('warehouses.cancel')}</Link> : null}
        </Form>
      </section>
    </>
  )
}
