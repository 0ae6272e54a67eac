import { randomUUID } from 'node:crypto'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { guard } from '@tradepost/auth'
import { submitForm } from '@tradepost/auth/forms'
import { listMyShipTos } from '@tradepost/domain/companies'
import { termsWithSellers, type SellerTerms } from '@tradepost/domain/invoices'
import { canBuy, checkoutApproval, getCart, placeCheckout } from '@tradepost/domain/orders'
import { cardSellers } from '@tradepost/domain/payments'
import { CheckoutInputSchema, PAYMENT_WINDOW_MINUTES, PO_NUMBER_MAX, todayInVietnam } from '@tradepost/domain/schemas'
import { EmptyState } from '@tradepost/ui/components/data.tsx'
import { ErrorAlert, Field, FieldErrors, Notice, SelectField, SubmitButton } from '@tradepost/ui/components/forms.tsx'
import { Price, Totals } from '@tradepost/ui/components/money.tsx'
import { PageHeader } from '@tradepost/ui/components/shell.tsx'
import { metaTitle } from '@tradepost/ui/i18n/meta.ts'
import { kit } from '../app.server.ts'

export const meta = metaTitle('checkout.title')

export const loader = guard(async ({ request }: LoaderFunctionArgs) => {
  const rc = await kit.requireMember(request)
  if (!canBuy(rc.ctx)) throw new Response('Not found', { status: 404 })
  const cart = await getCart(rc.ctx)
  const sellerIds = cart.groups.map((g) => g.seller.id)
  const [shipTos, approval, terms, card] = await Promise.all([
    listMyShipTos(rc.ctx),
    cart.hasIssues ? null : checkoutApproval(rc.ctx, cart),
    termsWithSellers(rc.ctx, rc.ctx.actor.membership!.organizationId, sellerIds),
    cardSellers(rc.ctx, sellerIds),
  ])
  // The form's own id: submitting it twice places one checkout.
  return data({ cart, shipTos, approval, terms, cardSellerIds: [...card], token: randomUUID() }, { headers: rc.headers })
})

export const action = guard(async ({ request }: ActionFunctionArgs) => {
  const rc = await kit.requireMember(request)
  return submitForm(await request.formData(), CheckoutInputSchema, (value) => placeCheckout(rc.ctx, value), {
    field: 'token',
    // Card orders placed now are paid next; the rest (or orders waiting for approval) go to the list.
    redirectTo: (placed) => (placed.payNow ? `/checkout/${placed.checkoutId}/pay` : `/orders?placed=${placed.checkoutId}`),
  })
})

export default function CheckoutPage() {
  const { t, i18n } = useTranslation()
  const { cart, shipTos, approval, terms, cardSellerIds, token } = useLoaderData<typeof loader>()
  const answer = useActionData<typeof action>()
  const errors = (answer?.result?.error ?? {}) as Record<string, string[] | null>
  const values = (answer?.result?.initialValue ?? {}) as Record<string, string>
  const vi = i18n.language === 'vi'
  // Nothing to check out, or something to settle first: the cart says what.
  if (!cart.groups.length || cart.hasIssues) {
    return (
      <>
        <PageHeader title={t('checkout.title')} />
        <EmptyState title={cart.groups.length ? t('checkout.settleFirst') : t('cart.empty')}>
          <p>
            <Link to="/cart">{t('checkout.backToCart')}</Link>
          </p>
        </EmptyState>
      </>
    )
  }
  if (!shipTos.length) {
    return (
      <>
        <PageHeader title={t('checkout.title')} />
        <EmptyState title={t('checkout.noShipTo')}>
          <p>
            <Link to="/account/ship-to">{t('checkout.addShipTo')}</Link>
          </p>
        </EmptyState>
      </>
    )
  }
  const chosen = shipTos.find((s) => s.chosen) ?? shipTos[0]!
  const tokenError = errors.token?.[0]
  return (
    <>
      <PageHeader title={t('checkout.title')}>
        <Link to="/cart">{t('checkout.backToCart')}</Link>
      </PageHeader>
      {tokenError ? <ErrorAlert error={answer?.error?.code === tokenError ? answer.error : { code: tokenError }} /> : null}
      <div className="checkout-layout">
        <Form method="post" className="panel stack" aria-labelledby="checkout-details">
          <h2 id="checkout-details">{t('checkout.details')}</h2>
          {/* A failed submit keeps its token: sending the corrected form is still the same checkout. */}
          <input type="hidden" name="token" value={values.token ?? token} />
          <SelectField
            label={t('checkout.shipTo')}
            errors={errors.shipToId ?? undefined}
            selectProps={{ id: 'shipToId', name: 'shipToId', defaultValue: values.shipToId ?? chosen.id, required: true }}
            options={shipTos.map((s) => ({ value: s.id, label: `${s.name} — ${s.addressLine ? `${s.addressLine}, ` : ''}${s.city}` }))}
          />
          <Field label={t('checkout.poNumber')} hint={t('checkout.poHint')} errors={errors.poNumber ?? undefined} inputProps={{ id: 'poNumber', name: 'poNumber', maxLength: PO_NUMBER_MAX, defaultValue: values.poNumber ?? '', autoComplete: 'off' }} />
          <Field label={t('checkout.requestedDate')} hint={t('checkout.requestedDateHint')} errors={errors.requestedDate ?? undefined} inputProps={{ id: 'requestedDate', name: 'requestedDate', type: 'date', min: todayInVietnam(), defaultValue: values.requestedDate ?? '' }} />
          <div className="field">
            <label htmlFor="notes">{t('checkout.notes')}</label>
            <textarea id="notes" name="notes" rows={3} maxLength={2000} defaultValue={values.notes ?? ''} aria-invalid={errors.notes ? true : undefined} aria-describedby={errors.notes ? 'notes-error' : undefined} />
            <FieldErrors id="notes-error" errors={errors.notes ?? undefined} />
          </div>
          {cardSellerIds.length ? (
            <fieldset className="field">
              <legend>{t('checkout.payBy')}</legend>
              <label className="choice">
                <input type="radio" name="payBy" value="card" defaultChecked={(values.payBy ?? 'card') === 'card'} />
                <span>{t('checkout.payByCard', { sellers: cart.groups.filter((g) => cardSellerIds.includes(g.seller.id)).map((g) => g.seller.name).join(', ') })}</span>
              </label>
              <label className="choice">
                <input type="radio" name="payBy" value="terms" defaultChecked={values.payBy === 'terms'} />
                <span>{t('checkout.payByTerms')}</span>
              </label>
              <p className="muted">{t('checkout.payByCardHint', { minutes: PAYMENT_WINDOW_MINUTES })}</p>
            </fieldset>
          ) : (
            <>
              <input type="hidden" name="payBy" value="terms" />
              <p className="muted">{t('checkout.onTerms')}</p>
            </>
          )}
          {approval?.outcome === 'approval' ? (
            <Notice tone="info">
              <p>{t('checkout.needsApproval', { steps: approval.steps.map((s) => ('role' in s.step ? t(`roles.${s.step.role}`) : (approval.names[s.step.userId] ?? t('checkout.namedApprover')))).join(' → ') })}</p>
              <p className="muted">{t('checkout.becauseRules', { rules: approval.rules.map((r) => r.name).join(', ') })}</p>
            </Notice>
          ) : null}
          {approval?.outcome === 'blocked' ? <Notice tone="error">{t('checkout.blocked')}</Notice> : null}
          <div>
            <SubmitButton disabled={approval?.outcome === 'blocked'}>{approval?.outcome === 'approval' ? t('checkout.submitForApproval') : t('checkout.place')}</SubmitButton>
          </div>
        </Form>
        <section className="panel" aria-labelledby="checkout-summary">
          <h2 id="checkout-summary">{t('checkout.summary', { count: cart.groups.length })}</h2>
          {cart.groups.map((g) => (
            <div key={`${g.seller.id}:${g.currency}`} className="checkout-order">
              <h3>{t('checkout.orderWith', { seller: g.seller.name })}</h3>
              {cardSellerIds.includes(g.seller.id) ? (
                <p className="muted" data-testid="takes-cards">
                  {t('checkout.takesCards')}
                </p>
              ) : null}
              <SellerTermsLine terms={terms.find((x) => x.sellerId === g.seller.id)} />
              <ul className="plain-list">
                {g.lines.map((l) => (
                  <li key={l.id}>
                    {l.quantity} × {l.product ? (vi ? l.product.name.vi : l.product.name.en) : l.sku} — <Price money={l.lineTotal!} />
                  </li>
                ))}
              </ul>
              <p>
                {t('cart.subtotal')}: <strong><Price money={g.subtotal} /></strong>
              </p>
            </div>
          ))}
          <p className="checkout-total">
            {t('cart.total')}:{' '}
            <Totals totals={cart.totals} />
          </p>
        </section>
      </div>
    </>
  )
}

/** How this seller is paid: in advance, or on account within the credit it gives the company. */
function SellerTermsLine({ terms }: { terms?: SellerTerms }) {
  const { t } = useTranslation()
  if (!terms) return null
  return (
    <p className="muted" data-testid="seller-terms">
      {terms.terms === 'prepaid' ? t('checkout.prepaid') : t('checkout.onAccount', { terms: t(`terms.${terms.terms}`) })}
      {terms.available ? (
        <>
          {' '}
          {t('checkout.creditAvailable')} <Price money={terms.available} />
        </>
      ) : null}
    </p>
  )
}
