import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useLocation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { guard } from '@tradepost/auth'
import { submitForm } from '@tradepost/auth/forms'
import { getProductPage, NEAR_KM, type OfferComparisonRow } from '@tradepost/domain/offers'
import { addToCart, canBuy } from '@tradepost/domain/orders'
import { quoteRequestAccess, requestQuote } from '@tradepost/domain/quotes'
import { AddToCartInputSchema, QuoteRequestInputSchema } from '@tradepost/domain/schemas'
import { Flash } from '@tradepost/ui/components/toast.tsx'
import { PriceWhy } from '@tradepost/ui/components/price-why.tsx'
import { DataTable, EmptyState, Num } from '@tradepost/ui/components/data.tsx'
import { LocationSelect } from '@tradepost/ui/components/location.tsx'
import { ProductImage } from '@tradepost/ui/components/product-image.tsx'
import { FieldErrors, Notice, SubmitButton } from '@tradepost/ui/components/forms.tsx'
import { kit } from '../app.server.ts'
import { resolveNear } from '../near.server.ts'

export const meta = ({ data }: { data?: { product?: { name: { en: string } } } }) => [{ title: `${data?.product?.name.en ?? 'Product'} · Tradepost` }]

export const loader = guard(async ({ request, params }: LoaderFunctionArgs) => {
  const rc = await kit.getRequestContext(request)
  const near = await resolveNear(rc.ctx, new URL(request.url).searchParams)
  const product = await getProductPage(rc.ctx, params.slug ?? '', near.at)
  return data({ product, near: near.code, shipTo: near.shipTo, nearKm: NEAR_KM, quoteAccess: quoteRequestAccess(rc.ctx), canBuy: canBuy(rc.ctx) }, { headers: rc.headers })
})

/** A buyer adds an offer to the cart, or asks for a quote on a "call for price" offer; visitors sign in first. */
export const action = guard(async ({ request, params }: ActionFunctionArgs) => {
  const rc = await kit.requireUser(request)
  const slug = params.slug ?? ''
  const formData = await request.formData()
  if (formData.get('intent') === 'cart') {
    return submitForm(formData, AddToCartInputSchema, (value) => addToCart(rc.ctx, value), { field: 'quantity', redirectTo: () => `/p/${encodeURIComponent(slug)}?added=1#offers` })
  }
  return submitForm(formData, QuoteRequestInputSchema, (value) => requestQuote(rc.ctx, value), { field: 'quantity', redirectTo: () => `/p/${encodeURIComponent(slug)}?quoted=1#offers` })
})

export default function ProductPage() {
  const { t, i18n } = useTranslation()
  const { product: p, near, shipTo, nearKm, quoteAccess, canBuy } = useLoaderData<typeof loader>()
  const answer = useActionData<typeof action>()
  const location = useLocation()
  const quoted = new URLSearchParams(location.search).has('quoted')
  const added = new URLSearchParams(location.search).has('added')
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
            <dd>{`${p.packSize} × ${t(`units.${p.unitOfMeasure}`)}`}</dd>
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
      {quoted ? <Flash>{t('quotes.sentPlain')}</Flash> : null}
      {added ? (
        <Flash>
          {t('cart.addedOne')} <Link to="/cart">{t('cart.view')}</Link>
        </Flash>
      ) : null}
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
                <small className="muted">{`${t(`kinds.${o.seller.kind}`)} · ${o.sku} · ${t(`conditions.${o.condition}`)}`}</small>
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
                {o.price && o.pricing ? (
                  <>
                    <PriceWhy price={o.price} listPrice={o.listPrice} vat={o.pricesIncludeVat} pricing={o.pricing} detailsHref={`/p/${p.slug}/why/${o.offerId}`} />
                    {canBuy ? <AddToCartCell offer={o} answer={answer} /> : null}
                  </>
                ) : o.priceHidden === 'signIn' ? (
                  <Link to={`/login?redirectTo=${encodeURIComponent(location.pathname + location.search)}`}>{t('quotes.signInToSee')}</Link>
                ) : (
                  <QuoteRequestCell offer={o} access={quoteAccess} answer={answer} />
                )}
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

/** Units of an offer into the cart: its minimum order quantity first, in steps of its multiple. */
function AddToCartCell({ offer, answer }: { offer: OfferComparisonRow; answer?: QuoteAnswer }) {
  const { t } = useTranslation()
  const mine = answer?.result?.initialValue?.offerId === offer.offerId && answer?.result?.initialValue?.intent === 'cart'
  const errors = mine ? [...new Set([...(answer?.result?.error?.quantity ?? []), ...(answer?.error ? [answer.error.code] : [])])] : []
  const id = `cart-${offer.offerId}`
  return (
    <Form method="post" className="inline-form add-to-cart">
      <input type="hidden" name="offerId" value={offer.offerId} />
      <label htmlFor={`${id}-qty`} className="visually-hidden">
        {t('cart.quantityOf', { name: offer.sku })}
      </label>
      <input id={`${id}-qty`} name="quantity" type="number" min={offer.minOrderQty} step={offer.orderMultiple} defaultValue={offer.minOrderQty} className="qty-input" aria-invalid={errors.length ? true : undefined} aria-describedby={errors.length ? `${id}-error` : undefined} />
      <SubmitButton name="intent" value="cart" variant="secondary" aria-label={t('cart.addOf', { name: offer.sku, seller: offer.seller.name })}>
        {t('cart.add')}
      </SubmitButton>
      <FieldErrors id={`${id}-error`} errors={errors} />
    </Form>
  )
}

type QuoteAnswer = { result?: { initialValue?: Record<string, unknown> | null; error?: Record<string, string[] | null> | null }; error?: { code: string; field?: string } | null }

/** "Price on request": a buyer asks the seller for a quote here (a visitor signs in first). */
function QuoteRequestCell({ offer, access, answer }: { offer: OfferComparisonRow; access: 'yes' | 'signIn' | 'no'; answer?: QuoteAnswer }) {
  const { t } = useTranslation()
  const location = useLocation()
  if (access === 'signIn') return <Link to={`/login?redirectTo=${encodeURIComponent(location.pathname + location.search)}`}>{t('quotes.signInToRequest')}</Link>
  if (access === 'no') return <span className="muted">{t('quotes.priceOnRequest')}</span>
  const mine = answer?.result?.initialValue?.offerId === offer.offerId
  const errors = mine ? [...new Set([...(answer?.result?.error?.quantity ?? []), ...(answer?.error ? [answer.error.code] : [])])] : []
  const messageErrors = mine ? (answer?.result?.error?.message ?? []) : []
  const id = `quote-${offer.offerId}`
  return (
    <details className="quote-request" open={mine || undefined}>
      <summary>{t('quotes.request')}</summary>
      <Form method="post" className="stack">
        <input type="hidden" name="offerId" value={offer.offerId} />
        <div className="field">
          <label htmlFor={`${id}-qty`}>{t('quotes.quantity')}</label>
          <input id={`${id}-qty`} name="quantity" type="number" min={1} defaultValue={offer.minOrderQty} aria-invalid={errors.length ? true : undefined} aria-describedby={errors.length ? `${id}-error` : undefined} />
          <FieldErrors id={`${id}-error`} errors={errors} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-msg`}>{t('quotes.message')}</label>
          <textarea id={`${id}-msg`} name="message" rows={2} maxLength={2000} aria-invalid={messageErrors.length ? true : undefined} aria-describedby={messageErrors.length ? `${id}-msg-error` : undefined} />
          <FieldErrors id={`${id}-msg-error`} errors={messageErrors} />
        </div>
        <SubmitButton variant="secondary">{t('quotes.send')}</SubmitButton>
      </Form>
    </details>
  )
}
