import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { guard } from '@tradepost/auth'
import { listMyOffers, setOffersStatus } from '@tradepost/domain/offers'
import { OFFER_STATUSES, OfferBulkSchema, type OfferStatus } from '@tradepost/domain/schemas'
import { DataTable, EmptyState, FilterBar, FilterInput, FilterSelect, FormattedDate, Num, Pagination, StatusBadge } from '@tradepost/ui/components/data.tsx'
import { ErrorAlert, Notice, SubmitButton } from '@tradepost/ui/components/forms.tsx'
import { Price } from '@tradepost/ui/components/money.tsx'
import { Flash } from '@tradepost/ui/components/toast.tsx'
import { PageHeader } from '@tradepost/ui/components/shell.tsx'
import { metaTitle } from '@tradepost/ui/i18n/meta.ts'
import { kit } from '../app.server.ts'

export const meta = metaTitle('catalog.offers')

const statusOf = (value: string | null) => (OFFER_STATUSES.includes(value as OfferStatus) ? (value as OfferStatus) : undefined)

export const loader = guard(async ({ request }: LoaderFunctionArgs) => {
  const rc = await kit.requireMember(request)
  const url = new URL(request.url)
  const page = Math.max(1, Math.min(10_000, Number.parseInt(url.searchParams.get('page') ?? '1', 10) || 1))
  const list = await listMyOffers(rc.ctx, { q: url.searchParams.get('q')?.slice(0, 100) ?? undefined, status: statusOf(url.searchParams.get('status')), page })
  // A page past the end (offers paused or deleted since the link was made) shows the last one.
  if (list.pageCount > 0 && page > list.pageCount) {
    url.searchParams.set('page', String(list.pageCount))
    throw redirect(`/offers?${url.searchParams}`, { headers: rc.headers })
  }
  return data({ list }, { headers: rc.headers })
})

/** Pause or activate the chosen offers, then back to the same filtered page. */
export const action = guard(async ({ request }: ActionFunctionArgs) => {
  const rc = await kit.requireMember(request)
  const formData = await request.formData()
  const parsed = OfferBulkSchema.safeParse({ intent: formData.get('intent'), offerIds: formData.getAll('offerIds') })
  if (!parsed.success) return data({ error: { code: parsed.error.issues.some((i) => i.path[0] === 'offerIds') ? 'NOTHING_SELECTED' : 'FORM_INVALID' } }, { status: 400 })
  const count = await setOffersStatus(rc.ctx, parsed.data.offerIds, parsed.data.intent === 'pause' ? 'paused' : 'active')
  const back = new URL(request.url).searchParams
  back.delete('index')
  back.set('notice', parsed.data.intent === 'pause' ? 'offersPaused' : 'offersActivated')
  back.set('count', String(count))
  throw redirect(`/offers?${back}`)
})

export default function Offers() {
  const { t, i18n } = useTranslation()
  const { list } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [params] = useSearchParams()
  const notice = params.get('notice')
  const filtered = Boolean(params.get('q') || params.get('status'))
  return (
    <>
      <PageHeader title={t('catalog.offers')}>
        <a className="button secondary" href="/offers.csv" download>
          {t('imports.export')}
        </a>{' '}
        <Link to="/offers/new" className="button primary">
          {t('catalog.newOffer')}
        </Link>
      </PageHeader>
      {notice === 'offersPaused' || notice === 'offersActivated' ? <Flash>{t(`catalog.${notice}`, { count: Number(params.get('count')) || 0 })}</Flash> : null}
      {notice === 'offerDeleted' ? <Flash>{t('catalog.offerDeleted')}</Flash> : null}
      <p className="muted">{t('catalog.offerCounts', { active: list.byStatus.active, paused: list.byStatus.paused })}</p>
      <FilterBar clearTo="/offers">
        <FilterInput name="q" label={t('common.search')} type="search" placeholder={t('catalog.searchOffers')} />
        <FilterSelect name="status" label={t('common.status')} options={OFFER_STATUSES.map((s) => ({ value: s, label: t(`statuses.${s}`) }))} />
      </FilterBar>
      {list.total === 0 ? (
        <EmptyState title={filtered ? t('catalog.noOffersMatch') : t('catalog.noOffers')}>
          {filtered ? null : (
            <Link to="/offers/new" className="button primary">
              {t('catalog.newOffer')}
            </Link>
          )}
        </EmptyState>
      ) : (
        <Form method="post">
          <ErrorAlert error={actionData?.error} />
          <div className="toolbar bulk-actions" role="group" aria-label={t('catalog.selectedOffers')}>
            <span className="muted">{t('catalog.selectedOffers')}:</span>
            <SubmitButton name="intent" value="pause" variant="secondary">
              {t('catalog.pauseSelected')}
            </SubmitButton>
            <SubmitButton name="intent" value="activate" variant="secondary">
              {t('catalog.activateSelected')}
            </SubmitButton>
          </div>
          <DataTable head={['', t('catalog.sku'), t('catalog.product'), t('product.price'), t('catalog.stockTotal'), t('common.status'), t('catalog.lastChange')]}>
            {list.rows.map((o) => (
              <tr key={o.id}>
                <td>
                  <input type="checkbox" name="offerIds" value={o.id} className="row-check" aria-label={t('catalog.selectOffer', { sku: o.sku })} />
                </td>
                <td>
                  <Link to={`/offers/${o.id}`}>{o.sku}</Link>
                </td>
                <td>
                  {i18n.language === 'vi' ? o.productNameVi : o.productName} <span className="muted">{o.productMpn}</span>
                </td>
                <td>
                  <Price money={o.price} />
                </td>
                <td>
                  <Num value={o.stock.reduce((n, s) => n + s.quantity, 0)} />
                </td>
                <td>
                  <StatusBadge status={o.status} />
                </td>
                <td>
                  <FormattedDate iso={o.updatedAt} />
                </td>
              </tr>
            ))}
          </DataTable>
          <Pagination page={list.page} pageCount={list.pageCount} />
        </Form>
      )}
    </>
  )
}
