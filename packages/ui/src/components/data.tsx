import { Form, Link, useLocation, useSearchParams } from '@remix-run/react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="empty-state">
      <p className="empty-title">{title}</p>
      {children}
    </div>
  )
}

export function Pagination({ page, pageCount }: { page: number; pageCount: number }) {
  const { t } = useTranslation()
  const location = useLocation()
  if (pageCount <= 1) return null
  const href = (p: number) => {
    const params = new URLSearchParams(location.search)
    params.set('page', String(p))
    return `${location.pathname}?${params}`
  }
  return (
    <nav className="pagination" aria-label={t('common.pagination')}>
      {page > 1 ? <Link to={href(page - 1)}>{t('common.previous')}</Link> : <span />}
      <span>{t('common.pageOf', { page, count: pageCount })}</span>
      {page < pageCount ? <Link to={href(page + 1)}>{t('common.next')}</Link> : <span />}
    </nav>
  )
}

export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation()
  return <span className={`badge status-${status}`}>{t(`statuses.${status}`, { defaultValue: status })}</span>
}

/** The BCP 47 tag the interface formats with: Vietnamese as in Vietnam, English with day-first dates. */
export const localeTag = (language: string) => (language === 'vi' ? 'vi-VN' : 'en-GB')

// Building an Intl formatter costs far more than using one (toLocaleString builds one per call,
// a measurable share of a product page's render): one per locale and style, kept.
const numberFormats = new Map<string, Intl.NumberFormat>()
const dateFormats = new Map<string, Intl.DateTimeFormat>()

/** A number in the interface's locale: 12,500 in English, 12.500 in Vietnamese. */
export function formatNumber(value: number, language: string): string {
  const tag = localeTag(language)
  let format = numberFormats.get(tag)
  if (!format) numberFormats.set(tag, (format = new Intl.NumberFormat(tag)))
  return format.format(value)
}

/** A date (and time) as people in Vietnam read the clock, in the interface's locale. */
export function formatDate(date: Date, language: string, withTime = false): string {
  const key = `${language}:${withTime}`
  let format = dateFormats.get(key)
  if (!format) {
    format = new Intl.DateTimeFormat(localeTag(language), { dateStyle: 'medium', ...(withTime ? { timeStyle: 'short' } : {}), timeZone: 'Asia/Ho_Chi_Minh' })
    dateFormats.set(key, format)
  }
  return format.format(date)
}

/** A count or a distance in the page's locale. */
export function Num({ value, unit }: { value: number; unit?: string }) {
  const { i18n } = useTranslation()
  // One text: adjacent texts would each become a node of their own, with a marker between them.
  return unit ? `${formatNumber(value, i18n.language)} ${unit}` : formatNumber(value, i18n.language)
}

export function FormattedDate({ iso, withTime = false }: { iso: string; withTime?: boolean }) {
  const { i18n } = useTranslation()
  return <time dateTime={iso}>{formatDate(new Date(iso), i18n.language, withTime)}</time>
}

/** A calendar day ("2027-01-05", a day in Vietnam) in the page's locale. */
export function FormattedDay({ day }: { day: string }) {
  const { i18n } = useTranslation()
  return <time dateTime={day}>{formatDate(new Date(`${day}T12:00:00+07:00`), i18n.language)}</time>
}

/** A GET form of filters: shareable addresses, works without JavaScript. */
export function FilterBar({ clearTo, children }: { clearTo: string; children: ReactNode }) {
  const { t } = useTranslation()
  return (
    <Form method="get" className="filters">
      {children}
      <button type="submit" className="button secondary">
        {t('common.filter')}
      </button>
      <Link to={clearTo}>{t('common.clear')}</Link>
    </Form>
  )
}

export function FilterInput({ name, label, type = 'text', placeholder }: { name: string; label: string; type?: string; placeholder?: string }) {
  const [params] = useSearchParams()
  return (
    <div className="field">
      <label htmlFor={`filter-${name}`}>{label}</label>
      <input id={`filter-${name}`} name={name} type={type} defaultValue={params.get(name) ?? ''} placeholder={placeholder} />
    </div>
  )
}

export function FilterSelect({ name, label, options }: { name: string; label: string; options: { value: string; label: string }[] }) {
  const [params] = useSearchParams()
  const { t } = useTranslation()
  return (
    <div className="field">
      <label htmlFor={`filter-${name}`}>{label}</label>
      <select id={`filter-${name}`} name={name} defaultValue={params.get(name) ?? ''}>
        <option value="">{t('common.all')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  )
}

/**
 * A table; on a phone each row becomes a stacked card whose cells carry their column's name
 * (the names travel as CSS strings, so the cells need no extra markup).
 */
export function DataTable({ head, children }: { head: string[]; children: ReactNode }) {
  const { t } = useTranslation()
  const columns = Object.fromEntries(head.map((h, i) => [`--col-${i + 1}`, JSON.stringify(h)]))
  // A wide table scrolls sideways on its own: a keyboard reaches it (tab, then arrow keys).
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label={t('common.table')}>
      <table className="stacking" style={columns}>
        <thead>
          <tr>
            {head.map((h) => (
              <th key={h}>{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  )
}
