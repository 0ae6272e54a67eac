import type { LoaderFunctionArgs } from '@remix-run/node'
import { z } from '@tradepost/domain/zod'
import { guard } from '@tradepost/auth'
import { importErrorReport } from '@tradepost/domain/imports'
import { kit } from '../app.server.ts'

/** The rows an import refused, with line numbers, as a CSV download. */
export const loader = guard(async ({ request, params }: LoaderFunctionArgs) => {
  const rc = await kit.requireMember(request)
  const id = z.uuid().safeParse(params.id)
  if (!id.success) throw new Response('Not found', { status: 404 })
  const csv = await importErrorReport(rc.ctx, id.data)
  return new Response(csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="import-${id.data}-errors.csv"` } })
})
