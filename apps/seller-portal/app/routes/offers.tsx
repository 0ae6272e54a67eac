import { getFormProps, getInputProps, getSelectProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { appUrl, guard } from '@tradepost/auth'
import { submitForm } from '@tradepost/auth/forms'
import { listOfferableProducts } from '@tradepost/domain/catalog'
import { listMyOffers, listMyWarehouses, saveOffer } from '@tradepost/domain/offers'
import { CURRENCIES, OFFER_CONDITIONS, OfferInputSchema } from '@tradepost/domain/schemas'
import { DataTable, EmptyState } from '@tradepost/ui/components/data.tsx'
import { ErrorAlert, Field, FormErrors, Notice, SelectField, SubmitButton } from '@tradepost/ui/components/forms.tsx'
import { Price } from '@tradepost/ui/components/money.tsx'
import { PageHeader } from '@tradepost/ui/components/shell.tsx'
import { metaTitle } from '@tradepost/ui/i18n/meta.ts'
import { kit } from '../app.server.ts'

export const meta = metaTitle('catalog.offers')

export const loader = guard(async ({ request }: LoaderFunctionArgs) => {
  const rc = await kit.requireMember(request)
  return data(
    {
      offers: await listMyOffers(rc.ctx),
      products: await listOfferableProducts(rc.ctx),
      warehouses: await listMyWarehouses(rc.ctx),
      marketplaceUrl: appUrl('marketplace'),
    },
    { headers: rc.headers },
  )
})

export const action = guard(async ({ request }: ActionFunctionArgs) => {
  const rc = await kit.requireMember(request)
  return submitForm(await request.formData(), OfferInputSchema, (value) => saveOffer(rc.ctx, value), { field: 'sku', redirectTo: () => '/offers?notice=offerSaved' })
})

export default function Offers() {
  const { t, i18n } = useTranslation()
  const { offers, products, warehouses, marketplaceUrl } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [params] = useSearchParams()
  const [form, fields] = useForm({
    id: 'offer',
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: OfferInputSchema }),
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
    defaultValue: { currency: 'VND', minOrderQty: '1', orderMultiple: '1', leadTimeDays: '1', condition: 'new', productId: params.get('product') ?? '' },
  })
  const stock = fields.stock.getFieldset()
  const stockError = actionData?.error?.field === 'stock' ? actionData.error : null
  return (
    <>
      <PageHeader title={t('catalog.offers')} />
      {params.get('notice') === 'offerSaved' ? <Notice tone="success">{t('catalog.offerSaved')}</Notice> : null}
      {offers.length === 0 ? (
        <EmptyState title={t('catalog.noOffers')} />
      ) : (
        <DataTable head={[t('catalog.product'), t('catalog.sku'), t('product.price'), t('product.stockTotal'), t('product.leadTime')]}>
          {offers.map((o) => (
            <tr key={o.id}>
              <td>
                <a href={`${marketplaceUrl}/p/${o.productSlug}`}>{o.productName}</a>
              </td>
              <td>{o.sku}</td>
              <td>
                <Price money={o.price} />
              </td>
              <td>{o.stock.reduce((n, s) => n + s.quantity, 0)}</td>
              <td>{t('product.days', { count: o.leadTimeDays })}</td>
            </tr>
          ))}
        </DataTable>
      )}
      <section className="panel">
        <h2>{t('catalog.newOffer')}</h2>
        <Form method="post" {...getFormProps(form)}>
          <FormErrors errors={form.errors} />
          <ErrorAlert error={stockError} />
          <SelectField
            label={t('catalog.product')}
            errors={fields.productId.errors}
            selectProps={getSelectProps(fields.productId)}
            options={[{ value: '', label: t('catalog.chooseProduct') }, ...products.map((p) => ({ value: p.id, label: i18n.language === 'vi' ? p.labelVi : p.label }))]}
          />
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
              return <Field key={w.id} label={t('catalog.stockAt', { warehouse: `${w.name} (${w.subdivisionCode})` })} errors={field.errors} inputProps={{ ...getInputProps(field, { type: 'number' }), min: 0 }} />
            })}
          </div>
          <SubmitButton>{t('catalog.saveOffer')}</SubmitButton>
        </Form>
      </section>
    </>
  )
}
