import { getFormProps, getInputProps, getSelectProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { guard } from '@tradepost/auth'
import { submitForm } from '@tradepost/auth/forms'
import { authorizeDistributor, listAuthorizations, listMyBrands } from '@tradepost/domain/catalog'
import { myTerritoryShare, setTerritoryShare } from '@tradepost/domain/ledger'
import { AuthorizationInputSchema, TerritoryShareInputSchema } from '@tradepost/domain/schemas'
import { DataTable, EmptyState } from '@tradepost/ui/components/data.tsx'
import { Field, Notice, SelectField, SubmitButton } from '@tradepost/ui/components/forms.tsx'
import { SuggestField } from '@tradepost/ui/components/suggest.tsx'
import { Flash } from '@tradepost/ui/components/toast.tsx'
import { PageHeader } from '@tradepost/ui/components/shell.tsx'
import { metaTitle } from '@tradepost/ui/i18n/meta.ts'
import { kit } from '../app.server.ts'

export const meta = metaTitle('catalog.authorizations')

export const loader = guard(async ({ request }: LoaderFunctionArgs) => {
  const rc = await kit.requireMember(request)
  const isManufacturer = rc.ctx.actor.membership?.organizationKind === 'manufacturer'
  return data(
    {
      authorizations: await listAuthorizations(rc.ctx),
      isManufacturer,
      brands: isManufacturer ? await listMyBrands(rc.ctx) : [],
      territoryShareBp: await myTerritoryShare(rc.ctx),
      canSetShare: isManufacturer && rc.ctx.actor.membership?.role === 'admin',
    },
    { headers: rc.headers },
  )
})

export const action = guard(async ({ request }: ActionFunctionArgs) => {
  const rc = await kit.requireMember(request)
  const formData = await request.formData()
  // The manufacturer's rules of engagement: its distributors' share of its online sales in their territories.
  if (formData.get('intent') === 'share') return submitForm(formData, TerritoryShareInputSchema, (value) => setTerritoryShare(rc.ctx, value), { field: 'percent', redirectTo: () => '/authorizations?notice=share' })
  return submitForm(formData, AuthorizationInputSchema, (value) => authorizeDistributor(rc.ctx, value), { field: 'subdivisions', redirectTo: () => '/authorizations?notice=granted' })
})

export default function Authorizations() {
  const { t } = useTranslation()
  const { authorizations, isManufacturer, brands, territoryShareBp, canSetShare } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [params] = useSearchParams()
  const [form, fields] = useForm({
    id: 'authorization',
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: AuthorizationInputSchema }),
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
  })
  return (
    <>
      <PageHeader title={t('catalog.authorizations')} />
      {params.get('notice') === 'granted' ? <Flash>{t('catalog.granted')}</Flash> : null}
      {params.get('notice') === 'share' ? <Flash>{t('catalog.shareSaved')}</Flash> : null}
      {isManufacturer && territoryShareBp !== null ? <TerritoryShareForm bp={territoryShareBp} canEdit={canSetShare} errors={(actionData?.result?.initialValue as { intent?: string } | undefined)?.intent === 'share' ? (actionData?.result?.error?.percent ?? undefined) : undefined} /> : null}
      {authorizations.length === 0 ? (
        <EmptyState title={t('catalog.noAuthorizations')} />
      ) : (
        <DataTable head={[t('product.brand'), t('brand.distributor'), t('brand.territory')]}>
          {authorizations.map((a) => (
            <tr key={a.id}>
              <td>{a.brandName}</td>
              <td>{a.distributorName}</td>
              <td>
                {a.subdivisions.join(', ')}
                {a.circles.map((c) => ` · ${c.radiusKm} km @ ${c.latitude.toFixed(3)}, ${c.longitude.toFixed(3)}`).join('')}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      {isManufacturer ? (
        <Form method="post" {...getFormProps(form)} className="panel">
          <h2>{t('catalog.grant')}</h2>
          <div className="grid-2">
            <SelectField label={t('product.brand')} errors={fields.brandId.errors} selectProps={getSelectProps(fields.brandId)} options={brands.map((b) => ({ value: b.id, label: b.name }))} />
            <SuggestField source="/distributors.json" label={t('brand.distributor')} hint={t('catalog.distributorHint')} errors={fields.distributor.errors ?? fields.distributorId.errors} inputProps={{ ...getInputProps(fields.distributor, { type: 'text' }), maxLength: 200 }} />
            <Field label={t('catalog.subdivisions')} hint={t('catalog.subdivisionsHint')} errors={fields.subdivisions.errors} inputProps={getInputProps(fields.subdivisions, { type: 'text' })} />
          </div>
          <SubmitButton>{t('catalog.grant')}</SubmitButton>
        </Form>
      ) : null}
    </>
  )
}

/** The share of the manufacturer's online sales that goes to the authorized distributor whose territory the buyer's ship-to lies in. */
function TerritoryShareForm({ bp, canEdit, errors }: { bp: number; canEdit: boolean; errors?: string[] }) {
  const { t } = useTranslation()
  return (
    <section className="panel" aria-labelledby="territory-share">
      <h2 id="territory-share">{t('catalog.shareTitle')}</h2>
      <p className="muted">{t('catalog.shareIntro')}</p>
      {canEdit ? (
        <Form method="post" className="toolbar">
          <Field label={t('catalog.sharePercent')} errors={errors} inputProps={{ id: 'share-percent', name: 'percent', inputMode: 'decimal', defaultValue: String(bp / 100), required: true }} />
          <SubmitButton name="intent" value="share">
            {t('catalog.shareSave')}
          </SubmitButton>
        </Form>
      ) : (
        <p>{t('catalog.shareIs', { percent: bp / 100 })}</p>
      )}
    </section>
  )
}
