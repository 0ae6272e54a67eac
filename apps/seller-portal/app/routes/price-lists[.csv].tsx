import type { LoaderFunctionArgs } from '@remix-run/node'
import { guard } from '@tradepost/auth'
import { exportPricesCsv } from '@tradepost/domain/imports'
import { kit } from '../app.server.ts'

/** The seller's prices in every list as CSV, in the import format (edit, then import again). */
export const loader = guard(async ({ request }: LoaderFunctionArgs) => {
  const rc = await kit.requireMember(request)
  return new Response(await exportPricesCsv(rc.ctx), { headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': 'attachment; filename="prices.csv"' } })
})
