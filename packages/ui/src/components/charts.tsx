// Charts in their own module: pages without one do not ship the chart code to the browser.
import { Group } from '@visx/group'
import { scaleBand, scaleLinear } from '@visx/scale'
import { Bar } from '@visx/shape'

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
