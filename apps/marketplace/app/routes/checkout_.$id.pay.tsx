import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { guard, idParam } from '@tradepost/auth'
import { checkoutPayments, payWithTestCard, TEST_CARDS, type CheckoutPaymentDto } from '@tradepost/domain/payments'
import { FormattedDate } from '@tradepost/ui/components/data.tsx'
import { ErrorAlert, Notice, SubmitButton } from '@tradepost/ui/components/forms.tsx'
import { Price } from '@tradepost/ui/components/money.tsx'
import { PageHeader } from '@tradepost/ui/components/shell.tsx'
import { Flash } from '@tradepost/ui/components/toast.tsx'
import { metaTitle } from '@tradepost/ui/i18n/meta.ts'
import { kit } from '../app.server.ts'

export const meta = metaTitle('pay.title')

export const loader = guard(async ({ request, params }: LoaderFunctionArgs) => {
  const rc = await kit.requireMember(request)
  return data({ payments: await checkoutPayments(rc.ctx, idParam(params.id)) }, { headers: rc.headers })
})

/** Test mode: pays one of the checkout's payments with the chosen test card. */
export const action = guard(async ({ request, params }: ActionFunctionArgs) => {
  const rc = await kit.requireMember(request)
  const checkoutId = idParam(params.id)
  const form = await request.formData()
  const card = String(form.get('card') ?? '')
  if (!(TEST_CARDS as readonly string[]).includes(card)) return data({ error: { code: 'FIELD_REQUIRED', field: 'card' } }, { status: 400 })
  const result = await payWithTestCard(rc.ctx, idParam(String(form.get('paymentId') ?? '')), card)
  if (!result.ok) return data({ error: result.error }, { status: result.error.code === 'CARD_DECLINED' ? 402 : 409 })
  throw redirect(`/checkout/${checkoutId}/pay?notice=paid`, { headers: rc.headers })
})

export default function PayPage() {
  const { t } = useTranslation()
  const { payments } = useLoaderData<typeof loader>()
  const answer = useActionData<typeof action>()
  const notice = useSearchParams()[0].get('notice')
  return (
    <>
      <PageHeader title={t('pay.title')}>
        <Link to="/orders">{t('orders.backToOrders')}</Link>
      </PageHeader>
      {notice === 'paid' ? <Flash>{t('pay.paidNotice')}</Flash> : null}
      <ErrorAlert error={answer?.error} />
      {payments.map((p) => (
        <PaymentPanel key={p.id} payment={p} />
      ))}
    </>
  )
}

function PaymentPanel({ payment: p }: { payment: CheckoutPaymentDto }) {
  const { t } = useTranslation()
  return (
    <section className="panel stack" aria-labelledby={`payment-${p.id}`} data-testid="payment">
      <h2 id={`payment-${p.id}`}>
        {t('pay.amount')} <Price money={p.amount} />
      </h2>
      {p.poNumber ? <p className="muted">{t('orders.poNumber')}: {p.poNumber}</p> : null}
      <ul className="plain-list">
        {p.orders.map((o) => (
          <li key={o.id}>
            <Link to={`/orders/${o.id}`}>{o.number}</Link> — {o.seller} — <Price money={o.total} /> <span className="muted">({t(`orderStatuses.${o.status}`)})</span>
          </li>
        ))}
      </ul>
      {p.status === 'succeeded' ? (
        <Notice tone="success">
          {t('pay.paid')} {p.paidAt ? <FormattedDate iso={p.paidAt} /> : null}
          {p.refunded.amount > 0 ? (
            <>
              {' '}
              {t('pay.refunded')} <Price money={p.refunded} />
            </>
          ) : null}
        </Notice>
      ) : null}
      {p.status === 'expired' ? <Notice tone="error">{t('pay.expired')}</Notice> : null}
      {p.status === 'canceled' ? <Notice tone="info">{t('pay.canceled')}</Notice> : null}
      {p.status === 'requires_payment' ? (
        <>
          <p>
            {t('pay.payBefore')} <FormattedDate iso={p.expiresAt} withTime />
          </p>
          {p.lastError ? <Notice tone="error">{t('pay.lastError', { error: p.lastError })}</Notice> : null}
          {!p.canPay ? <p className="muted">{t('pay.cannotPay')}</p> : null}
          {p.canPay && p.mode === 'test' ? (
            <Form method="post" className="stack">
              <input type="hidden" name="paymentId" value={p.id} />
              <fieldset className="field">
                <legend>{t('pay.testCard')}</legend>
                <label className="choice">
                  <input type="radio" name="card" value="pm_card_visa" defaultChecked />
                  <span>{t('pay.cardVisa')}</span>
                </label>
                <label className="choice">
                  <input type="radio" name="card" value="pm_card_chargeDeclined" />
                  <span>{t('pay.cardDeclined')}</span>
                </label>
                <p className="muted">{t('pay.testModeHint')}</p>
              </fieldset>
              <div>
                <SubmitButton>
                  {t('pay.pay')} <Price money={p.amount} />
                </SubmitButton>
              </div>
            </Form>
          ) : null}
          {p.canPay && p.mode === 'live' && p.clientSecret && p.publishableKey ? <StripePaymentForm clientSecret={p.clientSecret} publishableKey={p.publishableKey} amount={<Price money={p.amount} />} /> : null}
        </>
      ) : null}
    </section>
  )
}

// Stripe.js, loaded once from Stripe (the only place it may come from), then its Payment Element.
interface StripeJs {
  elements(options: { clientSecret: string }): { create(kind: 'payment'): { mount(el: HTMLElement): void } }
  confirmPayment(options: { elements: unknown; confirmParams: { return_url: string } }): Promise<{ error?: { message?: string } }>
}
declare global {
  interface Window {
    Stripe?: (key: string) => StripeJs
  }
}
let stripeJs: Promise<void> | undefined
const loadStripeJs = () =>
  (stripeJs ??= new Promise<void>((resolve, reject) => {
    const script = document.createElement('script')
    script.src = 'https://js.stripe.com/v3'
    script.onload = () => resolve()
    script.onerror = () => reject(new Error('Stripe.js did not load'))
    document.head.appendChild(script)
  }))

/**
 * Live mode: the card is entered in Stripe's own fields and confirmed by Stripe.js, which comes
 * back to this page; the page then reads the intent and applies its success (the webhook too).
 */
function StripePaymentForm({ clientSecret, publishableKey, amount }: { clientSecret: string; publishableKey: string; amount: ReactNode }) {
  const { t } = useTranslation()
  const mount = useRef<HTMLDivElement>(null)
  const [ready, setReady] = useState<{ stripe: StripeJs; elements: ReturnType<StripeJs['elements']> } | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  useEffect(() => {
    let gone = false
    loadStripeJs().then(
      () => {
        if (gone || !window.Stripe || !mount.current) return
        const stripe = window.Stripe(publishableKey)
        const elements = stripe.elements({ clientSecret })
        elements.create('payment').mount(mount.current)
        setReady({ stripe, elements })
      },
      () => setError(t('pay.stripeUnavailable')),
    )
    return () => {
      gone = true
    }
  }, [clientSecret, publishableKey, t])
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (!ready) return
    setBusy(true)
    const { error: failed } = await ready.stripe.confirmPayment({ elements: ready.elements, confirmParams: { return_url: window.location.href.split('?')[0]! } })
    setBusy(false)
    if (failed) setError(failed.message ?? t('errors.CARD_DECLINED'))
  }
  return (
    <form onSubmit={submit} className="stack">
      <noscript>
        <p className="muted">{t('pay.needsJs')}</p>
      </noscript>
      <div ref={mount} aria-label={t('pay.cardDetails')} />
      {!ready && !error ? <p className="muted">{t('pay.loadingStripe')}</p> : null}
      {error ? <Notice tone="error">{error}</Notice> : null}
      <div>
        <button type="submit" className="button primary" disabled={!ready || busy} aria-busy={busy || undefined}>
          {t('pay.pay')} {amount}
        </button>
      </div>
    </form>
  )
}
