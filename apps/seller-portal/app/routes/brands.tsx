import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { appUrl, guard } from '@tradepost/auth'
import { submitForm } from '@tradepost/auth/forms'
import { createBrand, listMyBrands } from '@tradepost/domain/catalog'
import { BrandInputSchema } from '@tradepost/domain/schemas'
import { DataTable, EmptyState } from '@tradepost/ui/components/data.tsx'
import { Field, Notice, SubmitButton } from '@tradepost/ui/components/forms.tsx'
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
  return submitForm(await request.formData(), BrandInputSchema, (value) => createBrand(rc.ctx, value), { field: 'name', redirectTo: () => '/brands?notice=brandCreated' })
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
      {params.get('notice') === 'brandCreated' ? <Notice tone="success">{t('catalog.brandCreated')}</Notice> : null}
      {brands.length === 0 ? (
        <EmptyState title={t('catalog.noBrands')} />
      ) : (
        <DataTable head={[t('common.name'), t('operator.slug')]}>
          {brands.map((b) => (
            <tr key={b.id}>
              <td>
                <a href={`${marketplaceUrl}/b/${b.slug}`}>{b.name}</a>
              </td>
              <td>{b.slug}</td>
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
