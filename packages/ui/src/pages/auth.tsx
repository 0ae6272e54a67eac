// The pages both apps share for accounts. Their server halves are in @tradepost/auth/routes.
import { getFormProps, getInputProps, getSelectProps, useForm, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { Form, Link, useActionData, useLoaderData, useLocation, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from '@tradepost/domain/zod'
import { LogInSchema, RequestPasswordResetSchema, ResetPasswordSchema, SignUpSchema, AcceptInvitationSchema } from '@tradepost/domain/schemas'
import { ErrorAlert, Field, FormErrors, Notice, SelectField, SubmitButton } from '../components/forms.tsx'

type BusinessError = { code: string; params?: Record<string, string | number> } | null
interface ActionShape {
  result?: SubmissionResult<string[]>
  error?: BusinessError
  sent?: boolean
}

export function LoginPage({ signupHref = '/signup' }: { signupHref?: string }) {
  const { t } = useTranslation()
  const loaderData = useLoaderData<{ redirectTo: string; notice: string | null }>()
  const actionData = useActionData<ActionShape>()
  const [form, fields] = useForm({
    id: 'login',
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: LogInSchema }),
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
  })
  return (
    <div className="panel narrow">
      <h1>{t('auth.loginTitle')}</h1>
      <p className="muted">{t('auth.loginIntro')}</p>
      {loaderData.notice ? <Notice tone="success">{t(`auth.${loaderData.notice}`, { defaultValue: '' })}</Notice> : null}
      <ErrorAlert error={actionData?.error} />
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="redirectTo" value={loaderData.redirectTo} />
        <Field label={t('common.email')} errors={fields.email.errors} inputProps={{ ...getInputProps(fields.email, { type: 'email' }), autoComplete: 'username', autoFocus: true }} />
        <Field label={t('auth.password')} errors={fields.password.errors} inputProps={{ ...getInputProps(fields.password, { type: 'password' }), autoComplete: 'current-password' }} />
        <SubmitButton>{t('common.signIn')}</SubmitButton>
      </Form>
      <p>
        <Link to="/forgot-password">{t('auth.forgotPassword')}</Link>
      </p>
      <p className="muted">
        {t('auth.noAccount')} <Link to={signupHref}>{t('common.signUp')}</Link>
      </p>
    </div>
  )
}

export function SignupPage({ variant }: { variant: 'buyer' | 'seller' }) {
  const { t } = useTranslation()
  const { kinds } = useLoaderData<{ kinds: string[] }>()
  const actionData = useActionData<ActionShape>()
  const schema = SignUpSchema.extend({ organizationKind: z.enum(kinds as [string, ...string[]], { error: 'FIELD_REQUIRED' }) })
  const [form, fields] = useForm({
    id: 'signup',
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
    defaultValue: { country: 'VN', organizationKind: kinds[0] },
  })
  return (
    <div className="panel narrow">
      <h1>{t(variant === 'buyer' ? 'auth.signupBuyerTitle' : 'auth.signupSellerTitle')}</h1>
      <p className="muted">{t(variant === 'buyer' ? 'auth.signupBuyerIntro' : 'auth.signupSellerIntro')}</p>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors errors={form.errors} />
        <Field label={t('auth.yourName')} errors={fields.name.errors} inputProps={{ ...getInputProps(fields.name, { type: 'text' }), autoComplete: 'name' }} />
        <Field label={t('common.email')} errors={fields.email.errors} inputProps={{ ...getInputProps(fields.email, { type: 'email' }), autoComplete: 'email' }} />
        <Field label={t('auth.password')} hint={t('auth.passwordHint')} errors={fields.password.errors} inputProps={{ ...getInputProps(fields.password, { type: 'password' }), autoComplete: 'new-password' }} />
        <Field label={t('auth.organizationName')} errors={fields.organizationName.errors} inputProps={{ ...getInputProps(fields.organizationName, { type: 'text' }), autoComplete: 'organization' }} />
        {kinds.length > 1 ? (
          <SelectField
            label={t('auth.organizationKind')}
            errors={fields.organizationKind.errors}
            selectProps={getSelectProps(fields.organizationKind)}
            options={kinds.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
          />
        ) : (
          <input type="hidden" name={fields.organizationKind.name} value={kinds[0]} />
        )}
        <Field label={t('common.country')} hint={t('auth.countryHint')} errors={fields.country.errors} inputProps={{ ...getInputProps(fields.country, { type: 'text' }), maxLength: 2, autoComplete: 'country' }} />
        <SubmitButton>{t(variant === 'buyer' ? 'auth.createAccount' : 'auth.submitApplication')}</SubmitButton>
      </Form>
      <p className="muted">
        {t('auth.haveAccount')} <Link to="/login">{t('common.signIn')}</Link>
      </p>
    </div>
  )
}

export function ForgotPasswordPage() {
  const { t } = useTranslation()
  const actionData = useActionData<ActionShape>()
  const [form, fields] = useForm({
    id: 'forgot',
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: RequestPasswordResetSchema }),
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
  })
  return (
    <div className="panel narrow">
      <h1>{t('auth.forgotTitle')}</h1>
      <p className="muted">{t('auth.forgotIntro')}</p>
      {actionData?.sent ? <Notice tone="success">{t('auth.resetSent')}</Notice> : null}
      <ErrorAlert error={actionData?.error} />
      <Form method="post" {...getFormProps(form)}>
        <Field label={t('common.email')} errors={fields.email.errors} inputProps={{ ...getInputProps(fields.email, { type: 'email' }), autoComplete: 'email' }} />
        <SubmitButton>{t('auth.sendLink')}</SubmitButton>
      </Form>
    </div>
  )
}

export function ResetPasswordPage() {
  const { t } = useTranslation()
  const loaderData = useLoaderData<{ error: BusinessError }>()
  const actionData = useActionData<ActionShape>()
  const [form, fields] = useForm({
    id: 'reset',
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ResetPasswordSchema }),
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
  })
  const error = actionData?.error ?? loaderData.error
  return (
    <div className="panel narrow">
      <h1>{t('auth.resetTitle')}</h1>
      <ErrorAlert error={error} />
      {error ? (
        <Link to="/forgot-password">{t('auth.forgotTitle')}</Link>
      ) : (
        <Form method="post" {...getFormProps(form)}>
          <Field label={t('auth.newPassword')} hint={t('auth.passwordHint')} errors={fields.password.errors} inputProps={{ ...getInputProps(fields.password, { type: 'password' }), autoComplete: 'new-password' }} />
          <Field label={t('auth.confirmPassword')} errors={fields.confirm.errors} inputProps={{ ...getInputProps(fields.confirm, { type: 'password' }), autoComplete: 'new-password' }} />
          <SubmitButton>{t('auth.setPassword')}</SubmitButton>
        </Form>
      )}
    </div>
  )
}

export function InvitationPage() {
  const { t } = useTranslation()
  const { invitation, error, signedInAs } = useLoaderData<{
    invitation: { organizationName: string; email: string; role: string; accountExists: boolean } | null
    error: BusinessError
    signedInAs: string | null
  }>()
  const actionData = useActionData<ActionShape>()
  const location = useLocation()
  const needsAccount = !signedInAs && invitation && !invitation.accountExists
  const [form, fields] = useForm<{ name?: string; password?: string }>({
    id: 'accept',
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: needsAccount ? AcceptInvitationSchema.required() : z.object({}) }),
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
  })
  if (!invitation) {
    return (
      <div className="panel narrow">
        <ErrorAlert error={error} />
        <Link to="/">{t('common.backHome')}</Link>
      </div>
    )
  }
  const role = t(`roles.${invitation.role}`)
  return (
    <div className="panel narrow">
      <h1>{t('auth.invitationTitle', { organization: invitation.organizationName })}</h1>
      <p>{t('auth.invitationIntro', { organization: invitation.organizationName, role, email: invitation.email })}</p>
      <ErrorAlert error={actionData?.error} />
      {signedInAs && signedInAs !== invitation.email ? (
        <Notice tone="warning">{t('auth.invitationWrongAccount', { email: signedInAs })}</Notice>
      ) : !signedInAs && invitation.accountExists ? (
        <>
          <Notice>{t('auth.invitationSignInFirst')}</Notice>
          <Link className="button primary" to={`/login?redirectTo=${encodeURIComponent(location.pathname)}`}>
            {t('common.signIn')}
          </Link>
        </>
      ) : (
        <Form method="post" {...getFormProps(form)}>
          {needsAccount ? (
            <>
              <p className="muted">{t('auth.invitationCreateAccount')}</p>
              <Field label={t('auth.yourName')} errors={fields.name.errors} inputProps={{ ...getInputProps(fields.name, { type: 'text' }), autoComplete: 'name' }} />
              <Field label={t('auth.password')} hint={t('auth.passwordHint')} errors={fields.password.errors} inputProps={{ ...getInputProps(fields.password, { type: 'password' }), autoComplete: 'new-password' }} />
            </>
          ) : null}
          <SubmitButton>{t('auth.accept')}</SubmitButton>
        </Form>
      )}
    </div>
  )
}

export function useNotice(): string | null {
  const [params] = useSearchParams()
  return params.get('notice')
}
