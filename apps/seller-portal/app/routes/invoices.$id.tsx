import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { guard, idParam } from '@tradepost/auth'
import { getInvoice, markInvoicePaid } from '@tradepost/domain/invoices'
import { ErrorAlert, SubmitButton } from '@tradepost/ui/components/forms.tsx'
import { Flash } from '@tradepost/ui/components/toast.tsx'
import { InvoicePage, PrintButton } from '@tradepost/ui/pages/invoice.tsx'
import { kit } from '../app.server.ts'

export const meta = ({ data }: { data?: { invoice?: { number: string } } }) => [{ title: `${data?.invoice?.number ?? 'Invoice'} · Tradepost` }]


export const loader = guard(async ({ request, params }: LoaderFunctionArgs) => {
  const rc = await kit.requireMember(request)
  return data({ invoice: await getInvoice(rc.ctx, idParam(params.id)) }, { headers: rc.headers })
})

/** The seller records the payment of an open invoice of its own. */
export const action = guard(async ({ request, params }: ActionFunctionArgs) => {
  const rc = await kit.requireMember(request)
  const id = idParam(params.id)
  if ((await request.formData()).get('intent') !== 'paid') throw new Response('Bad request', { status: 400 })
  const result = await markInvoicePaid(rc.ctx, id)
  if (!result.ok) return data({ error: result.error }, { status: 409 })
  throw redirect(`/invoices/${id}?notice=paid`, { headers: rc.headers })
})

export default function SellerInvoicePage() {
  const { t } = useTranslation()
  const { invoice } = useLoaderData<typeof loader>()
  const answer = useActionData<typeof action>()
  const notice = useSearchParams()[0].get('notice')
  return (
    <>
      <InvoicePage
        invoice={invoice}
        notice={
          <>
            {notice === 'paid' ? <Flash>{t('invoices.markedPaid')}</Flash> : null}
            <ErrorAlert error={answer?.error} />
          </>
        }
        actions={
          <>
            <PrintButton invoiceId={invoice.id} />
            {invoice.canMarkPaid ? (
              <Form method="post" className="inline-form">
                <SubmitButton name="intent" value="paid">
                  {t('invoices.markPaid')}
                </SubmitButton>
              </Form>
            ) : null}
          </>
        }
      />
    </>
  )
}
