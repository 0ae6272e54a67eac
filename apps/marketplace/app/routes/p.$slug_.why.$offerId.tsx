import { data, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { guard, idParam, redirectTo } from '@tradepost/auth'
import { explainOfferPrice } from '@tradepost/domain/pricing'
import { OfferPriceQuerySchema } from '@tradepost/domain/schemas'
import { DataTable, EmptyState } from '@tradepost/ui/components/data.tsx'
import { FieldErrors, SubmitButton } from '@tradepost/ui/components/forms.tsx'
import { Price } from '@tradepost/ui/components/money.tsx'
import { PriceAndList, WhySentence } from '@tradepost/ui/components/price-why.tsx'
import { metaTitle } from '@tradepost/ui/i18n/meta.ts'
import { kit } from '../app.server.ts'

export const meta = metaTitle('pricing.why')

/**
 * "Why this price" of one offer, for whoever views it: the price at a quantity (the minimum order
 * without one; a GET form asks for another), the list that gives it, and every other list with a
 * price for it and why it does not apply. The product page links here from each offer.
 */
export const loader = guard(async ({ request, params }: LoaderFunctionArgs) => {
  const rc = await kit.getRequestContext(request)
  const offerId = idParam(params.offerId)
  const url = new URL(request.url)
  const asked = url.searchParams.get('quantity') ?? ''
  const parsed = OfferPriceQuerySchema.safeParse(asked.trim() ? { quantity: asked } : {})
  // A quantity that is not one is said at its field; the price stays the minimum order's meanwhile.
  const quantityError = parsed.success ? null : parsed.error.issues[0]!.message
  const explained = await explainOfferPrice(rc.ctx, { slug: params.slug ?? '', offerId, quantity: parsed.success ? parsed.data.quantity : undefined })
  if (!explained.ok) throw redirectTo(`/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`, rc.headers)
  return data({ ...explained.value, asked, quantityError }, { headers: rc.headers })
})

export default function OfferPricePage() {
  const { t, i18n } = useTranslation()
  const { product, offer, price, asked, quantityError } = useLoaderData<typeof loader>()
  const navigation = useNavigation()
  const vi = i18n.language === 'vi'
  return (
    <>
      <p className="muted">
        <Link to={`/p/${product.slug}#offers`}>{vi ? product.name.vi : product.name.en}</Link>
      </p>
      <h1>{t('pricing.why')}</h1>
      <p>
        {t('pricing.offerOf', { seller: offer.seller.name, sku: offer.sku })}
      </p>
      <Form method="get" className="field">
        <label htmlFor="why-quantity">{t('pricing.quantityLabel')}</label>
        <div className="qty-form">
          <input id="why-quantity" name="quantity" type="number" min={1} max={1_000_000} defaultValue={asked} inputMode="numeric" className="qty-input" aria-invalid={quantityError ? true : undefined} aria-describedby={quantityError ? 'why-quantity-hint why-quantity-error' : 'why-quantity-hint'} />
          <SubmitButton variant="secondary">{t('pricing.showPrice')}</SubmitButton>
        </div>
        <p id="why-quantity-hint" className="hint">
          {t('pricing.quantityHint', { count: offer.minOrderQty })}
        </p>
        <FieldErrors id="why-quantity-error" errors={quantityError ? [quantityError] : undefined} />
      </Form>
      <section className="panel mt-3" aria-busy={navigation.state === 'loading' || undefined} role="status">
        <p className="price-line">
          <PriceAndList price={price.unit} listPrice={price.unit.amount !== price.base.amount ? price.base : null} vat={offer.pricesIncludeVat} />
        </p>
        <p>
          <WhySentence pricing={price} />
        </p>
        {price.quantity < offer.minOrderQty ? <p className="muted">{t('pricing.belowMinimum', { count: offer.minOrderQty })}</p> : null}
      </section>
      <h2>{t('pricing.othersTitle')}</h2>
      {price.passedOver.length === 0 ? (
        <EmptyState title={t('pricing.noOthers')} />
      ) : (
        <DataTable head={[t('pricing.listColumn'), t('pricing.kindColumn'), t('pricing.unitColumn'), t('pricing.reasonColumn')]}>
          {price.passedOver.map((p) => (
            <tr key={p.id}>
              <td>{p.name}</td>
              <td>{t(`pricing.scopes.${p.scope}`)}</td>
              <td>{p.unit ? <Price money={p.unit} /> : '—'}</td>
              <td>{t(`pricing.passedOver.${p.reason}`)}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  )
}
