import { data, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData, useRevalidator } from '@remix-run/react'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { z } from '@tradepost/domain/zod'
import { guard } from '@tradepost/auth'
import { getImport } from '@tradepost/domain/imports'
import { DataTable } from '@tradepost/ui/components/data.tsx'
import { Notice, useErrorText } from '@tradepost/ui/components/forms.tsx'
import { PageHeader } from '@tradepost/ui/components/shell.tsx'
import { metaTitle } from '@tradepost/ui/i18n/meta.ts'
import { kit } from '../app.server.ts'

export const meta = metaTitle('imports.title')

export const loader = guard(async ({ request, params }: LoaderFunctionArgs) => {
  const rc = await kit.requireMember(request)
  const id = z.uuid().safeParse(params.id)
  if (!id.success) throw new Response('Not found', { status: 404 })
  return data({ job: await getImport(rc.ctx, id.data) }, { headers: rc.headers })
})

/** The progress of one import; it refreshes itself until the file is processed. */
export default function ImportProgress() {
  const { t } = useTranslation()
  const errorText = useErrorText()
  const { job } = useLoaderData<typeof loader>()
  const revalidator = useRevalidator()
  const running = job.status === 'queued' || job.status === 'running'
  useEffect(() => {
    if (!running) return
    const timer = setInterval(() => revalidator.state === 'idle' && revalidator.revalidate(), 1000)
    return () => clearInterval(timer)
  }, [running, revalidator])
  const percent = job.totalRows ? Math.round((job.processedRows / job.totalRows) * 100) : running ? 0 : 100
  return (
    <>
      {running ? (
        <noscript>
          <meta httpEquiv="refresh" content="2" />
        </noscript>
      ) : null}
      <PageHeader title={job.filename}>
        <Link to="/imports">{t('imports.history')}</Link>
      </PageHeader>
      <section className="panel">
        <p>
          {t(`imports.statuses.${job.status}`)} · {t('imports.progress', { processed: job.processedRows, total: job.totalRows })}
        </p>
        <progress max={100} value={percent} aria-label={t('imports.progressLabel')} style={{ width: '100%' }}>
          {percent}%
        </progress>
        {job.status === 'done' ? (
          <Notice tone={job.errorRows ? 'warning' : 'success'}>{job.checkOnly ? t('imports.checkedRows', { count: job.okRows }) : t('imports.savedRows', { count: job.okRows })}, {t('imports.refusedRows', { count: job.errorRows })}.{job.checkOnly ? ` ${t('imports.nothingSaved')}` : ''}</Notice>
        ) : null}
        {job.status === 'failed' ? <Notice tone="error">{t('imports.failed', { reason: job.failure ? errorText(job.failure.code, job.failure.params) : '' })}</Notice> : null}
      </section>
      {job.errors.length ? (
        <>
          <h2>
            {t('imports.errors')} <a href={`/imports/${job.id}/errors.csv`} download>({t('imports.downloadErrors')})</a>
          </h2>
          <DataTable head={[t('imports.line'), t('imports.rowKey'), t('imports.field'), t('imports.reason')]}>
            {job.errors.map((e, i) => (
              <tr key={`${e.line}-${i}`}>
                <td>{e.line}</td>
                <td>{e.key ?? ''}</td>
                <td>{e.field ?? ''}</td>
                <td>{errorText(e.code, e.params)}</td>
              </tr>
            ))}
          </DataTable>
        </>
      ) : null}
    </>
  )
}
