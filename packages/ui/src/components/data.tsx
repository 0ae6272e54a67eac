import { Link, useLocation } from '@remix-run/react'
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
    <nav className="pagination" aria-label="pagination">
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

export function FormattedDate({ iso, withTime = false }: { iso: string; withTime?: boolean }) {
  const { i18n } = useTranslation()
  const date = new Date(iso)
  const text = new Intl.DateTimeFormat(i18n.language === 'vi' ? 'vi-VN' : 'en-GB', {
    dateStyle: 'medium',
    ...(withTime ? { timeStyle: 'short' } : {}),
    timeZone: 'Asia/Ho_Chi_Minh',
  }).format(date)
  return <time dateTime={iso}>{text}</time>
}

/** A horizontal bar chart: for counts people would rather see than read. */
export function BarChart({ title, data }: { title: string; data: { label: string; value: number }[] }) {
  const max = Math.max(1, ...data.map((d) => d.value))
  return (
    <figure className="bar-chart">
      <figcaption>{title}</figcaption>
      <svg role="img" aria-label={title} viewBox={`0 0 320 ${data.length * 28}`} width="100%" preserveAspectRatio="xMinYMin meet">
        {data.map((d, i) => (
          <g key={d.label} transform={`translate(0 ${i * 28})`}>
            <text x="0" y="17" className="bar-label">
              {d.label}
            </text>
            <rect x="130" y="4" height="18" rx="3" width={Math.max(2, (d.value / max) * 160)} className="bar" />
            <text x={136 + (d.value / max) * 160} y="17" className="bar-value">
              {d.value}
            </text>
          </g>
        ))}
      </svg>
    </figure>
  )
}
