import { data, type LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { guard } from '@tradepost/auth'
import { listReceivedQuoteRequests } from '@tradepost/domain/quotes'
import { DataTable, EmptyState, FormattedDate, Num } from '@tradepost/ui/components/data.tsx'
import { PageHeader } from '@tradepost/ui/components/shell.tsx'
import { metaTitle } from '@tradepost/ui/i18n/meta.ts'
import { kit } from '../app.server.ts'

export const meta = metaTitle('quotes.title')

export const loader = guard(async ({ request }: LoaderFunctionArgs) => {
  const rc = await kit.requireMember(request)
  return data({ requests: await listReceivedQuoteRequests(rc.ctx) }, { headers: rc.headers })
})

/** What buyers asked a price for on the seller's "call for price" offers. */
export default function QuoteRequests() {
  const { t, i18n } = useTranslation()
  const { requests } = useLoaderData<typeof loader>()
  const vi = i18n.language === 'vi'
  return (
    <>
      <PageHeader title={t('quotes.title')} />
      <p className="muted">{t('quotes.intro')}</p>
      {requests.length === 0 ? (
        <EmptyState title={t('quotes.none')} />
      ) : (
        <DataTable head={[t('quotes.when'), t('quotes.buyer'), t('quotes.offer'), t('quotes.quantity'), t('quotes.message'), t('quotes.status')]}>
          {requests.map((r) => (
            <tr key={r.id}>
              <td>
                <FormattedDate iso={r.createdAt} withTime />
              </td>
              <td>
                <strong>{r.buyer.name}</strong>
                <small className="muted block">
                  {r.requestedBy.name} · <a href={`mailto:${r.requestedBy.email}`}>{r.requestedBy.email}</a>
                </small>
              </td>
              <td>
                {vi ? r.offer.productName.vi : r.offer.productName.en}
                <small className="muted block">{r.offer.sku}</small>
              </td>
              <td>
                <Num value={r.quantity} />
              </td>
              <td className="wrap">{r.message || '—'}</td>
              <td>{t(`quotes.statuses.${r.status}`)}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  )
}
