import { useTranslation } from 'react-i18next'
import { formatMoney, type Money } from '@tradepost/domain/money'

/** An amount in its currency and the page's locale; with `vat`, whether it includes VAT. */
export function Price({ money, vat }: { money: { amount: number; currency: string }; vat?: boolean }) {
  const { t, i18n } = useTranslation()
  return (
    <span className="price">
      {formatMoney(money as Money, i18n.language)}
      {vat === undefined ? null : <small className="vat">{` ${vat ? t('money.inclVat') : t('money.exclVat')}`}</small>}
    </span>
  )
}

/** "from" the lowest price in each currency a product is offered in (never one figure across currencies). */
/**
 * The lowest prices of a hit, one per currency; without any, why there is none to show: the
 * offers' prices are on request, or kept for signed-in buyers.
 */
export function FromPrices({ prices, hidden }: { prices: { amount: number; currency: string; vatIncluded: boolean }[]; hidden?: { onRequest: number; signIn: number } }) {
  const { t } = useTranslation()
  if (!prices.length && hidden?.signIn) return <p className="muted">{t('quotes.signInToSee')}</p>
  if (!prices.length && hidden?.onRequest) return <p className="muted">{t('quotes.priceOnRequest')}</p>
  return prices.map((p) => (
    <p key={p.currency}>
      <small className="muted">{t('search.from')}</small> <Price money={p} vat={p.vatIncluded} />
    </p>
  ))
}

/** Totals in several currencies, side by side ("₫1,200,000 + $40.00"): never added up as one. */
export function Totals({ totals }: { totals: { amount: number; currency: string }[] }) {
  return totals.map((m, i) => (
    <strong key={m.currency}>
      {i > 0 ? ' + ' : ''}
      <Price money={m} />
    </strong>
  ))
}
