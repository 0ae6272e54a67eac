import { data, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { guard } from '@tradepost/auth'
import { myBalance } from '@tradepost/domain/ledger'
import { DataTable, EmptyState, FormattedDate } from '@tradepost/ui/components/data.tsx'
import { Price } from '@tradepost/ui/components/money.tsx'
import { PageHeader } from '@tradepost/ui/components/shell.tsx'
import { metaTitle } from '@tradepost/ui/i18n/meta.ts'
import { kit } from '../app.server.ts'

export const meta = metaTitle('balance.title')

/** What the organization earned through the ledger: its shares of orders, territory shares, or (the operator) commission. */
export const loader = guard(async ({ request }: LoaderFunctionArgs) => {
  const rc = await kit.requireMember(request)
  if (rc.ctx.actor.membership?.role !== 'admin') throw new Response('Not found', { status: 404 })
  return data({ balance: await myBalance(rc.ctx), operator: rc.ctx.actor.membership.organizationKind === 'operator' }, { headers: rc.headers })
})

export default function Balance() {
  const { t } = useTranslation()
  const { balance, operator } = useLoaderData<typeof loader>()
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
    </>
  )
}
