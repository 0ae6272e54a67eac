import { data, type LoaderFunctionArgs } from '@remix-run/node'
import { guard } from '@tradepost/auth'
import { listInvoices } from '@tradepost/domain/invoices'
import { INVOICE_FILTERS, type InvoiceFilter } from '@tradepost/domain/schemas'
import { metaTitle } from '@tradepost/ui/i18n/meta.ts'
import { InvoicesPage } from '@tradepost/ui/pages/invoice.tsx'
import { kit } from '../app.server.ts'

export const meta = metaTitle('invoices.title')

/** The invoices the company issued to its buyers, by status (`?status=overdue` too). */
export const loader = guard(async ({ request }: LoaderFunctionArgs) => {
  const rc = await kit.requireMember(request)
  const status = new URL(request.url).searchParams.get('status') ?? ''
  const filter = (INVOICE_FILTERS as readonly string[]).includes(status) ? (status as InvoiceFilter) : undefined
  return data({ invoices: await listInvoices(rc.ctx, 'seller', { status: filter }) }, { headers: rc.headers })
})

export default function Invoices() {
  return <InvoicesPage side="seller" />
}
