import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { formatNumber } from './data.tsx'
import { Price } from './money.tsx'

export interface PriceExplanation {
  quantity: number
  list: { name: string; scope: string; inherited: boolean } | null
  tier: { minQty: number } | null
  percentOffBp: number | null
  /** The lists passed over, named (nearest contender first), where they are shown in place. */
  passedOver?: PassedOverList[]
  /** How many lists were passed over, where a page of their own names them (`detailsHref`). */
  passedOverCount?: number
}

type PassedOverList = { id: string; name: string; scope: string; unit: { amount: number; currency: string } | null; reason: string }

/**
 * The price a viewer pays with the seller's own price beside it when it differs, and, when a
 * price list is involved, "why this price" (a disclosure, no JavaScript needed): the list that won and the break or
 * discount applied, then either every list passed over with its reason, or, with `detailsHref`,
 * how many there were and a link to the page that names them (and prices other quantities).
 */
export function PriceWhy({ price, listPrice, vat, pricing, detailsHref }: { price: { amount: number; currency: string }; listPrice: { amount: number; currency: string } | null; vat?: boolean; pricing: PriceExplanation; detailsHref?: string }) {
  const { t } = useTranslation()
  const passedOver = pricing.passedOver ?? []
  const count = pricing.passedOverCount ?? passedOver.length
  return (
    <div className="price-why">
      <PriceAndList price={price} listPrice={listPrice} vat={vat} />
      {pricing.list || count ? (
        <details className="why">
          <summary>{t('pricing.why')}</summary>
          <p>
            <WhySentence pricing={pricing} />
          </p>
          {detailsHref ? (
            <p>
              <Link to={detailsHref}>{count ? t('pricing.otherLists', { count }) : t('pricing.otherQuantities')}</Link>
            </p>
          ) : passedOver.length ? (
            <ul>
              {passedOver.map((p) => (
                <li key={p.id}>
                  {p.name} ({t(`pricing.scopes.${p.scope}`)}){p.unit ? <>: <Price money={p.unit} /></> : null} — {t(`pricing.passedOver.${p.reason}`)}
                </li>
              ))}
            </ul>
          ) : null}
        </details>
      ) : null}
    </div>
  )
}

/**
 * The viewer's price, and the seller's own price beside it when it differs: struck through when
 * the viewer pays less, plain when a list (a contract, say) asks more.
 */
export function PriceAndList({ price, listPrice, vat }: { price: { amount: number; currency: string }; listPrice: { amount: number; currency: string } | null; vat?: boolean }) {
  const { t } = useTranslation()
  return (
    <>
      <Price money={price} vat={vat} />
      {listPrice ? (
        <small className="muted list-price">
          {` ${t('pricing.listPrice')} `}
          {listPrice.amount > price.amount ? (
            <s>
              <Price money={listPrice} />
            </s>
          ) : (
            <Price money={listPrice} />
          )}
        </small>
      ) : null}
    </>
  )
}

/** Which list gives the price, the break or discount applied, and at how many units. */
export function WhySentence({ pricing }: { pricing: PriceExplanation }) {
  const { t, i18n } = useTranslation()
  const percent = pricing.percentOffBp === null ? null : formatNumber(pricing.percentOffBp / 100, i18n.language)
  // One text (adjacent texts would each become a node, with a marker between them).
  return [
    pricing.list ? t(pricing.list.inherited ? 'pricing.wonInherited' : 'pricing.won', { name: pricing.list.name, scope: t(`pricing.scopes.${pricing.list.scope}`) }) : t('pricing.ownPrice'),
    pricing.tier ? t('pricing.tierApplied', { count: pricing.tier.minQty }) : null,
    percent ? t('pricing.percentApplied', { percent }) : null,
    t('pricing.atQuantity', { count: pricing.quantity }),
  ]
    .filter(Boolean)
    .join(' ')
}
