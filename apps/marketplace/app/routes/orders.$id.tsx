import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { guard, idParam } from '@tradepost/auth'
import { cancelMyOrder, getOrder, reorder } from '@tradepost/domain/orders'
import { ErrorAlert } from '@tradepost/ui/components/forms.tsx'
import { PageHeader } from '@tradepost/ui/components/shell.tsx'
import { Flash } from '@tradepost/ui/components/toast.tsx'
import { OrderStepButton, OrderView } from '@tradepost/ui/pages/order.tsx'
import { kit } from '../app.server.ts'

export const meta = ({ data }: { data?: { order?: { number: string } } }) => [{ title: `${data?.order?.number ?? 'Order'} · Tradepost` }]


export const loader = guard(async ({ request, params }: LoaderFunctionArgs) => {
  const rc = await kit.requireMember(request)
  return data({ order: await getOrder(rc.ctx, idParam(params.id)) }, { headers: rc.headers })
})

/** The buyer cancels an order the seller has not confirmed yet, or puts its lines back in the cart at today's prices. */
export const action = guard(async ({ request, params }: ActionFunctionArgs) => {
  const rc = await kit.requireMember(request)
  const id = idParam(params.id)
  const intent = (await request.formData()).get('intent')
  if (intent === 'reorder') {
    const result = await reorder(rc.ctx, id)
    if (!result.ok) return data({ error: result.error }, { status: 409 })
    throw redirect(`/cart?notice=added&count=${result.value.added}`, { headers: rc.headers })
  }
  if (intent !== 'cancel') throw new Response('Bad request', { status: 400 })
  const result = await cancelMyOrder(rc.ctx, id)
  if (!result.ok) return data({ error: result.error }, { status: 409 })
  throw redirect(`/orders/${id}?notice=cancelled`, { headers: rc.headers })
})

export default function OrderPage() {
  const { t } = useTranslation()
  const { order } = useLoaderData<typeof loader>()
  const answer = useActionData<typeof action>()
  const notice = useSearchParams()[0].get('notice')
  return (
    <>
      <PageHeader title={t('orders.orderNumber', { number: order.number })}>
        <Link to="/orders">{t('orders.backToOrders')}</Link>
      </PageHeader>
      {notice === 'cancelled' ? <Flash>{t('orders.cancelledNotice')}</Flash> : null}
      <ErrorAlert error={answer?.error} />
      <OrderView
        order={order}
        side="buyer"
        actions={
          <>
            {order.actions.reorder ? (
              <OrderStepButton intent="reorder" label={t('orders.reorder')}>
                <p className="muted">{t('orders.reorderHint')}</p>
              </OrderStepButton>
            ) : null}
            {order.actions.buyerCancel ? (
              <OrderStepButton intent="cancel" label={t('orders.cancel')} variant="danger">
                <p className="muted">{t('orders.cancelHint')}</p>
              </OrderStepButton>
            ) : null}
          </>
        }
      />
    </>
  )
}
