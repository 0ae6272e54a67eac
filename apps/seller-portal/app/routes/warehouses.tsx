import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { guard } from '@tradepost/auth'
import { submitForm } from '@tradepost/auth/forms'
import { listMyWarehouses, saveWarehouse } from '@tradepost/domain/organizations'
import { subdivisionName, WarehouseInputSchema } from '@tradepost/domain/schemas'
import { DataTable, EmptyState } from '@tradepost/ui/components/data.tsx'
import { PlaceForm } from '@tradepost/ui/components/place-form.tsx'
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
      <PlaceForm
        id="warehouse-form"
        title={editing ? t('warehouses.editNamed', { name: editing.name }) : t('warehouses.add')}
        saveLabel={t('warehouses.save')}
        editing={editing}
        cancelTo="/warehouses"
        lastResult={actionData?.result}
        error={actionData?.error}
      />
    </>
  )
}
