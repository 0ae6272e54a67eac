import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { guard, idParam } from '@tradepost/auth'
import { parseForm } from '@tradepost/auth/forms'
import { getOrder, sellerOrderStep } from '@tradepost/domain/orders'
import { SellerStepInputSchema } from '@tradepost/domain/schemas'
import { ErrorAlert, Field } from '@tradepost/ui/components/forms.tsx'
import { PageHeader } from '@tradepost/ui/components/shell.tsx'
import { Flash } from '@tradepost/ui/components/toast.tsx'
import { OrderStepButton, OrderView } from '@tradepost/ui/pages/order.tsx'
import { kit } from '../app.server.ts'

export const meta = ({ data }: { data?: { order?: { number: string } } }) => [{ title: `${data?.order?.number ?? 'Order'} · Tradepost` }]


export const loader = guard(async ({ request, params }: LoaderFunctionArgs) => {
  const rc = await kit.requireMember(request)
  return data({ order: await getOrder(rc.ctx, idParam(params.id)) }, { headers: rc.headers })
})

/** The seller's next step on its order: confirm, ship (carrier, tracking number), deliver, complete, or cancel. */
export const action = guard(async ({ request, params }: ActionFunctionArgs) => {
  const rc = await kit.requireMember(request)
  const id = idParam(params.id)
  const formData = await request.formData()
  formData.set('step', String(formData.get('intent') ?? ''))
  const submission = parseForm(formData, SellerStepInputSchema)
  if (submission.status !== 'success') return data({ errors: (submission.error ?? {}) as Record<string, string[] | null>, error: null }, { status: 400 })
  const result = await sellerOrderStep(rc.ctx, id, submission.value)
  if (!result.ok) return data({ errors: {}, error: result.error }, { status: 409 })
  throw redirect(`/orders/${id}?notice=${result.value.status}`, { headers: rc.headers })
})

export default function SellerOrderPage() {
  const { t } = useTranslation()
  const { order } = useLoaderData<typeof loader>()
  const answer = useActionData<typeof action>()
  const notice = useSearchParams()[0].get('notice')
  const steps = order.actions.sellerSteps
  const errors = (answer?.errors ?? {}) as Record<string, string[] | null>
  return (
    <>
      <PageHeader title={t('orders.orderNumber', { number: order.number })}>
        <Link to="/orders">{t('orders.backToReceived')}</Link>
      </PageHeader>
      {notice ? <Flash>{t('orders.movedTo', { status: t(`orderStatuses.${notice}`, { defaultValue: notice }) })}</Flash> : null}
      <ErrorAlert error={answer?.error} />
      <OrderView
        order={order}
        side="seller"
        actions={
          steps.length ? (
            <div className="stack">
              <h3>{t('orders.nextStep')}</h3>
              {steps.includes('confirm') ? <OrderStepButton intent="confirm" label={t('orders.steps.confirm')} variant="primary" /> : null}
              {steps.includes('ship') ? (
                <OrderStepButton intent="ship" label={t('orders.steps.ship')} variant="primary">
                  <Field label={t('orders.carrier')} errors={errors.carrier ?? undefined} inputProps={{ id: 'carrier', name: 'carrier', maxLength: 100, required: true }} />
                  <Field label={t('orders.trackingNumber')} errors={errors.trackingNumber ?? undefined} inputProps={{ id: 'trackingNumber', name: 'trackingNumber', maxLength: 100 }} />
                  {/* What this parcel carries: everything left unless less is said (a partial shipment). */}
                  <fieldset className="field">
                    <legend>{t('orders.shipNow')}</legend>
                    {order.lines
                      .filter((l) => l.shipped < l.quantity)
                      .map((l) => (
                        <Field
                          // Keyed by what is left, so a shipment just made resets the field to the new rest.
                          key={`${l.id}:${l.quantity - l.shipped}`}
                          label={`${l.sku} (${t('orders.leftToShip', { count: l.quantity - l.shipped })})`}
                          errors={errors[`quantities.${l.id}`] ?? undefined}
                          inputProps={{ id: `ship-${l.id}`, name: `quantities.${l.id}`, type: 'number', min: 0, max: l.quantity - l.shipped, step: 1, defaultValue: l.quantity - l.shipped, inputMode: 'numeric' }}
                        />
                      ))}
                    <p className="muted">{t('orders.shipNowHint')}</p>
                  </fieldset>
                </OrderStepButton>
              ) : null}
              {steps.includes('deliver') ? <OrderStepButton intent="deliver" label={t('orders.steps.deliver')} variant="primary" /> : null}
              {steps.includes('complete') ? <OrderStepButton intent="complete" label={t('orders.steps.complete')} variant="primary" /> : null}
              {steps.includes('cancel') ? <OrderStepButton intent="cancel" label={t('orders.steps.cancel')} variant="danger" /> : null}
            </div>
          ) : null
        }
      />
    </>
  )
}
