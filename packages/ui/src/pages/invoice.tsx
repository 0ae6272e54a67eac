import { Link, useLoaderData } from '@remix-run/react'
import { useEffect, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { InvoiceDto, InvoiceRowDto } from '@tradepost/domain/invoices'
import { INVOICE_FILTERS, subdivisionName } from '@tradepost/domain/schemas'
import { DataTable, EmptyState, FilterBar, FilterSelect, FormattedDate, FormattedDay } from '../components/data.tsx'
import { PageHeader } from '../components/shell.tsx'
import { LinesTable } from './order.tsx'
import { Price } from '../components/money.tsx'

export function InvoiceStatusBadge({ invoice }: { invoice: Pick<InvoiceRowDto, 'status' | 'overdue'> }) {
  const { t } = useTranslation()
  if (invoice.overdue) return <span className="badge invoice-overdue">{t('invoices.overdue')}</span>
  return <span className={`badge invoice-${invoice.status}`}>{t(`invoices.statuses.${invoice.status}`)}</span>
}

/** Invoices received (the buyer) or issued (the seller), newest first; overdue ones stand out. */
export function InvoicesTable({ invoices, side, empty }: { invoices: InvoiceRowDto[]; side: 'buyer' | 'seller'; empty: ReactNode }) {
  const { t } = useTranslation()
  if (!invoices.length) return <>{empty}</>
  return (
    <DataTable head={[t('invoices.number'), side === 'buyer' ? t('orders.seller') : t('orders.buyer'), t('invoices.order'), t('invoices.issued'), t('invoices.due'), t('invoices.amount'), t('orders.status')]}>
      {invoices.map((i) => (
        <tr key={i.id} data-testid="invoice-row" className={i.overdue ? 'row-overdue' : undefined}>
          <td>
            <Link to={`/invoices/${i.id}`}>{i.number}</Link>
          </td>
          <td>{side === 'buyer' ? i.seller.name : i.buyer.name}</td>
          <td>
            <Link to={`/orders/${i.orderId}`}>{i.orderNumber}</Link>
          </td>
          <td>
            <FormattedDate iso={i.issuedAt} />
          </td>
          <td>
            <FormattedDay day={i.dueDate} />
            <small className="block muted">{t(`terms.${i.terms}`)}</small>
          </td>
          <td>
            <Price money={i.amount} />
          </td>
          <td>
            <InvoiceStatusBadge invoice={i} />
          </td>
        </tr>
      ))}
    </DataTable>
  )
}

/** An invoice's page: its title, the way back to the list, a notice, and the printable document with the side's `actions`. */
export function InvoicePage({ invoice, notice, actions }: { invoice: InvoiceDto; notice?: ReactNode; actions?: ReactNode }) {
  const { t } = useTranslation()
  return (
    <>
      <PageHeader title={t('invoices.titleNumber', { number: invoice.number })}>
        <Link to="/invoices" className="no-print">
          {t('invoices.all')}
        </Link>
      </PageHeader>
      {notice}
      <InvoiceDocument invoice={invoice} actions={actions} />
    </>
  )
}

/** The invoice as a printable document (the browser prints or saves it as PDF); `actions` sit outside the printed part. */
export function InvoiceDocument({ invoice, actions }: { invoice: InvoiceDto; actions?: ReactNode }) {
  const { t, i18n } = useTranslation()
  const vi = i18n.language === 'vi'
  return (
    <>
      <div className="no-print toolbar">{actions}</div>
      <article className="panel invoice-document" aria-labelledby="invoice-title">
        <header className="invoice-head">
          <div>
            <h2 id="invoice-title">{invoice.seller.name}</h2>
            <p>
              {t('invoices.titleNumber', { number: invoice.number })} <InvoiceStatusBadge invoice={invoice} />
            </p>
          </div>
          <dl className="facts">
            <dt>{t('invoices.issued')}</dt>
            <dd>
              <FormattedDate iso={invoice.issuedAt} />
            </dd>
            <dt>{t('invoices.due')}</dt>
            <dd>
              <FormattedDay day={invoice.dueDate} />
            </dd>
            <dt>{t('invoices.terms')}</dt>
            <dd>{t(`terms.${invoice.terms}`)}</dd>
            <dt>{t('invoices.order')}</dt>
            <dd>{invoice.orderNumber}</dd>
            <dt>{t('orders.poNumber')}</dt>
            <dd>{invoice.poNumber || '—'}</dd>
            {invoice.paidAt ? (
              <>
                <dt>{t('invoices.paidOn')}</dt>
                <dd>
                  <FormattedDate iso={invoice.paidAt} />
                </dd>
              </>
            ) : null}
          </dl>
        </header>
        <div className="grid-2 invoice-parties">
          <div>
            <h3>{t('invoices.from')}</h3>
            <p>{invoice.seller.name}</p>
          </div>
          <div>
            <h3>{t('invoices.billTo')}</h3>
            <p>
              {invoice.buyer.name}
              <small className="block muted">
                {t('invoices.deliverTo')}: {invoice.shipTo.name}, {[invoice.shipTo.addressLine, invoice.shipTo.city, subdivisionName(invoice.shipTo.subdivisionCode)].filter(Boolean).join(', ')}
              </small>
            </p>
          </div>
        </div>
        <LinesTable lines={invoice.lines} />
        <p className="cart-subtotal">
          {t('invoices.total')}: <strong><Price money={invoice.amount} /></strong>
        </p>
      </article>
    </>
  )
}

/** "Download the PDF" (drawn on the server, without JavaScript too), and "Print" (the browser's own dialog, once the page runs JavaScript). */
export function PrintButton({ invoiceId }: { invoiceId: string }) {
  const { t } = useTranslation()
  const [ready, setReady] = useState(false)
  useEffect(() => setReady(true), [])
  return (
    <>
      <a className="button secondary" href={`/invoices/${invoiceId}/pdf`} download>
        {t('invoices.downloadPdf')}
      </a>
      {ready ? (
        <button type="button" className="button secondary" onClick={() => window.print()}>
          {t('invoices.print')}
        </button>
      ) : null}
    </>
  )
}

/** The invoices page of either side: a status filter (overdue among them) and the table. */
export function InvoicesPage({ side }: { side: 'buyer' | 'seller' }) {
  const { t } = useTranslation()
  const { invoices } = useLoaderData<{ invoices: InvoiceRowDto[] }>()
  return (
    <>
      <PageHeader title={t('invoices.title')} />
      <p className="muted">{side === 'buyer' ? t('invoices.introBuyer') : t('invoices.introSeller')}</p>
      <FilterBar clearTo="/invoices">
        <FilterSelect name="status" label={t('orders.status')} options={[{ value: '', label: t('orders.anyStatus') }, ...INVOICE_FILTERS.map((s) => ({ value: s, label: s === 'overdue' ? t('invoices.overdue') : t(`invoices.statuses.${s}`) }))]} />
      </FilterBar>
      <InvoicesTable invoices={invoices} side={side} empty={<EmptyState title={t('invoices.none')} />} />
    </>
  )
}
