import type { LoaderFunctionArgs } from '@remix-run/node'
import { guard } from '@tradepost/auth'
import { offersCsvChunks } from '@tradepost/domain/imports'
import { kit } from '../app.server.ts'

/** The seller's offers as CSV, in the import format, streamed a batch at a time. */
export const loader = guard(async ({ request }: LoaderFunctionArgs) => {
  const rc = await kit.requireMember(request)
  const chunks = offersCsvChunks(rc.ctx)
  // The first chunk (the header) is read here, so that a refusal is still an HTTP status.
  const first = await chunks.next()
  const encoder = new TextEncoder()
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      if (!first.done) controller.enqueue(encoder.encode(first.value))
    },
    async pull(controller) {
      const next = await chunks.next()
      if (next.done) controller.close()
      else controller.enqueue(encoder.encode(next.value))
    },
    async cancel() {
      await chunks.return(undefined)
    },
  })
  return new Response(body, { headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': 'attachment; filename="offers.csv"' } })
})
