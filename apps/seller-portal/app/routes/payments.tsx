import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { appUrl, guard } from '@tradepost/auth'
import { myPaymentAccount, startOnboarding } from '@tradepost/domain/payments'
import { ErrorAlert, Notice, SubmitButton } from '@tradepost/ui/components/forms.tsx'
import { PageHeader } from '@tradepost/ui/components/shell.tsx'
import { metaTitle } from '@tradepost/ui/i18n/meta.ts'
import { kit } from '../app.server.ts'

export const meta = metaTitle('payments.title')

/** The seller's connection to Stripe: back from onboarding (`?return=1`), its state is read from Stripe. */
export const loader = guard(async ({ request }: LoaderFunctionArgs) => {
  const rc = await kit.requireMember(request)
  const kind = rc.ctx.actor.membership?.organizationKind
  if (kind !== 'manufacturer' && kind !== 'distributor') throw new Response('Not found', { status: 404 })
  const refresh = new URL(request.url).searchParams.has('return')
  return data({ payments: await myPaymentAccount(rc.ctx, { refresh }) }, { headers: rc.headers })
})

/** Creates the connected account once and sends the admin to Stripe's onboarding. */
export const action = guard(async ({ request }: ActionFunctionArgs) => {
  const rc = await kit.requireMember(request)
  if ((await request.formData()).get('intent') !== 'onboard') throw new Response('Bad request', { status: 400 })
  const here = `${appUrl('portal')}/payments`
  const result = await startOnboarding(rc.ctx, { returnUrl: `${here}?return=1`, refreshUrl: here })
  if (!result.ok) return data({ error: result.error }, { status: 409 })
  throw redirect(result.value.url, { headers: rc.headers })
})

export default function PaymentsPage() {
  const { t } = useTranslation()
  const { payments } = useLoaderData<typeof loader>()
  const answer = useActionData<typeof action>()
  const account = payments.account
  return (
    <>
      <PageHeader title={t('payments.title')} />
      <p className="muted">{t('payments.intro')}</p>
      <ErrorAlert error={answer?.error} />
      <section className="panel stack" aria-labelledby="payments-status">
        <h2 id="payments-status">{t('payments.status')}</h2>
        {!payments.enabled ? (
          <Notice tone="info">{t('payments.notConfigured')}</Notice>
        ) : !payments.supported ? (
          <Notice tone="info">{t('payments.unsupported', { country: payments.country })}</Notice>
        ) : (
          <>
            <p data-testid="payments-status">
              {!account ? t('payments.notConnected') : account.transfers === 'active' ? t('payments.statusActive') : account.transfers === 'pending' ? t('payments.statusPending') : t('payments.statusInactive')}
            </p>
            {account ? (
              <p className="muted">
                {t('payments.account')}: <code>{account.id}</code>
              </p>
            ) : null}
            {account?.transfers === 'active' ? null : payments.canManage ? (
              <Form method="post" className="stack">
                <p className="muted">{t('payments.startHint')}</p>
                <div>
                  <SubmitButton name="intent" value="onboard">
                    {account ? t('payments.resume') : t('payments.start')}
                  </SubmitButton>
                </div>
              </Form>
            ) : (
              <p className="muted">{t('payments.adminsOnly')}</p>
            )}
          </>
        )}
      </section>
    </>
  )
}
