import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useLocation, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { guard } from '@tradepost/auth'
import { parseForm } from '@tradepost/auth/forms'
import { acceptCartPrices, canBuy, getCart, quickOrder, setCartQuantity, type CartLineDto, type QuickOrderProblem } from '@tradepost/domain/orders'
import { CartQuantityInputSchema, QuickOrderInputSchema, QUICK_ORDER_MAX_LINES } from '@tradepost/domain/schemas'
import { DataTable, EmptyState } from '@tradepost/ui/components/data.tsx'
import { FieldErrors, Notice, SubmitButton, useErrorText } from '@tradepost/ui/components/forms.tsx'
import { Price, Totals } from '@tradepost/ui/components/money.tsx'
import { PageHeader } from '@tradepost/ui/components/shell.tsx'
import { Flash } from '@tradepost/ui/components/toast.tsx'
import { metaTitle } from '@tradepost/ui/i18n/meta.ts'
import { kit } from '../app.server.ts'

export const meta = metaTitle('cart.title')

export const loader = guard(async ({ request }: LoaderFunctionArgs) => {
  const rc = await kit.requireMember(request)
  if (!canBuy(rc.ctx)) throw new Response('Not found', { status: 404 })
  return data({ cart: await getCart(rc.ctx) }, { headers: rc.headers })
})

export const action = guard(async ({ request }: ActionFunctionArgs) => {
  const rc = await kit.requireMember(request)
  const formData = await request.formData()
  const intent = formData.get('intent')
  if (intent === 'quantity' || intent === 'remove') {
    if (intent === 'remove') formData.set('quantity', '0')
    const submission = parseForm(formData, CartQuantityInputSchema)
    if (submission.status !== 'success') return data({ lineId: String(formData.get('lineId') ?? ''), errors: submission.error?.quantity ?? ['NUMBER_INVALID'], problems: null }, { status: 400 })
    await setCartQuantity(rc.ctx, submission.value)
    throw redirect(`/cart?notice=${intent === 'remove' ? 'removed' : 'updated'}`, { headers: rc.headers })
  }
  if (intent === 'accept') {
    await acceptCartPrices(rc.ctx)
    throw redirect('/cart?notice=accepted', { headers: rc.headers })
  }
  if (intent === 'quick') {
    const submission = parseForm(formData, QuickOrderInputSchema)
    if (submission.status !== 'success') return data({ lineId: 'quick', errors: submission.error?.lines ?? ['FIELD_REQUIRED'], problems: null, lines: String(formData.get('lines') ?? '') }, { status: 400 })
    const result = await quickOrder(rc.ctx, submission.value)
    if (!result.ok) return data({ lineId: 'quick', errors: result.problems?.length ? [] : [result.error.code], problems: result.problems ?? null, lines: submission.value.lines }, { status: 409 })
    throw redirect(`/cart?notice=added&count=${result.value.added}`, { headers: rc.headers })
  }
  throw new Response('Bad request', { status: 400 })
})

type Answer = { lineId: string; errors: string[]; problems: QuickOrderProblem[] | null; lines?: string }

export default function Cart() {
  const { t } = useTranslation()
  const { cart } = useLoaderData<typeof loader>()
  const answer = useActionData<typeof action>() as Answer | undefined
  const [params] = useSearchParams()
  const notice = params.get('notice')
  return (
    <>
      <PageHeader title={t('cart.title')} />
      {notice === 'added' ? <Flash>{t('cart.added', { count: Number(params.get('count') ?? 1) })}</Flash> : null}
      {notice === 'updated' || notice === 'removed' || notice === 'accepted' ? <Flash>{t(`cart.${notice}`)}</Flash> : null}
      {cart.priceChanged ? (
        <Notice tone="warning">
          <p>{t('cart.pricesChanged')}</p>
          <Form method="post" className="inline-form">
            <SubmitButton name="intent" value="accept" variant="secondary">
              {t('cart.acceptPrices')}
            </SubmitButton>
          </Form>
        </Notice>
      ) : null}
      {cart.lineCount === 0 ? (
        <EmptyState title={t('cart.empty')}>
          <p>{t('cart.emptyHint')}</p>
        </EmptyState>
      ) : null}
      {cart.groups.map((g) => (
        <section key={`${g.seller.id}:${g.currency}`} className="panel cart-group" aria-labelledby={`seller-${g.seller.id}-${g.currency}`}>
          <h2 id={`seller-${g.seller.id}-${g.currency}`}>
            <Link to={`/s/${g.seller.slug}`}>{g.seller.name}</Link> <small className="muted">{g.currency}</small>
          </h2>
          <CartLines lines={g.lines} answer={answer} />
          <p className="cart-subtotal">
            {t('cart.subtotal')}: <strong><Price money={g.subtotal} /></strong>
          </p>
        </section>
      ))}
      {cart.unavailable.length ? (
        <section className="panel cart-group">
          <h2>{t('cart.unavailableTitle')}</h2>
          <CartLines lines={cart.unavailable} answer={answer} />
        </section>
      ) : null}
      {cart.groups.length ? (
        <div className="cart-footer">
          <p>
            {t('cart.total')}:{' '}
            <Totals totals={cart.totals} />
          </p>
          {cart.totals.length > 1 ? <p className="muted">{t('cart.severalCurrencies')}</p> : null}
          {cart.hasIssues ? (
            <p className="muted">{t('cart.fixFirst')}</p>
          ) : (
            <Link to="/checkout" className="button primary">
              {t('cart.checkout')}
            </Link>
          )}
        </div>
      ) : null}
      <QuickOrder answer={answer} />
    </>
  )
}

function CartLines({ lines, answer }: { lines: CartLineDto[]; answer?: Answer }) {
  const { t, i18n } = useTranslation()
  const errorText = useErrorText()
  const vi = i18n.language === 'vi'
  return (
    <DataTable head={[t('cart.item'), t('cart.unitPrice'), t('cart.quantity'), t('cart.lineTotal'), '']}>
          {lines.map((l) => {
            const name = l.product ? (vi ? l.product.name.vi : l.product.name.en) : t('cart.gone')
            const errors = answer?.lineId === l.id ? answer.errors : []
            return (
              <tr key={l.id} data-testid="cart-line">
                <td>
                  {l.product ? <Link to={`/p/${l.product.slug}`}>{name}</Link> : <span>{name}</span>}
                  <br />
                  <small className="muted">
                    {l.sku}
                    {l.product ? ` · ${l.product.mpn}` : ''}
                  </small>
                  {l.issues.length ? (
                    <ul className="line-issues" role="status">
                      {l.issues.map((issue) => (
                        <li key={issue.code}>
                          {issue.code === 'PRICE_CHANGED' ? (
                            <>
                              {t('cart.issues.PRICE_CHANGED')} <s><Price money={issue.seen} /></s>
                            </>
                          ) : (
                            errorText(`LINE_${issue.code}`, issue as Record<string, unknown>)
                          )}
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </td>
                <td>
                  {l.unit ? <Price money={l.unit} /> : '—'}
                  {l.priceList ? <small className="block muted">{t('cart.fromList', { name: l.priceList })}</small> : null}
                </td>
                <td>
                  <Form method="post" className="inline-form qty-form">
                    <input type="hidden" name="lineId" value={l.id} />
                    <label htmlFor={`qty-${l.id}`} className="visually-hidden">
                      {t('cart.quantityOf', { name })}
                    </label>
                    <input id={`qty-${l.id}`} name="quantity" type="number" min={1} max={1000000} step={1} defaultValue={l.quantity} className="qty-input" aria-invalid={errors.length ? true : undefined} aria-describedby={errors.length ? `qty-${l.id}-error` : undefined} />
                    <SubmitButton name="intent" value="quantity" variant="secondary" aria-label={t('cart.updateOf', { name })}>
                      {t('cart.update')}
                    </SubmitButton>
                    <FieldErrors id={`qty-${l.id}-error`} errors={errors} />
                  </Form>
                  {l.minOrderQty > 1 || l.orderMultiple > 1 ? <small className="muted">{t('cart.moqHint', { moq: l.minOrderQty, multiple: l.orderMultiple })}</small> : null}
                </td>
                <td>{l.lineTotal ? <Price money={l.lineTotal} /> : '—'}</td>
                <td>
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="lineId" value={l.id} />
                    <SubmitButton name="intent" value="remove" variant="danger" aria-label={t('cart.removeOf', { name })}>
                      {t('cart.remove')}
                    </SubmitButton>
                  </Form>
                </td>
              </tr>
            )
          })}
    </DataTable>
  )
}

/** Quick order: SKUs or part numbers with quantities, one per line; lines not understood come back with suggestions. */
function QuickOrder({ answer }: { answer?: Answer }) {
  const { t, i18n } = useTranslation()
  const errorText = useErrorText()
  const mine = answer?.lineId === 'quick'
  const vi = i18n.language === 'vi'
  // A new address (lines added) starts an empty form; a refused paste stays for correcting.
  const location = useLocation()
  return (
    <section className="panel" aria-labelledby="quick-order">
      <h2 id="quick-order">{t('cart.quickTitle')}</h2>
      <p className="muted">{t('cart.quickIntro', { max: QUICK_ORDER_MAX_LINES })}</p>
      <Form method="post" className="stack" key={location.key}>
        <div className="field">
          <label htmlFor="quick-lines">{t('cart.quickLabel')}</label>
          <textarea id="quick-lines" name="lines" rows={5} defaultValue={mine ? answer?.lines : ''} placeholder={'HNIS-MCB1P32 10\nSGP-PUMP-2200 1'} aria-invalid={mine && (answer.errors.length || answer.problems?.length) ? true : undefined} aria-describedby={mine ? 'quick-lines-error' : undefined} className="mono" />
          <FieldErrors id="quick-lines-error" errors={mine ? answer.errors : []} />
        </div>
        {mine && answer.problems?.length ? (
          <div className="alert error" role="alert" id="quick-lines-error">
            <p>{t('cart.quickProblems')}</p>
            <ul>
              {answer.problems.map((p) => (
                <li key={p.line}>
                  {t('cart.quickLine', { line: p.line, text: p.text })}: {errorText(`QUICK_${p.code}`)}.
                  {p.suggestions.length ? (
                    <>
                      {' '}
                      {t('cart.didYouMean')}{' '}
                      {p.suggestions.map((s, i) => (
                        <span key={s.offerId}>
                          {i > 0 ? '; ' : ''}
                          <code>{s.sku}</code> ({s.seller}, {vi ? s.product.vi : s.product.en})
                        </span>
                      ))}
                    </>
                  ) : null}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <div>
          <SubmitButton name="intent" value="quick" variant="secondary">
            {t('cart.quickAdd')}
          </SubmitButton>
        </div>
      </Form>
    </section>
  )
}
