import { getFormProps, getInputProps, getTextareaProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { guard } from '@tradepost/auth'
import { submitForm } from '@tradepost/auth/forms'
import { getMyStorefront, saveStorefront } from '@tradepost/domain/organizations'
import { StorefrontInputSchema } from '@tradepost/domain/schemas'
import { Field, FormErrors, Notice, SubmitButton } from '@tradepost/ui/components/forms.tsx'
import { PageHeader } from '@tradepost/ui/components/shell.tsx'
import { metaTitle } from '@tradepost/ui/i18n/meta.ts'
import { kit } from '../app.server.ts'

export const meta = metaTitle('storefront.settings')

export const loader = guard(async ({ request }: LoaderFunctionArgs) => {
  const rc = await kit.requireMember(request)
  const storefront = await getMyStorefront(rc.ctx)
  return data({ storefront, marketplaceUrl: process.env.MARKETPLACE_URL ?? 'http://localhost:3000' }, { headers: rc.headers })
})

export const action = guard(async ({ request }: ActionFunctionArgs) => {
  const rc = await kit.requireMember(request)
  return submitForm(await request.formData(), StorefrontInputSchema, (value) => saveStorefront(rc.ctx, value), { field: 'hostname', redirectTo: () => '/storefront?notice=saved' })
})

export default function StorefrontSettings() {
  const { t } = useTranslation()
  const { storefront: s, marketplaceUrl } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [params] = useSearchParams()
  const [form, fields] = useForm({
    id: 'storefront',
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: StorefrontInputSchema }),
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
    defaultValue: { primaryColor: s.primaryColor, accentColor: s.accentColor, taglineEn: s.tagline.en, taglineVi: s.tagline.vi, aboutEn: s.about.en, aboutVi: s.about.vi, hostname: s.hostname ?? '' },
  })
  return (
    <>
      <PageHeader title={t('storefront.settings')}>
        <a className="button secondary" href={`${marketplaceUrl}/s/${s.slug}`}>
          {t('storefront.view')}
        </a>
      </PageHeader>
      {params.get('notice') === 'saved' ? <Notice tone="success">{t('storefront.saved')}</Notice> : null}
      <Form method="post" {...getFormProps(form)} className="panel">
        <FormErrors errors={form.errors} />
        <div className="grid-2">
          <Field label={t('storefront.primaryColor')} errors={fields.primaryColor.errors} inputProps={getInputProps(fields.primaryColor, { type: 'color' })} />
          <Field label={t('storefront.accentColor')} errors={fields.accentColor.errors} inputProps={getInputProps(fields.accentColor, { type: 'color' })} />
          <Field label={t('storefront.taglineEn')} errors={fields.taglineEn.errors} inputProps={getInputProps(fields.taglineEn, { type: 'text' })} />
          <Field label={t('storefront.taglineVi')} errors={fields.taglineVi.errors} inputProps={getInputProps(fields.taglineVi, { type: 'text' })} />
          <div className="field">
            <label htmlFor={fields.aboutEn.id}>{t('storefront.aboutEn')}</label>
            <textarea rows={5} {...getTextareaProps(fields.aboutEn)} />
          </div>
          <div className="field">
            <label htmlFor={fields.aboutVi.id}>{t('storefront.aboutVi')}</label>
            <textarea rows={5} {...getTextareaProps(fields.aboutVi)} />
          </div>
          <Field label={t('storefront.hostname')} hint={t('storefront.hostnameHint')} errors={fields.hostname.errors} inputProps={getInputProps(fields.hostname, { type: 'text' })} />
        </div>
        <SubmitButton>{t('storefront.save')}</SubmitButton>
      </Form>
    </>
  )
}
