import type { LoaderFunctionArgs } from '@remix-run/node'
import { csvResponse, guard } from '@tradepost/auth'
import { auditCsvChunks, AuditFilterSchema } from '@tradepost/domain/audit'
import { kit } from '../app.server.ts'

/** The audit log as CSV, with the page's filters (the same ability decides what is in it). */
export const loader = guard(async ({ request }: LoaderFunctionArgs) => {
  const rc = await kit.requireMember(request)
  const params = Object.fromEntries([...new URL(request.url).searchParams].filter(([, v]) => v !== ''))
  // As on the page: a filter that does not parse is no filter.
  const { page: _page, ...filter } = AuditFilterSchema.catch({ page: 1 }).parse(params)
  return csvResponse(auditCsvChunks(rc.ctx, filter), 'audit-log.csv')
})
