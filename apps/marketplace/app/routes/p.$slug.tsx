import { data, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { guard } from '@tradepost/auth'
import { getProductPage, NEAR_KM } from '@tradepost/domain/offers'
import { PriceWhy } from '@tradepost/ui/components/price-why.tsx'
import { DataTable, EmptyState, Num } from '@tradepost/ui/components/data.tsx'
import { LocationSelect } from '@tradepost/ui/components/location.tsx'
import { ProductImage } from '@tradepost/ui/components/product-image.tsx'
import { Notice } from '@tradepost/ui/components/forms.tsx'
import { kit } from '../app.server.ts'
import { resolveNear } from '../near.server.ts'

export const meta = ({ data }: { data?: { product?: { name: { en: string } } } }) => [{ title: `${data?.product?.name.en ?? 'Product'} · Tradepost` }]

export const loader = guard(async ({ request, params }: LoaderFunctionArgs) => {
  const rc = await kit.getRequestContext(request)
  const near = await resolveNear(rc.ctx, new URL(request.url).searchParams)
  const product = await getProductPage(rc.ctx, params.slug ?? '', near.at)
  return data({ product, near: near.code, shipTo: near.shipTo, nearKm: NEAR_KM }, { headers: rc.headers })
})

export default function ProductPage() {
  const { t, i18n } = useTranslation()
  const { product: p, near, shipTo, nearKm } = useLoaderData<typeof loader>()
  const vi = i18n.language === 'vi'
  const label = (def: { labelEn: string; labelVi: string }) => (vi ? def.labelVi : def.labelEn)
  return (
    <>
      <p className="muted">
        <Link to={`/search?category=${p.category.slug}`}>{vi ? p.category.nameVi : p.category.nameEn}</Link>
        {p.brand ? <> · <Link to={`/search?brand=${p.brand.slug}`}>{p.brand.name}</Link></> : null}
      </p>
      <div className="product-head">
        <div>
          {p.images[0] ? <ProductImage image={p.images[0]} alt={vi ? p.name.vi : p.name.en} className="product-image" sizes="(max-width: 800px) calc(100vw - 1.5rem), 480px" eager /> : null}
          <h1>{vi ? p.name.vi : p.name.en}</h1>
          {p.sellerListed ? <Notice tone="warning">{t('product.sellerListed')}</Notice> : null}
          <p>{vi ? p.description.vi : p.description.en}</p>
        </div>
        <section className="panel">
          <h2>{t('product.specifications')}</h2>
          <dl className="facts">
            <dt>{t('product.mpn')}</dt>
            <dd>{p.mpn}</dd>
            {p.gtin ? (
              <>
                <dt>{t('product.gtin')}</dt>
                <dd>{p.gtin}</dd>
              </>
            ) : null}
            <dt>{t('product.unit')}</dt>
            <dd>
              {p.packSize} × {t(`units.${p.unitOfMeasure}`)}
            </dd>
            {p.category.attributes
              .filter((a) => p.attributes[a.key] !== undefined)
              .map((a) => (
                <div key={a.key} style={{ display: 'contents' }}>
                  <dt>{label(a)}</dt>
                  <dd>
                    {String(p.attributes[a.key])} {a.unit ?? ''}
                  </dd>
                </div>
              ))}
          </dl>
        </section>
      </div>

      <h2 id="offers">{t('product.compare')}</h2>
      <Form method="get" className="toolbar">
        <LocationSelect value={near} applyOnChange shipTo={shipTo} />
        <button type="submit" className="button secondary">
          {t('search.apply')}
        </button>
        {!near ? <span className="muted">{t('product.chooseLocation')}</span> : null}
      </Form>
      {p.offers.length === 0 ? (
        <EmptyState title={t('product.noOffers')} />
      ) : (
        <DataTable head={[t('product.seller'), t('product.price'), ...(near ? [t('product.stockNear', { km: nearKm })] : []), t('product.stockTotal'), ...(near ? [t('product.distance')] : []), t('product.leadTime'), t('product.moq'), t('product.multiple')]}>
          {p.offers.map((o, i) => (
            <tr key={o.offerId} className={i === 0 ? 'best' : undefined} data-testid="offer-row">
              <td>
                <Link to={`/s/${o.seller.slug}`}>
                  <strong>{o.seller.name}</strong>
                </Link>
                <br />
                <small className="muted">
                  {t(`kinds.${o.seller.kind}`)} · {o.sku} · {t(`conditions.${o.condition}`)}
                </small>
                {o.badges.length ? (
                  <span className="badges">
                    {o.badges.map((b) => (
                      <span key={b} className={`badge offer-badge ${b}`}>
                        {t(`product.badges.${b}`)}
                      </span>
                    ))}
                  </span>
                ) : null}
              </td>
              <td>
                <PriceWhy price={o.price} listPrice={o.listPrice} vat={o.pricesIncludeVat} pricing={o.pricing} />
              </td>
              {near ? <td>{o.stockNear === null ? '—' : <Num value={o.stockNear} />}</td> : null}
              <td className={o.stockTotal > 0 ? 'stock-yes' : 'stock-no'}>
                <Num value={o.stockTotal} />
              </td>
              {near ? <td>{o.nearestStockKm === null ? '—' : <Num value={o.nearestStockKm} unit="km" />}</td> : null}
              <td>{t('product.days', { count: o.leadTimeDays })}</td>
              <td>{o.minOrderQty}</td>
              <td>{o.orderMultiple}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  )
}
