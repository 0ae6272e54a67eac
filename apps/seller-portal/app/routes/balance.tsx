import { data, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { guard } from '@tradepost/auth'
import { myBalance } from '@tradepost/domain/ledger'
import { myPayouts, myTransfers } from '@tradepost/domain/payments'
import { DataTable, EmptyState, FormattedDate, FormattedDay } from '@tradepost/ui/components/data.tsx'
import { Price } from '@tradepost/ui/components/money.tsx'
import { PageHeader } from '@tradepost/ui/components/shell.tsx'
import { metaTitle } from '@tradepost/ui/i18n/meta.ts'
import { kit } from '../app.server.ts'

export const meta = metaTitle('balance.title')

/** What the organization earned through the ledger (its shares of orders, territory shares, or the operator's commission less card fees), its card transfers and its payouts. */
export const loader = guard(async ({ request }: LoaderFunctionArgs) => {
  const rc = await kit.requireMember(request)
  if (rc.ctx.actor.membership?.role !== 'admin') throw new Response('Not found', { status: 404 })
  const [balance, transfers, payouts] = await Promise.all([myBalance(rc.ctx), myTransfers(rc.ctx), myPayouts(rc.ctx)])
  return data({ balance, transfers, payouts, operator: rc.ctx.actor.membership.organizationKind === 'operator' }, { headers: rc.headers })
})

export default function Balance() {
  const { t } = useTranslation()
  const { balance, transfers, payouts, operator } = useLoaderData<typeof loader>()
  return (
    <>
      <PageHeader title={t('balance.title')} />
      <p className="muted">{operator ? t('balance.introOperator') : t('balance.intro')}</p>
      {balance.totals.length ? (
        <div className="stats">
          {balance.totals.map((total) => (
            <div key={`${total.account}:${total.amount.currency}`} className="panel stat-card" data-testid="balance-total">
              <span className="stat">
                <Price money={total.amount} />
              </span>
              <span>{t(`balance.accounts.${total.account}`)}</span>
            </div>
          ))}
        </div>
      ) : (
        <EmptyState title={t('balance.none')} />
      )}
      {balance.entries.length ? (
        <>
          <h2>{t('balance.entries')}</h2>
          <DataTable head={[t('balance.when'), t('balance.account'), t('invoices.order'), t('invoices.amount')]}>
            {balance.entries.map((e) => (
              <tr key={e.id} data-testid="ledger-entry">
                <td>
                  <FormattedDate iso={e.at} withTime />
                </td>
                <td>
                  {t(`balance.accounts.${e.account}`)}
                  {e.reversal ? <small className="block muted">{t('balance.reversal')}</small> : null}
                </td>
                <td>{operator ? e.orderNumber : <Link to={`/orders/${e.orderId}`}>{e.orderNumber}</Link>}</td>
                <td>
                  <Price money={e.amount} />
                </td>
              </tr>
            ))}
          </DataTable>
        </>
      ) : null}
      {operator ? null : (
        <section aria-labelledby="transfers">
          <h2 id="transfers">{t('payments.transfers')}</h2>
          <p className="muted">{t('payments.transfersIntro')}</p>
          {transfers.length ? (
            <DataTable head={[t('balance.when'), t('payments.order'), t('payments.share'), t('payments.amount'), t('orders.status')]}>
              {transfers.map((tr) => (
                <tr key={tr.id} data-testid="transfer">
                  <td>
                    <FormattedDate iso={tr.createdAt} withTime />
                  </td>
                  <td>{tr.orderNumber}</td>
                  <td>{t(`balance.accounts.${tr.account}`)}</td>
                  <td>
                    <Price money={tr.amount} />
                    {tr.reversed.amount > 0 ? (
                      <small className="block muted">
                        {t('payments.reversed')} <Price money={tr.reversed} />
                      </small>
                    ) : null}
                  </td>
                  <td>
                    {t(`payments.transferStatuses.${tr.status}`)}
                    {tr.providerId ? <small className="block muted">{tr.providerId}</small> : null}
                  </td>
                </tr>
              ))}
            </DataTable>
          ) : (
            <EmptyState title={t('payments.noTransfers')} />
          )}
        </section>
      )}
      {operator ? null : (
        <section aria-labelledby="payouts">
          <h2 id="payouts">{t('payments.payouts')}</h2>
          <p className="muted">{t('payments.payoutsIntro')}</p>
          {payouts.length ? (
            <DataTable head={[t('balance.when'), t('payments.amount'), t('orders.status'), t('payments.arrival')]}>
              {payouts.map((p) => (
                <tr key={p.id} data-testid="payout">
                  <td>
                    <FormattedDate iso={p.createdAt} withTime />
                  </td>
                  <td>
                    <Price money={p.amount} />
                  </td>
                  <td>
                    {t(`payments.payoutStatuses.${p.status}`)}
                    {p.failureMessage ? <small className="block muted">{p.failureMessage}</small> : null}
                  </td>
                  <td>
                    <FormattedDay day={p.arrivalDate} />
                  </td>
                </tr>
              ))}
            </DataTable>
          ) : (
            <EmptyState title={t('payments.noPayouts')} />
          )}
        </section>
      )}
    </>
  )
}
