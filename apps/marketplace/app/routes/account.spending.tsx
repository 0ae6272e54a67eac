import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { guard } from '@tradepost/auth'
import { submitForm } from '@tradepost/auth/forms'
import { listSpending, saveSpendingLimits, type CompanySpendingDto } from '@tradepost/domain/companies'
import { toInputString, type Money } from '@tradepost/domain/money'
import { SpendingLimitsInputSchema } from '@tradepost/domain/schemas'
import { DataTable } from '@tradepost/ui/components/data.tsx'
import { ErrorAlert, Field, SubmitButton } from '@tradepost/ui/components/forms.tsx'
import { Price } from '@tradepost/ui/components/money.tsx'
import { PageHeader } from '@tradepost/ui/components/shell.tsx'
import { Flash } from '@tradepost/ui/components/toast.tsx'
import { metaTitle } from '@tradepost/ui/i18n/meta.ts'
import { kit } from '../app.server.ts'
import { CompanyTabs } from '../components/company-tabs.tsx'

export const meta = metaTitle('spending.title')

export const loader = guard(async ({ request }: LoaderFunctionArgs) => {
  const rc = await kit.requireMember(request)
  if (rc.ctx.actor.membership?.organizationKind !== 'buyer') throw new Response('Not found', { status: 404 })
  return data({ companies: await listSpending(rc.ctx) }, { headers: rc.headers })
})

export const action = guard(async ({ request }: ActionFunctionArgs) => {
  const rc = await kit.requireMember(request)
  return submitForm(await request.formData(), SpendingLimitsInputSchema, (value) => saveSpendingLimits(rc.ctx, value), {
    field: 'perMonth',
    redirectTo: (saved) => `/account/spending?notice=saved#company-${saved.organizationId}`,
  })
})

type Answer = ReturnType<typeof useActionData<typeof action>>

export default function Spending() {
  const { t } = useTranslation()
  const { companies } = useLoaderData<typeof loader>()
  const answer = useActionData<typeof action>()
  const notice = useSearchParams()[0].get('notice')
  return (
    <>
      <CompanyTabs />
      <PageHeader title={t('spending.title')} />
      <p className="muted">{t('spending.intro')}</p>
      {notice === 'saved' ? <Flash>{t('spending.saved')}</Flash> : null}
      {companies.map((c) => (
        <CompanyLimits key={c.company.id} spending={c} answer={answer} />
      ))}
    </>
  )
}

const amount = (money: Money | null) => (money ? toInputString(money) : '')

/** One company's limits: a form per person and one for the company when its admins keep them, else a table. */
function CompanyLimits({ spending, answer }: { spending: CompanySpendingDto; answer: Answer }) {
  const { t } = useTranslation()
  const { company } = spending
  const currency = company.currency
  const sent = (answer?.result.initialValue ?? {}) as { organizationId?: string; userId?: string }
  const errorsFor = (userId: string | null) => (sent.organizationId === company.id && (sent.userId || null) === userId ? ((answer?.result.error ?? {}) as Record<string, string[] | undefined>) : {})
  const businessError = (userId: string | null) => (sent.organizationId === company.id && (sent.userId || null) === userId && answer?.error && !answer.error.field ? answer.error : null)
  const noLimit = <span className="muted">{t('spending.noLimit')}</span>
  return (
    <section className="panel" id={`company-${company.id}`} aria-labelledby={`company-${company.id}-title`}>
      <h2 id={`company-${company.id}-title`}>{company.parentName ? t('spending.childCompany', { name: company.name, parent: company.parentName }) : company.name}</h2>
      {spending.canManage ? (
        <>
          <p className="hint">{t('spending.hint', { currency })}</p>
          <Form key={`company-${spending.perMonth?.amount}`} method="post" className="limit-row single" aria-label={t('spending.companyLimitOf', { name: company.name })}>
            <input type="hidden" name="organizationId" value={company.id} />
            <input type="hidden" name="currency" value={currency} />
            <strong className="limit-who">{t('spending.wholeCompany')}</strong>
            <Field label={t('spending.perMonth', { currency })} errors={errorsFor(null).perMonth} inputProps={{ id: `limit-${company.id}-month`, name: 'perMonth', defaultValue: amount(spending.perMonth), inputMode: 'decimal', autoComplete: 'off' }} />
            <SubmitButton variant="secondary" aria-label={t('spending.saveFor', { name: company.name })}>
              {t('spending.save')}
            </SubmitButton>
            <ErrorAlert error={businessError(null)} />
          </Form>
          {spending.members.map((m) => (
            <Form key={`${m.userId}-${m.perOrder?.amount}-${m.perMonth?.amount}`} method="post" className="limit-row" aria-label={t('spending.limitsOf', { name: m.name })}>
              <input type="hidden" name="organizationId" value={company.id} />
              <input type="hidden" name="userId" value={m.userId} />
              <input type="hidden" name="currency" value={currency} />
              <span className="limit-who">
                <strong className="block">{m.name}</strong>
                <span className="muted">{t(`roles.${m.role}`)}</span>
              </span>
              <Field label={t('spending.perOrder', { currency })} errors={errorsFor(m.userId).perOrder} inputProps={{ id: `limit-${company.id}-${m.userId}-order`, name: 'perOrder', defaultValue: amount(m.perOrder), inputMode: 'decimal', autoComplete: 'off' }} />
              <Field label={t('spending.perMonth', { currency })} errors={errorsFor(m.userId).perMonth} inputProps={{ id: `limit-${company.id}-${m.userId}-month`, name: 'perMonth', defaultValue: amount(m.perMonth), inputMode: 'decimal', autoComplete: 'off' }} />
              <SubmitButton variant="secondary" aria-label={t('spending.saveFor', { name: m.name })}>
                {t('spending.save')}
              </SubmitButton>
              <ErrorAlert error={businessError(m.userId)} />
            </Form>
          ))}
        </>
      ) : (
        <>
          <p>
            {t('spending.wholeCompany')}: {spending.perMonth ? <Price money={spending.perMonth} /> : noLimit} {t('spending.aMonth')}
          </p>
          <DataTable head={[t('common.name'), t('spending.perOrderShort'), t('spending.perMonthShort')]}>
            {spending.members.map((m) => (
              <tr key={m.userId}>
                <td>{m.name}</td>
                <td>{m.perOrder ? <Price money={m.perOrder} /> : noLimit}</td>
                <td>{m.perMonth ? <Price money={m.perMonth} /> : noLimit}</td>
              </tr>
            ))}
          </DataTable>
        </>
      )}
    </section>
  )
}
