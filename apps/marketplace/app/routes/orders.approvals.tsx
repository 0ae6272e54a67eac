import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { guard, isUuid } from '@tradepost/auth'
import { parseForm } from '@tradepost/auth/forms'
import { approvalQueue, decideApproval } from '@tradepost/domain/orders'
import { ApprovalDecisionInputSchema } from '@tradepost/domain/schemas'
import { EmptyState, FormattedDate } from '@tradepost/ui/components/data.tsx'
import { ErrorAlert, FieldErrors, SubmitButton } from '@tradepost/ui/components/forms.tsx'
import { Price, Totals } from '@tradepost/ui/components/money.tsx'
import { PageHeader } from '@tradepost/ui/components/shell.tsx'
import { Flash } from '@tradepost/ui/components/toast.tsx'
import { metaTitle } from '@tradepost/ui/i18n/meta.ts'
import { kit } from '../app.server.ts'

export const meta = metaTitle('approvalQueue.title')

export const loader = guard(async ({ request }: LoaderFunctionArgs) => {
  const rc = await kit.requireMember(request)
  if (rc.ctx.actor.membership?.organizationKind !== 'buyer') throw new Response('Not found', { status: 404 })
  return data({ queue: await approvalQueue(rc.ctx) }, { headers: rc.headers })
})

/** An approver approves or rejects (with a reason) the step of a checkout waiting for them. */
export const action = guard(async ({ request }: ActionFunctionArgs) => {
  const rc = await kit.requireMember(request)
  const formData = await request.formData()
  const checkoutId = String(formData.get('checkoutId') ?? '')
  if (!isUuid(checkoutId)) throw new Response('Not found', { status: 404 })
  formData.set('decision', String(formData.get('intent') ?? ''))
  const submission = parseForm(formData, ApprovalDecisionInputSchema)
  if (submission.status !== 'success') return data({ checkoutId, errors: (submission.error ?? {}) as Record<string, string[] | null>, error: null }, { status: 400 })
  const result = await decideApproval(rc.ctx, checkoutId, submission.value)
  if (!result.ok) return data({ checkoutId, errors: {}, error: result.error }, { status: 409 })
  throw redirect(`/orders/approvals?notice=${submission.value.decision === 'approve' ? (result.value.status === 'placed' ? 'approved' : 'approvedStep') : 'rejected'}`, { headers: rc.headers })
})

export default function ApprovalQueue() {
  const { t } = useTranslation()
  const { queue } = useLoaderData<typeof loader>()
  const answer = useActionData<typeof action>()
  const notice = useSearchParams()[0].get('notice')
  return (
    <>
      <PageHeader title={t('approvalQueue.title')}>
        <Link to="/orders">{t('orders.backToOrders')}</Link>
      </PageHeader>
      <p className="muted">{t('approvalQueue.intro')}</p>
      {notice === 'approved' || notice === 'approvedStep' || notice === 'rejected' ? <Flash>{t(`approvalQueue.${notice}`)}</Flash> : null}
      {queue.length === 0 ? <EmptyState title={t('approvalQueue.none')} /> : null}
      {queue.map((c) => {
        const mine = answer?.checkoutId === c.checkoutId
        const commentErrors = mine ? ((answer.errors as Record<string, string[] | null>).comment ?? undefined) : undefined
        return (
          <section key={c.checkoutId} className="panel" aria-labelledby={`checkout-${c.checkoutId}`} data-testid="approval-item">
            <h2 id={`checkout-${c.checkoutId}`}>
              {t('approvalQueue.from', { name: c.placedBy })} · <FormattedDate iso={c.createdAt} withTime />
            </h2>
            <p>
              {t('orders.poNumber')}: {c.poNumber || '—'} · {t('approvalQueue.step', { step: c.step, steps: c.steps })} · {t('cart.total')}:{' '}
              <Totals totals={c.totals} />
            </p>
            <ul>
              {c.orders.map((o) => (
                <li key={o.id}>
                  <Link to={`/orders/${o.id}`}>{o.number}</Link> — {o.seller.name}: <Price money={o.total} />
                </li>
              ))}
            </ul>
            {mine ? <ErrorAlert error={answer.error} /> : null}
            <Form method="post" className="stack">
              <input type="hidden" name="checkoutId" value={c.checkoutId} />
              <div className="field">
                <label htmlFor={`comment-${c.checkoutId}`}>{t('approvalQueue.comment')}</label>
                <textarea id={`comment-${c.checkoutId}`} name="comment" rows={2} maxLength={2000} aria-invalid={commentErrors ? true : undefined} aria-describedby={commentErrors ? `comment-${c.checkoutId}-error` : undefined} />
                <FieldErrors id={`comment-${c.checkoutId}-error`} errors={commentErrors} />
              </div>
              <div className="toolbar">
                <SubmitButton name="intent" value="approve">
                  {t('approvalQueue.approve')}
                </SubmitButton>
                <SubmitButton name="intent" value="reject" variant="danger">
                  {t('approvalQueue.reject')}
                </SubmitButton>
              </div>
            </Form>
          </section>
        )
      })}
    </>
  )
}
