import { Form, Link } from '@remix-run/react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { OrderDto, OrderRowDto } from '@tradepost/domain/orders'
import { subdivisionName } from '@tradepost/domain/schemas'
import { DataTable, EmptyState, FormattedDate, FormattedDay } from '../components/data.tsx'
import { Price } from '../components/money.tsx'

export function OrderStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation()
  return <span className={`badge order-status-${status}`}>{t(`orderStatuses.${status}`)}</span>
}

/** The orders of one side (the buyer's history, or what a seller received), newest first. */
export function OrdersTable({ orders, side, empty }: { orders: OrderRowDto[]; side: 'buyer' | 'seller'; empty: ReactNode }) {
  const { t } = useTranslation()
  if (!orders.length) return <>{empty}</>
  return (
    <DataTable head={[t('orders.number'), side === 'buyer' ? t('orders.seller') : t('orders.buyer'), t('orders.poNumber'), t('orders.placed'), t('orders.total'), t('orders.status')]}>
      {orders.map((o) => (
        <tr key={o.id} data-testid="order-row">
          <td>
            <Link to={`/orders/${o.id}`}>{o.number}</Link>
          </td>
          <td>{side === 'buyer' ? o.seller.name : o.buyer.name}</td>
          <td>{o.poNumber || '—'}</td>
          <td>
            <FormattedDate iso={o.createdAt} withTime />
            <small className="block muted">{o.placedBy}</small>
          </td>
          <td>
            <Price money={o.total} />
          </td>
          <td>
            <OrderStatusBadge status={o.status} />
          </td>
        </tr>
      ))}
    </DataTable>
  )
}

/** One order as both sides see it: its lines, where it goes, its approvals, shipping; `actions` are the side's own controls. */
export function OrderView({ order, side, actions }: { order: OrderDto; side: 'buyer' | 'seller'; actions?: ReactNode }) {
  const { t, i18n } = useTranslation()
  const vi = i18n.language === 'vi'
  return (
    <>
      <div className="order-head">
        <p>
          <OrderStatusBadge status={order.status} /> · {side === 'buyer' ? t('orders.fromSeller', { name: order.seller.name }) : t('orders.fromBuyer', { name: order.buyer.name })} · <FormattedDate iso={order.createdAt} withTime />
        </p>
      </div>
      <div className="order-grid">
        <section className="panel" aria-labelledby="order-lines">
          <h2 id="order-lines">{t('orders.lines')}</h2>
          <LinesTable lines={order.lines} />
          <p className="cart-subtotal">
            {t('orders.total')}: <strong><Price money={order.total} /></strong>
          </p>
        </section>
        <section className="panel" aria-labelledby="order-details">
          <h2 id="order-details">{t('orders.details')}</h2>
          <dl className="facts">
            <dt>{t('orders.poNumber')}</dt>
            <dd>{order.poNumber || '—'}</dd>
            <dt>{t('orders.placedBy')}</dt>
            <dd>{order.placedBy}</dd>
            <dt>{t('checkout.shipTo')}</dt>
            <dd>
              {order.shipTo.name}
              <small className="block muted">
                {[order.shipTo.addressLine, order.shipTo.city, subdivisionName(order.shipTo.subdivisionCode)].filter(Boolean).join(', ')}
              </small>
            </dd>
            <dt>{t('checkout.requestedDate')}</dt>
            <dd>{order.requestedDate ? <FormattedDay day={order.requestedDate} /> : '—'}</dd>
            {order.notes ? (
              <>
                <dt>{t('orders.notes')}</dt>
                <dd className="pre-wrap">{order.notes}</dd>
              </>
            ) : null}
            {order.invoice ? (
              <>
                <dt>{t('invoices.invoice')}</dt>
                <dd>
                  <Link to={`/invoices/${order.invoice.id}`}>{order.invoice.number}</Link> · {t(`invoices.statuses.${order.invoice.status}`)}
                  <small className="block muted">
                    {t(`terms.${order.invoice.terms}`)} · {t('invoices.due')} <FormattedDay day={order.invoice.dueDate} />
                  </small>
                </dd>
              </>
            ) : null}
            {order.shipments.length > 1 || (order.shipments.length === 1 && order.status === 'partially_shipped') ? (
              <>
                <dt>{t('orders.shipments')}</dt>
                <dd>
                  <ol className="plain-list" data-testid="shipments">
                    {order.shipments.map((sh) => (
                      <li key={sh.id}>
                        <FormattedDate iso={sh.at} /> · {sh.carrier}
                        {sh.trackingNumber ? ` · ${sh.trackingNumber}` : ''}
                        <small className="block muted">{sh.lines.map((l) => `${l.quantity} × ${l.sku}`).join(', ')}</small>
                      </li>
                    ))}
                  </ol>
                </dd>
              </>
            ) : null}
            {order.payment ? (
              <>
                <dt>{t('orders.cardPayment')}</dt>
                <dd data-testid="card-payment">
                  {order.payment.status === 'succeeded' ? t('orders.paidByCard') : order.payment.status === 'requires_payment' ? t('orders.awaitingCard') : t(`pay.${order.payment.status}`)}
                  {order.payment.status === 'requires_payment' && side === 'buyer' ? (
                    <>
                      {' '}
                      <Link to={`/checkout/${order.checkoutId}/pay`}>{t('orders.payNow')}</Link>
                    </>
                  ) : null}
                </dd>
              </>
            ) : null}
            {order.carrier ? (
              <>
                <dt>{t('orders.carrier')}</dt>
                <dd>
                  {order.carrier}
                  {order.trackingNumber ? <small className="block muted">{t('orders.trackingIs', { number: order.trackingNumber })}</small> : null}
                </dd>
              </>
            ) : null}
          </dl>
          {order.approval.steps.length && side === 'buyer' ? (
            <>
              <h3>{t('orders.approvals')}</h3>
              <ol className="approval-steps">
                {order.approval.steps.map((s, i) => (
                  <li key={i}>
                    {'role' in s.step ? t(`roles.${s.step.role}`) : s.label}:{' '}
                    {s.decision ? (
                      <>
                        {t(s.decision.decision === 'approved' ? 'orders.approvedBy' : 'orders.rejectedBy', { name: s.decision.by })}
                        {s.decision.comment ? <q> {s.decision.comment}</q> : null}
                      </>
                    ) : (
                      <span className="muted">{order.status === 'pending_approval' && i === order.approval.done ? t('orders.waiting') : '—'}</span>
                    )}
                  </li>
                ))}
              </ol>
            </>
          ) : null}
          {actions}
        </section>
      </div>
    </>
  )
}

/** A one-button form with a visible label, for a step on an order. */
export function OrderStepButton({ intent, label, variant = 'secondary', children }: { intent: string; label: string; variant?: 'primary' | 'secondary' | 'danger'; children?: ReactNode }) {
  return (
    <Form method="post" className="stack order-step">
      {children}
      <div>
        <button type="submit" name="intent" value={intent} className={`button ${variant}`}>
          {label}
        </button>
      </div>
    </Form>
  )
}

export function NoOrders({ title, children }: { title: string; children?: ReactNode }) {
  return <EmptyState title={title}>{children}</EmptyState>
}

/** The lines of an order or an invoice: item (with SKU and the price list that gave its price), unit price, quantity, total. */
export function LinesTable({ lines }: { lines: { sku: string; productName: { en: string; vi: string }; quantity: number; shipped?: number; unit: { amount: number; currency: string }; total: { amount: number; currency: string }; priceList?: string | null }[] }) {
  const { t, i18n } = useTranslation()
  const vi = i18n.language === 'vi'
  return (
    <DataTable head={[t('cart.item'), t('cart.unitPrice'), t('cart.quantity'), t('cart.lineTotal')]}>
      {lines.map((l, i) => (
        <tr key={i}>
          <td>
            {vi ? l.productName.vi : l.productName.en}
            <small className="block muted">
              {l.sku}
              {l.priceList ? ` · ${t('cart.fromList', { name: l.priceList })}` : ''}
            </small>
          </td>
          <td>
            <Price money={l.unit} />
          </td>
          <td>
            {l.quantity}
            {l.shipped != null && l.shipped > 0 && l.shipped < l.quantity ? <small className="block muted">{t('orders.shippedOf', { shipped: l.shipped })}</small> : null}
          </td>
          <td>
            <Price money={l.total} />
          </td>
        </tr>
      ))}
    </DataTable>
  )
}
