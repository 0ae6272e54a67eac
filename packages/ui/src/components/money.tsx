import { useTranslation } from 'react-i18next'
import { formatMoney, type Money } from '@tradepost/domain/money'

export function Price({ money }: { money: { amount: number; currency: string } }) {
  const { i18n } = useTranslation()
  return <span className="price">{formatMoney(money as Money, i18n.language)}</span>
}
