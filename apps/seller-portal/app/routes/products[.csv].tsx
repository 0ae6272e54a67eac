import type { LoaderFunctionArgs } from '@remix-run/node'
import { guard } from '@tradepost/auth'
import { exportProductsCsv } from '@tradepost/domain/imports'
import { kit } from '../app.server.ts'

/** The organization's products as CSV, in the import format. */
export const loader = guard(async ({ request }: LoaderFunctionArgs) => {
  const rc = await kit.requireMember(request)
  return new Response(await exportProductsCsv(rc.ctx), { headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': 'attachment; filename="products.csv"' } })
})
