import { Form, Link, useLocation, useSearchParams } from '@remix-run/react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Group } from '@visx/group'
import { scaleBand, scaleLinear } from '@visx/scale'
import { Bar } from '@visx/shape'

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

interface ChartDatum {
  label: string
  value: number
}

/** The numbers behind a chart, for screen readers (the picture is for the eyes). */
function ChartTable({ title, data }: { title: string; data: ChartDatum[] }) {
  return (
    <table className="visually-hidden">
      <caption>{title}</caption>
      <tbody>
        {data.map((d) => (
          <tr key={d.label}>
            <th scope="row">{d.label}</th>
            <td>{d.value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/**
 * A horizontal bar chart, for counts people would rather see than read. Plain SVG drawn on the
 * server (visx scales and shapes), so it shows without JavaScript and scales to its box.
 */
export function BarChart({ title, data, format = String }: { title: string; data: ChartDatum[]; format?: (n: number) => string }) {
  const width = 320
  const row = 28
  const labelWidth = 130
  const height = Math.max(row, data.length * row)
  const y = scaleBand({ domain: data.map((d) => d.label), range: [0, height], padding: 0.25 })
  const x = scaleLinear({ domain: [0, Math.max(1, ...data.map((d) => d.value))], range: [0, width - labelWidth - 60] })
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <svg aria-hidden="true" viewBox={`0 0 ${width} ${height}`} width="100%" preserveAspectRatio="xMinYMin meet">
        {data.map((d) => {
          const top = y(d.label) ?? 0
          const w = Math.max(2, x(d.value))
          return (
            <Group key={d.label} top={top}>
              <text x={0} y={y.bandwidth() / 2} dominantBaseline="middle" className="chart-label">
                {d.label}
              </text>
              <Bar x={labelWidth} y={0} width={w} height={y.bandwidth()} rx={3} className="chart-bar" />
              <text x={labelWidth + w + 6} y={y.bandwidth() / 2} dominantBaseline="middle" className="chart-value">
                {format(d.value)}
              </text>
            </Group>
          )
        })}
      </svg>
      <ChartTable title={title} data={data} />
    </figure>
  )
}

/** Columns over time (one per day, oldest first), with the first, middle and last labels shown. */
export function ColumnChart({ title, data }: { title: string; data: ChartDatum[] }) {
  const width = 320
  const height = 140
  const axis = 18
  const top = 14
  const x = scaleBand({ domain: data.map((d) => d.label), range: [0, width], padding: 0.2 })
  const max = Math.max(1, ...data.map((d) => d.value))
  const y = scaleLinear({ domain: [0, max], range: [height - axis, top] })
  const labelled = new Set([0, Math.floor((data.length - 1) / 2), data.length - 1])
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <svg aria-hidden="true" viewBox={`0 0 ${width} ${height}`} width="100%" preserveAspectRatio="xMinYMin meet">
        <line x1={0} x2={width} y1={height - axis} y2={height - axis} className="chart-axis" />
        {data.map((d, i) => {
          const left = x(d.label) ?? 0
          const barTop = d.value ? y(d.value) : height - axis - 1
          return (
            <Group key={d.label} left={left}>
              <Bar x={0} y={barTop} width={x.bandwidth()} height={height - axis - barTop} rx={2} className="chart-bar" />
              {d.value ? (
                <text x={x.bandwidth() / 2} y={barTop - 3} textAnchor="middle" className="chart-value">
                  {d.value}
                </text>
              ) : null}
              {labelled.has(i) ? (
                <text x={x.bandwidth() / 2} y={height - 4} textAnchor={i === 0 ? 'start' : i === data.length - 1 ? 'end' : 'middle'} className="chart-label">
                  {d.label}
                </text>
              ) : null}
            </Group>
          )
        })}
      </svg>
      <ChartTable title={title} data={data} />
    </figure>
  )
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
