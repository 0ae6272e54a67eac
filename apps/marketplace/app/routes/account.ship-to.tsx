import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { guard } from '@tradepost/auth'
import { submitForm } from '@tradepost/auth/forms'
import { chooseShipTo, deleteShipTo, listMyShipTos, saveShipTo } from '@tradepost/domain/companies'
import { PlaceInputSchema, subdivisionName } from '@tradepost/domain/schemas'
import { DataTable, EmptyState } from '@tradepost/ui/components/data.tsx'
import { SubmitButton } from '@tradepost/ui/components/forms.tsx'
import { PlaceForm } from '@tradepost/ui/components/place-form.tsx'
import { PageHeader } from '@tradepost/ui/components/shell.tsx'
import { Flash } from '@tradepost/ui/components/toast.tsx'
import { metaTitle } from '@tradepost/ui/i18n/meta.ts'
import { kit } from '../app.server.ts'
import { CompanyTabs } from '../components/company-tabs.tsx'

export const meta = metaTitle('shipTo.title')

export const loader = guard(async ({ request }: LoaderFunctionArgs) => {
  const rc = await kit.requireMember(request)
  if (rc.ctx.actor.membership?.organizationKind !== 'buyer') throw new Response('Not found', { status: 404 })
  const shipTos = await listMyShipTos(rc.ctx)
  // `?edit=<id>` fills the form with one of them; another company's id finds nothing.
  const editing = shipTos.find((s) => s.id === new URL(request.url).searchParams.get('edit')) ?? null
  return data({ shipTos, editing, canManage: rc.ctx.actor.membership.role === 'admin' }, { headers: rc.headers })
})

const id = z.uuid()

export const action = guard(async ({ request }: ActionFunctionArgs) => {
  const rc = await kit.requireMember(request)
  const formData = await request.formData()
  const intent = formData.get('intent')
  if (intent === 'choose') {
    // Any member: which of the company's addresses they work from ('' = none).
    const chosen = formData.get('shipToId') ? id.safeParse(formData.get('shipToId')) : null
    if (chosen && !chosen.success) throw new Response('Not found', { status: 404 })
    await chooseShipTo(rc.ctx, chosen?.data ?? null)
    throw redirect(`/account/ship-to?notice=${chosen ? 'chosen' : 'chosenNone'}`, { headers: rc.headers })
  }
  if (intent === 'delete') {
    const target = id.safeParse(formData.get('shipToId'))
    if (!target.success) throw new Response('Not found', { status: 404 })
    await deleteShipTo(rc.ctx, target.data)
    throw redirect('/account/ship-to?notice=removed', { headers: rc.headers })
  }
  return submitForm(formData, PlaceInputSchema, (value) => saveShipTo(rc.ctx, value), { field: 'name', redirectTo: () => '/account/ship-to?notice=saved' })
})

export default function ShipToAddresses() {
  const { t } = useTranslation()
  const { shipTos, editing, canManage } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const notice = useSearchParams()[0].get('notice')
  const chosen = shipTos.find((s) => s.chosen)
  return (
    <>
      <CompanyTabs />
      <PageHeader title={t('shipTo.title')} />
      <p className="muted">{t('shipTo.intro')}</p>
      {notice === 'saved' || notice === 'removed' || notice === 'chosenNone' ? <Flash>{t(`shipTo.${notice}`)}</Flash> : null}
      {notice === 'chosen' && chosen ? <Flash>{t('shipTo.chosenNotice', { name: chosen.name })}</Flash> : null}
      {shipTos.length === 0 ? (
        <EmptyState title={t('shipTo.none')}>{canManage ? null : <p>{t('shipTo.noneHint')}</p>}</EmptyState>
      ) : (
        <DataTable head={[t('common.name'), t('warehouses.city'), t('warehouses.province'), t('shipTo.chosen'), '']}>
          {shipTos.map((s) => (
            <tr key={s.id}>
              <td>
                <span className="block font-semibold">{s.name}</span>
                {s.addressLine ? <span className="block muted">{s.addressLine}</span> : null}
              </td>
              <td>{s.city}</td>
              <td>{subdivisionName(s.subdivisionCode)}</td>
              <td>
                {s.chosen ? (
                  <span className="badge status-active">{t('shipTo.chosen')}</span>
                ) : (
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="shipToId" value={s.id} />
                    <SubmitButton name="intent" value="choose" variant="secondary" aria-label={`${t('shipTo.use')}: ${s.name}`}>
                      {t('shipTo.use')}
                    </SubmitButton>
                  </Form>
                )}
              </td>
              <td>
                {canManage ? (
                  <div className="flex flex-wrap items-center gap-3">
                    <Link to={`/account/ship-to?edit=${s.id}#ship-to-form`} aria-label={t('shipTo.editNamed', { name: s.name })}>
                      {t('warehouses.edit')}
                    </Link>
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="shipToId" value={s.id} />
                      <SubmitButton name="intent" value="delete" variant="danger" aria-label={t('shipTo.removeNamed', { name: s.name })}>
                        {t('shipTo.remove')}
                      </SubmitButton>
                    </Form>
                  </div>
                ) : null}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      {chosen ? (
        <Form method="post" className="toolbar">
          <input type="hidden" name="shipToId" value="" />
          <SubmitButton name="intent" value="choose" variant="secondary">
            {t('shipTo.useNone')}
          </SubmitButton>
        </Form>
      ) : null}
      {canManage ? (
        <PlaceForm
          id="ship-to-form"
          title={editing ? t('shipTo.editNamed', { name: editing.name }) : t('shipTo.add')}
          saveLabel={t('shipTo.save')}
          editing={editing}
          cancelTo="/account/ship-to"
          lastResult={actionData?.result}
          error={actionData?.error}
        />
      ) : null}
    </>
  )
}
