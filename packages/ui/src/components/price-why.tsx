import { useTranslation } from 'react-i18next'
import { formatNumber } from './data.tsx'
import { Price } from './money.tsx'

export interface PriceExplanation {
  quantity: number
  list: { name: string; scope: string; inherited: boolean } | null
  tier: { minQty: number } | null
  percentOffBp: number | null
  passedOver: { id: string; name: string; scope: string; unit: { amount: number; currency: string } | null; reason: string }[]
  /** Lists passed over beyond those named (the nearest contenders come first). */
  passedOverMore?: number
}

/**
 * The price a viewer pays with the seller's own price struck through when it differs, and
 * "why this price": the list that won, the break or discount applied, and every list passed
 * over with its reason (a disclosure, no JavaScript needed).
 */
export function PriceWhy({ price, listPrice, vat, pricing }: { price: { amount: number; currency: string }; listPrice: { amount: number; currency: string } | null; vat?: boolean; pricing: PriceExplanation }) {
  const { t, i18n } = useTranslation()
  const percent = pricing.percentOffBp === null ? null : formatNumber(pricing.percentOffBp / 100, i18n.language)
  return (
    <div className="price-why">
      <Price money={price} vat={vat} />
      {listPrice ? (
        <small className="muted list-price">
          {' '}
          {t('pricing.listPrice')} <s>
            <Price money={listPrice} />
          </s>
        </small>
      ) : null}
      {pricing.list || pricing.passedOver.length ? (
        <details className="why">
          <summary>{t('pricing.why')}</summary>
          <p>
            {pricing.list
              ? t(pricing.list.inherited ? 'pricing.wonInherited' : 'pricing.won', { name: pricing.list.name, scope: t(`pricing.scopes.${pricing.list.scope}`) })
              : t('pricing.ownPrice')}
            {pricing.tier ? ` ${t('pricing.tierApplied', { count: pricing.tier.minQty })}` : ''}
            {percent ? ` ${t('pricing.percentApplied', { percent })}` : ''} {t('pricing.atQuantity', { count: pricing.quantity })}
          </p>
          {pricing.passedOver.length ? (
            <ul>
              {pricing.passedOver.map((p) => (
                <li key={p.id}>
                  {p.name} ({t(`pricing.scopes.${p.scope}`)}){p.unit ? <>: <Price money={p.unit} /></> : null} — {t(`pricing.passedOver.${p.reason}`)}
                </li>
              ))}
              {pricing.passedOverMore ? <li className="muted">{t('pricing.moreLists', { count: pricing.passedOverMore })}</li> : null}
            </ul>
          ) : null}
        </details>
      ) : null}
    </div>
  )
}
