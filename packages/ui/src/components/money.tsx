import { useTranslation } from 'react-i18next'
import { formatMoney, type Money } from '@tradepost/domain/money'

/** An amount in its currency and the page's locale; with `vat`, whether it includes VAT. */
export function Price({ money, vat }: { money: { amount: number; currency: string }; vat?: boolean }) {
  const { t, i18n } = useTranslation()
  return (
    <span className="price">
      {formatMoney(money as Money, i18n.language)}
      {vat === undefined ? null : <small className="vat"> {vat ? t('money.inclVat') : t('money.exclVat')}</small>}
    </span>
  )
}
