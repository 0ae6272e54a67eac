import type { LoaderFunctionArgs } from '@remix-run/node'
import { csvResponse, guard } from '@tradepost/auth'
import { offersCsvChunks } from '@tradepost/domain/imports'
import { kit } from '../app.server.ts'

/** The seller's offers as CSV, in the import format, streamed a batch at a time. */
export const loader = guard(async ({ request }: LoaderFunctionArgs) => {
  const rc = await kit.requireMember(request)
  return csvResponse(offersCsvChunks(rc.ctx), 'offers.csv')
})
