import { data, type LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { guard, idParam } from '@tradepost/auth'
import { getInvoice } from '@tradepost/domain/invoices'
import { InvoicePage, PrintButton } from '@tradepost/ui/pages/invoice.tsx'
import { kit } from '../app.server.ts'

export const meta = ({ data }: { data?: { invoice?: { number: string } } }) => [{ title: `${data?.invoice?.number ?? 'Invoice'} · Tradepost` }]

export const loader = guard(async ({ request, params }: LoaderFunctionArgs) => {
  const rc = await kit.requireMember(request)
  return data({ invoice: await getInvoice(rc.ctx, idParam(params.id)) }, { headers: rc.headers })
})

export default function BuyerInvoicePage() {
  const { invoice } = useLoaderData<typeof loader>()
  return <InvoicePage invoice={invoice} actions={<PrintButton invoiceId={invoice.id} />} />
}
