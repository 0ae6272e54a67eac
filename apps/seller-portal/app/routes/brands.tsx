import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { appUrl, getServices, guard } from '@tradepost/auth'
import { submitForm } from '@tradepost/auth/forms'
import { createBrand, listMyBrands, setBrandLogo } from '@tradepost/domain/catalog'
import { BrandInputSchema } from '@tradepost/domain/schemas'
import { DataTable, EmptyState } from '@tradepost/ui/components/data.tsx'
import { ErrorAlert, Field, Notice, SubmitButton } from '@tradepost/ui/components/forms.tsx'
import { Flash } from '@tradepost/ui/components/toast.tsx'
import { PageHeader } from '@tradepost/ui/components/shell.tsx'
import { metaTitle } from '@tradepost/ui/i18n/meta.ts'
import { kit } from '../app.server.ts'

export const meta = metaTitle('catalog.brands')

export const loader = guard(async ({ request }: LoaderFunctionArgs) => {
  const rc = await kit.requireMember(request)
  return data({ brands: await listMyBrands(rc.ctx), marketplaceUrl: appUrl('marketplace') }, { headers: rc.headers })
})

export const action = guard(async ({ request }: ActionFunctionArgs) => {
  const rc = await kit.requireMember(request)
  const formData = await request.formData()
  if (formData.get('intent') === 'uploadLogo') {
    const brandId = z.uuid().safeParse(formData.get('brandId'))
    if (!brandId.success) throw new Response('Not found', { status: 404 })
    const file = formData.get('logo')
    const { storage } = await getServices()
    const saved = await setBrandLogo(rc.ctx, storage, brandId.data, file instanceof File ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array())
    if (!saved.ok) return data({ result: undefined, logoError: { brandId: brandId.data, ...saved.error } }, { status: 400 })
    throw redirect('/brands?notice=logoSaved')
  }
  return submitForm(formData, BrandInputSchema, (value) => createBrand(rc.ctx, value), { field: 'name', redirectTo: () => '/brands?notice=brandCreated' })
})

export default function Brands() {
  const { t } = useTranslation()
  const { brands, marketplaceUrl } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [params] = useSearchParams()
  const [form, fields] = useForm({
    id: 'brand',
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: BrandInputSchema }),
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
  })
  return (
    <>
      <PageHeader title={t('catalog.brands')} />
      {params.get('notice') === 'brandCreated' ? <Flash>{t('catalog.brandCreated')}</Flash> : null}
      {params.get('notice') === 'logoSaved' ? <Flash>{t('catalog.logoSaved')}</Flash> : null}
      {brands.length === 0 ? (
        <EmptyState title={t('catalog.noBrands')} />
      ) : (
        <DataTable head={[t('common.name'), t('operator.slug'), t('catalog.logo')]}>
          {brands.map((b) => (
            <tr key={b.id}>
              <td>
                <a href={`${marketplaceUrl}/b/${b.slug}`}>{b.name}</a>
              </td>
              <td>{b.slug}</td>
              <td>
                {b.logo ? <img src={`${marketplaceUrl}/b/${b.slug}/logo?v=${b.logo}`} alt={t('brand.logoAlt', { brand: b.name })} className="brand-logo-small" /> : null}
                {actionData && 'logoError' in actionData && actionData.logoError.brandId === b.id ? <ErrorAlert error={actionData.logoError} /> : null}
                <Form method="post" encType="multipart/form-data" className="toolbar">
                  <input type="hidden" name="brandId" value={b.id} />
                  <div className="field">
                    <label htmlFor={`logo-${b.id}`}>{t('catalog.logoOf', { brand: b.name })}</label>
                    <input id={`logo-${b.id}`} name="logo" type="file" accept="image/png,image/jpeg,image/webp,image/gif" required />
                  </div>
                  <SubmitButton name="intent" value="uploadLogo" variant="secondary">
                    {t('storefront.uploadImage')}
                  </SubmitButton>
                </Form>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <Form method="post" {...getFormProps(form)} className="panel toolbar">
        <Field label={t('catalog.newBrand')} errors={fields.name.errors} inputProps={getInputProps(fields.name, { type: 'text' })} />
        <SubmitButton>{t('catalog.addBrand')}</SubmitButton>
      </Form>
    </>
  )
}
