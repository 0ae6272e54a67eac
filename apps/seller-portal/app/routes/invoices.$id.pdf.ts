import type { LoaderFunctionArgs } from '@remix-run/node'
import { guard, idParam } from '@tradepost/auth'
import { getInvoice } from '@tradepost/domain/invoices'
import { invoicePdfResponse } from '@tradepost/ui/pages/invoice-pdf.server.ts'
import { kit } from '../app.server.ts'

/** The invoice as a PDF (the same one the invoice page shows), for whoever may read it. */
export const loader = guard(async ({ request, params }: LoaderFunctionArgs) => {
  const rc = await kit.requireMember(request)
  return invoicePdfResponse(await getInvoice(rc.ctx, idParam(params.id)), rc.ctx.locale, rc.headers)
})
