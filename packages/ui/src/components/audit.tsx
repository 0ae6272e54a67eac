import { Fragment } from 'react'
import { useTranslation } from 'react-i18next'
import { Price } from './money.tsx'

/** An audit action ("offer.paused") by its name in the page's language. */
export function useAuditActionLabel() {
  const { t } = useTranslation()
  return (action: string) => t(`audit.actions.${action}`, { defaultValue: action })
}

/** An event's details as labelled values (money as money, roles and statuses by name). */
export function AuditDetails({ details }: { details: Record<string, unknown> }) {
  const { t } = useTranslation()
  const entries = Object.entries(details).filter(([key]) => key !== 'currency' && key !== 'creditCurrency')
  if (!entries.length) return null
  const value = (key: string, v: unknown) => {
    if (key === 'price' && typeof v === 'number' && typeof details.currency === 'string') return <Price money={{ amount: v, currency: details.currency }} />
    if (key === 'creditLimit' && typeof v === 'number' && typeof details.creditCurrency === 'string') return <Price money={{ amount: v, currency: details.creditCurrency }} />
    // Money kept as { amount, currency } (an order's total, an invoice's amount).
    if (v && typeof v === 'object' && 'amount' in v && 'currency' in v) return <Price money={v as { amount: number; currency: string }} />
    if (key.endsWith('Bp') && typeof v === 'number') return `${v / 100} %`
    if (key === 'paymentTerms' && typeof v === 'string') return t(`terms.${v}`, { defaultValue: v })
    if (key === 'status' && typeof v === 'string') return t(`orderStatuses.${v}`, { defaultValue: v })
    if (key === 'role' && typeof v === 'string') return t(`roles.${v}`, { defaultValue: v })
    if ((key === 'from' || key === 'to') && typeof v === 'string') return t(`statuses.${v}`, { defaultValue: t(`orderStatuses.${v}`, { defaultValue: v }) })
    if (key === 'kind' && typeof v === 'string') return t(`kinds.${v}`, { defaultValue: v })
    if (typeof v === 'boolean') return v ? '✓' : '—'
    return Array.isArray(v) ? v.join(', ') : String(v)
  }
  return (
    <dl className="facts">
      {entries.map(([key, v]) => (
        <Fragment key={key}>
          <dt>{t(`audit.details.${key}`, { defaultValue: key })}</dt>
          <dd>{value(key, v)}</dd>
        </Fragment>
      ))}
    </dl>
  )
}
