import { getFormProps, getInputProps, getSelectProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { appUrl, guard, idOrNew, isUuid } from '@tradepost/auth'
import { submitForm } from '@tradepost/auth/forms'
import { offerableProduct, offerableProductNamed } from '@tradepost/domain/catalog'
import { deleteOffer, getMyOffer, saveOffer, setOfferExposure, setOffersStatus } from '@tradepost/domain/offers'
import { listMyCustomerGroups, listMyCustomers } from '@tradepost/domain/pricing'
import { listMyWarehouses } from '@tradepost/domain/organizations'
import { CURRENCIES, OFFER_CONDITIONS, OfferExposureSchema, OfferInputSchema } from '@tradepost/domain/schemas'
import { StatusBadge } from '@tradepost/ui/components/data.tsx'
import { CheckboxField, CheckboxGroup, ErrorAlert, Field, FieldErrors, FormErrors, Notice, SelectField, SubmitButton } from '@tradepost/ui/components/forms.tsx'
import { Flash } from '@tradepost/ui/components/toast.tsx'
import { SuggestField } from '@tradepost/ui/components/suggest.tsx'
import { ConfirmButton, ConfirmPanel } from '@tradepost/ui/components/confirm.tsx'
import { PageHeader } from '@tradepost/ui/components/shell.tsx'
import { metaTitle } from '@tradepost/ui/i18n/meta.ts'
import { toInputString } from '@tradepost/domain/money'
import { kit } from '../app.server.ts'

export const meta = metaTitle('catalog.editOffer')

export const loader = guard(async ({ request, params }: LoaderFunctionArgs) => {
  const rc = await kit.requireMember(request)
  const id = idOrNew(params.id)
  const offer = id ? await getMyOffer(rc.ctx, id) : null
  return data(
    {
      offer,
      // Editing keeps the product; a new offer picks among what this seller may sell (searched as
      // one types), starting from the product whose page linked here.
      picked: offer ? null : await pickedProduct(rc.ctx, new URL(request.url).searchParams.get('product')),
      warehouses: await listMyWarehouses(rc.ctx),
      // Whom the offer may be restricted to: the seller's own groups and customers.
      groups: offer ? (await listMyCustomerGroups(rc.ctx)).map((g) => ({ id: g.id, name: g.name })) : [],
      customers: offer ? (await listMyCustomers(rc.ctx)).map((c) => ({ id: c.id, name: c.accountNumber ? `${c.buyer.name} (${c.accountNumber})` : c.buyer.name })) : [],
      marketplaceUrl: appUrl('marketplace'),
    },
    { headers: rc.headers },
  )
})

export const action = guard(async ({ request, params }: ActionFunctionArgs) => {
  const rc = await kit.requireMember(request)
  const id = idOrNew(params.id)
  const formData = await request.formData()
  const intent = formData.get('intent')
  if (id && (intent === 'pause' || intent === 'activate')) {
    await getMyOffer(rc.ctx, id)
    await setOffersStatus(rc.ctx, [id], intent === 'pause' ? 'paused' : 'active')
    throw redirect(`/offers/${id}?notice=${intent === 'pause' ? 'offerPaused' : 'offerActivated'}`)
  }
  // Deleting asks first: a dialog with JavaScript, this answer (a confirmation on the page) without.
  if (id && intent === 'delete') {
    await getMyOffer(rc.ctx, id)
    return data({ confirm: 'delete' as const }, { headers: rc.headers })
  }
  if (id && intent === 'exposure') {
    const answer = await submitForm(formData, OfferExposureSchema, (value) => setOfferExposure(rc.ctx, id, value), { field: 'groupIds', redirectTo: (offer) => `/offers/${offer.id}?notice=exposureSaved` })
    return data({ ...answer.data, form: 'exposure' as const }, answer.init ?? undefined)
  }
  if (id && intent === 'deleteConfirmed') {
    await deleteOffer(rc.ctx, id)
    throw redirect('/offers?notice=offerDeleted')
  }
  // A new offer's product comes as the picker's text (a label, part number or name): the server finds it.
  const typed = formData.get('product')
  if (!id && !formData.get('productId') && typeof typed === 'string') formData.set('productId', (await offerableProductNamed(rc.ctx, typed.slice(0, 300)))?.id ?? '')
  return submitForm(formData, OfferInputSchema, (value) => saveOffer(rc.ctx, { ...value, offerId: id ?? undefined }), { field: 'sku', redirectTo: (offer) => `/offers/${offer.id}?notice=offerSaved` })
})

const pickedProduct = async (ctx: Parameters<typeof offerableProduct>[0], id: string | null) => (isUuid(id) ? offerableProduct(ctx, id) : null)


export default function OfferEditor() {
  const { t, i18n } = useTranslation()
  const { offer, picked, warehouses, groups, customers, marketplaceUrl } = useLoaderData<typeof loader>()
  const answer = useActionData<typeof action>()
  const actionData = answer && ('confirm' in answer || 'form' in answer) ? undefined : answer
  const exposureAnswer = answer && 'form' in answer ? (answer as ExposureAnswer) : undefined
  const deleteQuestion = { title: t('catalog.deleteOfferQuestion', { sku: offer?.sku ?? '' }), description: t('catalog.deleteHint'), confirmLabel: t('catalog.deleteOfferConfirm') }
  const [params] = useSearchParams()
  const vi = i18n.language === 'vi'
  const [form, fields] = useForm({
    // A new id after each save, so the fields show what was stored rather than what was typed.
    id: offer ? `offer-${offer.id}-${Date.parse(offer.updatedAt)}` : 'offer-new',
    lastResult: actionData?.result,
    // A new offer names its product as text, which the server finds; the rest is checked here too.
    onValidate: ({ formData }) => parseWithZod(formData, { schema: offer ? OfferInputSchema : (OfferInputSchema.omit({ productId: true }) as unknown as typeof OfferInputSchema) }),
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
    defaultValue: offer
      ? {
          productId: offer.productId,
          sku: offer.sku,
          price: toInputString(offer.price),
          currency: offer.price.currency,
          minOrderQty: String(offer.minOrderQty),
          orderMultiple: String(offer.orderMultiple),
          leadTimeDays: String(offer.leadTimeDays),
          condition: offer.condition,
          stock: Object.fromEntries(offer.stock.map((s) => [s.warehouseId, String(s.quantity)])),
        }
      : { currency: 'VND', minOrderQty: '1', orderMultiple: '1', leadTimeDays: '1', condition: 'new' },
  })
  const stock = fields.stock.getFieldset()
  const stockError = actionData?.error?.field === 'stock' ? actionData.error : null
  const notice = params.get('notice')
  return (
    <>
      <p className="breadcrumb">
        <Link to="/offers">{t('catalog.offers')}</Link>
      </p>
      <PageHeader title={offer ? `${t('catalog.editOffer')}: ${offer.sku}` : t('catalog.newOffer')}>
        {offer ? (
          <>
            <StatusBadge status={offer.status} />{' '}
            <Form method="post" className="inline-form">
              <SubmitButton name="intent" value={offer.status === 'active' ? 'pause' : 'activate'} variant="secondary">
                {offer.status === 'active' ? t('catalog.pause') : t('catalog.activate')}
              </SubmitButton>
            </Form>
          </>
        ) : null}
      </PageHeader>
      {notice === 'offerSaved' || notice === 'offerPaused' || notice === 'offerActivated' || notice === 'exposureSaved' ? (
        <Flash>{notice === 'offerSaved' ? t('catalog.offerSaved') : notice === 'exposureSaved' ? t('exposure.saved') : notice === 'offerPaused' ? t('catalog.offersPaused', { count: 1 }) : t('catalog.offersActivated', { count: 1 })}</Flash>
      ) : null}
      {offer && answer && 'confirm' in answer ? <ConfirmPanel intent="delete" {...deleteQuestion} cancelTo={`/offers/${offer.id}`} /> : null}
      {offer?.status === 'paused' ? <Notice tone="warning">{t('catalog.pausedHint')}</Notice> : null}
      <section className="panel">
        <Form method="post" {...getFormProps(form)}>
          <FormErrors errors={form.errors} />
          <ErrorAlert error={stockError} />
          {offer ? (
            <p>
              {t('catalog.product')}: <a href={`${marketplaceUrl}/p/${offer.productSlug}`}>{vi ? offer.productNameVi : offer.productName}</a> <span className="muted">({offer.productMpn})</span>
              <input type="hidden" name={fields.productId.name} value={offer.productId} />
            </p>
          ) : (
            <SuggestField
              source="/offerable-products.json"
              label={t('catalog.product')}
              hint={t('catalog.findProduct')}
              errors={fields.productId.errors}
              inputProps={{ id: fields.productId.id, name: 'product', type: 'text', defaultValue: picked ? (vi ? picked.labelVi : picked.label) : '', maxLength: 300 }}
            />
          )}
          <div className="grid-2">
            <Field label={t('catalog.sku')} errors={fields.sku.errors} inputProps={getInputProps(fields.sku, { type: 'text' })} />
            <Field label={t('catalog.price')} hint={t('catalog.priceHint')} errors={fields.price.errors} inputProps={{ ...getInputProps(fields.price, { type: 'text' }), inputMode: 'decimal' }} />
            <SelectField label={t('catalog.currency')} errors={fields.currency.errors} selectProps={getSelectProps(fields.currency)} options={CURRENCIES.map((c) => ({ value: c, label: c }))} />
            <SelectField label={t('catalog.condition')} errors={fields.condition.errors} selectProps={getSelectProps(fields.condition)} options={OFFER_CONDITIONS.map((c) => ({ value: c, label: t(`conditions.${c}`) }))} />
            <Field label={t('catalog.moq')} errors={fields.minOrderQty.errors} inputProps={getInputProps(fields.minOrderQty, { type: 'number' })} />
            <Field label={t('catalog.multiple')} errors={fields.orderMultiple.errors} inputProps={getInputProps(fields.orderMultiple, { type: 'number' })} />
            <Field label={t('catalog.leadTime')} errors={fields.leadTimeDays.errors} inputProps={getInputProps(fields.leadTimeDays, { type: 'number' })} />
            {warehouses.map((w) => {
              const field = stock[w.id]!
              return <Field key={w.id} label={t('catalog.stockAt', { warehouse: `${w.name} (${w.city})` })} errors={field.errors} inputProps={{ ...getInputProps(field, { type: 'number' }), min: 0 }} />
            })}
          </div>
          {warehouses.length === 0 ? (
            <p className="muted">
              {t('catalog.noWarehouses')} <Link to="/warehouses">{t('warehouses.add')}</Link>
            </p>
          ) : null}
          <SubmitButton>{t('catalog.saveOffer')}</SubmitButton>
        </Form>
      </section>
      {offer ? <ExposureForm offer={offer} groups={groups} customers={customers} answer={exposureAnswer} /> : null}
      {offer ? (
        <section className="panel">
          <h2>{t('catalog.deleteOffer')}</h2>
          <p className="muted">{t('catalog.deleteHint')}</p>
          <ConfirmButton intent="delete" label={t('catalog.deleteOffer')} {...deleteQuestion} />
        </section>
      ) : null}
    </>
  )
}

type Loaded = ReturnType<typeof useLoaderData<typeof loader>>
type ExposureAnswer = { result?: { error?: Record<string, string[] | null> | null }; error?: { code: string; field?: string } | null }

/** Whom the offer is for (everyone, or chosen groups and customers) and whether its price is on request. */
function ExposureForm({ offer, groups, customers, answer }: { offer: NonNullable<Loaded['offer']>; groups: Loaded['groups']; customers: Loaded['customers']; answer?: ExposureAnswer }) {
  const { t } = useTranslation()
  const restricted = offer.audience !== null
  const chosen = new Set([...(offer.audience?.groupIds ?? []), ...(offer.audience?.customerIds ?? [])])
  const errorsOf = (field: string) => [...new Set([...(answer?.result?.error?.[field] ?? []), ...(answer?.error?.field === field ? [answer.error.code] : [])])]
  return (
    <section className="panel" aria-labelledby="exposure-title">
      <h2 id="exposure-title">{t('exposure.title')}</h2>
      <Form method="post">
        <input type="hidden" name="intent" value="exposure" />
        <fieldset className="field">
          <legend>{t('exposure.who')}</legend>
          <label className="choice">
            <input type="radio" name="audience" value="everyone" defaultChecked={!restricted} /> <strong>{t('exposure.everyone')}</strong> <span className="muted">{t('exposure.everyoneHint')}</span>
          </label>
          <label className="choice">
            <input type="radio" name="audience" value="chosen" defaultChecked={restricted} /> <strong>{t('exposure.chosen')}</strong> <span className="muted">{t('exposure.chosenHint')}</span>
          </label>
          <FieldErrors id="audience-error" errors={errorsOf('audience')} />
        </fieldset>
        <div className="grid-2">
          <CheckboxGroup legend={t('priceLists.groups')} name="groupIds" options={groups} checked={chosen} empty={t('priceLists.noGroups')} errors={errorsOf('groupIds')} />
          <CheckboxGroup legend={t('priceLists.customers')} name="customerIds" options={customers} checked={chosen} empty={t('priceLists.noCustomers')} errors={errorsOf('customerIds')} />
        </div>
        <CheckboxField label={t('exposure.priceOnRequest')} hint={t('exposure.priceOnRequestHint')} inputProps={{ name: 'priceOnRequest', defaultChecked: offer.priceOnRequest }} />
        <SubmitButton variant="secondary">{t('exposure.save')}</SubmitButton>
      </Form>
    </section>
  )
}
