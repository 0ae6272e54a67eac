import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { guard, idParam } from '@tradepost/auth'
import { submitForm } from '@tradepost/auth/forms'
import { listCategories } from '@tradepost/domain/catalog'
import { deleteCommissionRate, listCommissionRates, saveCommissionRate } from '@tradepost/domain/ledger'
import { CommissionRateInputSchema } from '@tradepost/domain/schemas'
import { DataTable } from '@tradepost/ui/components/data.tsx'
import { ErrorAlert, Field, SelectField, SubmitButton } from '@tradepost/ui/components/forms.tsx'
import { PageHeader } from '@tradepost/ui/components/shell.tsx'
import { SuggestField } from '@tradepost/ui/components/suggest.tsx'
import { Flash } from '@tradepost/ui/components/toast.tsx'
import { metaTitle } from '@tradepost/ui/i18n/meta.ts'
import { kit } from '../app.server.ts'

export const meta = metaTitle('commission.title')

/** The operator's commission: the default rate and its overrides per seller and per category. */
export const loader = guard(async ({ request }: LoaderFunctionArgs) => {
  const rc = await kit.requireMember(request)
  const m = rc.ctx.actor.membership
  if (m?.organizationKind !== 'operator') throw new Response('Not found', { status: 404 })
  const [rates, categories] = await Promise.all([listCommissionRates(rc.ctx), listCategories(rc.ctx)])
  return data({ rates, categories, canEdit: m.role === 'admin' }, { headers: rc.headers })
})

export const action = guard(async ({ request }: ActionFunctionArgs) => {
  const rc = await kit.requireMember(request)
  if (rc.ctx.actor.membership?.organizationKind !== 'operator') throw new Response('Not found', { status: 404 })
  const formData = await request.formData()
  if (formData.get('intent') === 'delete') {
    await deleteCommissionRate(rc.ctx, idParam(String(formData.get('rateId') ?? '')))
    throw redirect('/commission?notice=deleted', { headers: rc.headers })
  }
  return submitForm(formData, CommissionRateInputSchema, (value) => saveCommissionRate(rc.ctx, value), { field: 'percent', redirectTo: () => '/commission?notice=saved' })
})

export default function Commission() {
  const { t, i18n } = useTranslation()
  const { rates, categories, canEdit } = useLoaderData<typeof loader>()
  const answer = useActionData<typeof action>()
  const errors = (answer?.result?.error ?? {}) as Record<string, string[] | null>
  const notice = useSearchParams()[0].get('notice')
  const vi = i18n.language === 'vi'
  const defaultRate = rates.find((r) => !r.seller && !r.category)
  return (
    <>
      <PageHeader title={t('commission.title')} />
      <p className="muted">{t('commission.intro')}</p>
      {notice === 'saved' || notice === 'deleted' ? <Flash>{t(`commission.${notice}`)}</Flash> : null}
      <ErrorAlert error={answer?.error && !answer.error.field ? answer.error : null} />
      <DataTable head={[t('commission.scope'), t('commission.rate'), '']}>
        {rates.map((r) => (
          <tr key={r.id} data-testid="commission-rate">
            <td>{[r.seller?.name, r.category ? (vi ? r.category.nameVi : r.category.nameEn) : null].filter(Boolean).join(' · ') || t('commission.default')}</td>
            <td>{r.rateBp / 100} %</td>
            <td>
              {canEdit && (r.seller || r.category) ? (
                <Form method="post" className="inline-form">
                  <input type="hidden" name="rateId" value={r.id} />
                  <SubmitButton name="intent" value="delete" variant="danger" aria-label={`${t('commission.remove')}: ${r.seller?.name ?? ''} ${r.category?.nameEn ?? ''}`.trim()}>
                    {t('commission.remove')}
                  </SubmitButton>
                </Form>
              ) : null}
            </td>
          </tr>
        ))}
      </DataTable>
      {canEdit ? (
        <Form method="post" className="panel stack">
          <h2>{t('commission.set')}</h2>
          <p className="muted">{t('commission.setHint', { percent: (defaultRate?.rateBp ?? 0) / 100 })}</p>
          <div className="grid-2">
            <SuggestField source="/distributors.json?all=1" label={t('commission.seller')} hint={t('commission.sellerHint')} errors={errors.seller ?? undefined} inputProps={{ id: 'seller', name: 'seller', maxLength: 200 }} />
            <SelectField label={t('commission.category')} errors={errors.categoryId ?? undefined} selectProps={{ id: 'categoryId', name: 'categoryId', defaultValue: '' }} options={[{ value: '', label: t('commission.anyCategory') }, ...categories.map((c) => ({ value: c.id, label: vi ? c.nameVi : c.nameEn }))]} />
          </div>
          <Field label={t('commission.percent')} errors={errors.percent ?? undefined} inputProps={{ id: 'percent', name: 'percent', inputMode: 'decimal', required: true }} />
          <div>
            <SubmitButton name="intent" value="save">
              {t('commission.save')}
            </SubmitButton>
          </div>
        </Form>
      ) : null}
    </>
  )
}
