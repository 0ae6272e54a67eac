import { data, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { guard } from '@tradepost/auth'
import { approvalQueue, listOrders } from '@tradepost/domain/orders'
import { ORDER_STATUSES, type OrderStatus } from '@tradepost/domain/schemas'
import { FilterBar, FilterSelect } from '@tradepost/ui/components/data.tsx'
import { Notice } from '@tradepost/ui/components/forms.tsx'
import { PageHeader } from '@tradepost/ui/components/shell.tsx'
import { metaTitle } from '@tradepost/ui/i18n/meta.ts'
import { NoOrders, OrdersTable } from '@tradepost/ui/pages/order.tsx'
import { kit } from '../app.server.ts'

export const meta = metaTitle('orders.title')

export const loader = guard(async ({ request }: LoaderFunctionArgs) => {
  const rc = await kit.requireMember(request)
  if (rc.ctx.actor.membership?.organizationKind !== 'buyer') throw new Response('Not found', { status: 404 })
  const url = new URL(request.url)
  const status = (ORDER_STATUSES as readonly string[]).includes(url.searchParams.get('status') ?? '') ? (url.searchParams.get('status') as OrderStatus) : undefined
  const [orders, waiting] = await Promise.all([listOrders(rc.ctx, 'buyer', { status }), approvalQueue(rc.ctx)])
  // Just placed: the orders of that checkout, named in the notice.
  const placedId = url.searchParams.get('placed')
  const placed = placedId ? orders.filter((o) => o.checkoutId === placedId) : []
  return data({ orders, waiting: waiting.length, placed: placed.map((o) => ({ number: o.number, seller: o.seller.name, status: o.status })) }, { headers: rc.headers })
})

export default function Orders() {
  const { t } = useTranslation()
  const { orders, waiting, placed } = useLoaderData<typeof loader>()
  const pending = placed.some((p) => p.status === 'pending_approval')
  return (
    <>
      <PageHeader title={t('orders.title')}>
        {waiting ? <Link to="/orders/approvals">{t('orders.waitingForYou', { count: waiting })}</Link> : null}
      </PageHeader>
      {placed.length ? (
        <Notice tone="success">
          <p>{t(pending ? 'orders.placedPending' : 'orders.placedNotice', { count: placed.length })}</p>
          <ul>
            {placed.map((p) => (
              <li key={p.number}>
                {p.number} — {p.seller}
              </li>
            ))}
          </ul>
        </Notice>
      ) : null}
      <FilterBar clearTo="/orders">
        <FilterSelect name="status" label={t('orders.status')} options={[{ value: '', label: t('orders.anyStatus') }, ...ORDER_STATUSES.map((s) => ({ value: s, label: t(`orderStatuses.${s}`) }))]} />
      </FilterBar>
      <OrdersTable orders={orders} side="buyer" empty={<NoOrders title={t('orders.none')}><p><Link to="/search">{t('orders.startShopping')}</Link></p></NoOrders>} />
    </>
  )
}
