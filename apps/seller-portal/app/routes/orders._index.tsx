import { data, type LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { guard } from '@tradepost/auth'
import { listOrders } from '@tradepost/domain/orders'
import { ORDER_STATUSES, type OrderStatus } from '@tradepost/domain/schemas'
import { FilterBar, FilterSelect } from '@tradepost/ui/components/data.tsx'
import { PageHeader } from '@tradepost/ui/components/shell.tsx'
import { metaTitle } from '@tradepost/ui/i18n/meta.ts'
import { NoOrders, OrdersTable } from '@tradepost/ui/pages/order.tsx'
import { kit } from '../app.server.ts'

export const meta = metaTitle('orders.received')

/** The orders buyers placed with the seller (those still waiting for the buyer's own approval are not shown). */
export const loader = guard(async ({ request }: LoaderFunctionArgs) => {
  const rc = await kit.requireMember(request)
  const kind = rc.ctx.actor.membership?.organizationKind
  if (kind !== 'manufacturer' && kind !== 'distributor') throw new Response('Not found', { status: 404 })
  const status = new URL(request.url).searchParams.get('status') ?? ''
  const orders = await listOrders(rc.ctx, 'seller', { status: (ORDER_STATUSES as readonly string[]).includes(status) ? (status as OrderStatus) : undefined })
  return data({ orders }, { headers: rc.headers })
})

const SELLER_SEES = ORDER_STATUSES.filter((s) => s !== 'pending_approval' && s !== 'rejected')

export default function ReceivedOrders() {
  const { t } = useTranslation()
  const { orders } = useLoaderData<typeof loader>()
  return (
    <>
      <PageHeader title={t('orders.received')} />
      <p className="muted">{t('orders.receivedIntro')}</p>
      <FilterBar clearTo="/orders">
        <FilterSelect name="status" label={t('orders.status')} options={[{ value: '', label: t('orders.anyStatus') }, ...SELLER_SEES.map((s) => ({ value: s, label: t(`orderStatuses.${s}`) }))]} />
      </FilterBar>
      <OrdersTable orders={orders} side="seller" empty={<NoOrders title={t('orders.noneReceived')} />} />
    </>
  )
}
