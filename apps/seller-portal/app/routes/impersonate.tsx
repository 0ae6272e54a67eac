import { getFormProps, getTextareaProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { appUrl, guard } from '@tradepost/auth'
import { submitForm } from '@tradepost/auth/forms'
import { impersonableCompany, IMPERSONATION_MINUTES, startImpersonation } from '@tradepost/domain/users'
import { ImpersonationInputSchema } from '@tradepost/domain/schemas'
import { ErrorAlert, FieldErrors, FormErrors, SubmitButton, TextareaField } from '@tradepost/ui/components/forms.tsx'
import { PageHeader } from '@tradepost/ui/components/shell.tsx'
import { metaTitle } from '@tradepost/ui/i18n/meta.ts'
import { kit } from '../app.server.ts'

export const meta = metaTitle('impersonation.title')

export const loader = guard(async ({ request }: LoaderFunctionArgs) => {
  const rc = await kit.requireMember(request)
  // `?company=<id>`: a buyer company the actor may act in (any, for support; its customers, for a seller).
  const id = z.uuid().safeParse(new URL(request.url).searchParams.get('company'))
  const company = id.success ? await impersonableCompany(rc.ctx, id.data) : null
  if (!company) throw new Response('Not found', { status: 404 })
  return data({ company, minutes: IMPERSONATION_MINUTES, back: rc.ctx.actor.membership?.organizationKind === 'operator' ? `/organizations/${company.id}` : '/customers' }, { headers: rc.headers })
})

export const action = guard(async ({ request }: ActionFunctionArgs) => {
  const rc = await kit.requireMember(request)
  // The marketplace redeems the one-time link for a session acting as the user.
  return submitForm(await request.formData(), ImpersonationInputSchema, (value) => startImpersonation(rc.ctx, value), { field: 'reason', redirectTo: ({ token }) => `${appUrl('marketplace')}/impersonate/${token}` })
})

export default function Impersonate() {
  const { t } = useTranslation()
  const { company, minutes, back } = useLoaderData<typeof loader>()
  const answer = useActionData<typeof action>()
  const [form, fields] = useForm({
    id: `impersonate-${company.id}`,
    lastResult: answer?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ImpersonationInputSchema }),
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
  })
  return (
    <>
      <p className="breadcrumb">
        <Link to={back}>{t('impersonation.back')}</Link>
      </p>
      <PageHeader title={t('impersonation.titleFor', { name: company.name })} />
      <p className="muted">{t('impersonation.intro', { minutes })}</p>
      <section className="panel">
        <Form method="post" {...getFormProps(form)}>
          <input type="hidden" name="organizationId" value={company.id} />
          <FormErrors errors={form.errors} />
          <ErrorAlert error={answer?.error && answer.error.field !== 'reason' && answer.error.field !== 'userId' ? answer.error : null} />
          <fieldset className="field">
            <legend>{t('impersonation.who')}</legend>
            {company.members.map((m) => (
              <label key={m.userId} className="choice">
                <input type="radio" name={fields.userId.name} value={m.userId} /> <strong>{m.name}</strong> <span className="muted">{t(`roles.${m.role}`)} · {m.email}</span>
              </label>
            ))}
            <FieldErrors id="userId-error" errors={fields.userId.errors} />
          </fieldset>
          <TextareaField label={t('impersonation.reason')} errors={fields.reason.errors} textareaProps={{ ...getTextareaProps(fields.reason), maxLength: 500, rows: 3 }} />
          <p className="hint">{t('impersonation.reasonHint')}</p>
          <SubmitButton>{t('impersonation.start')}</SubmitButton>
        </Form>
      </section>
    </>
  )
}
