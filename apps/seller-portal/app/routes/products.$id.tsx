import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { getServices, guard, idOrNew } from '@tradepost/auth'
import { submitForm } from '@tradepost/auth/forms'
import { addProductImage, getMyProduct, listCategories, listMyBrands, listProductImages, saveProduct, setProductStatus } from '@tradepost/domain/catalog'
import { ProductInputSchema, UNITS_OF_MEASURE } from '@tradepost/domain/schemas'
import { ErrorAlert, Field, FormErrors, SelectField, SubmitButton, TextareaField } from '@tradepost/ui/components/forms.tsx'
import { ProductImage } from '@tradepost/ui/components/product-image.tsx'
import { Flash } from '@tradepost/ui/components/toast.tsx'
import { PageHeader } from '@tradepost/ui/components/shell.tsx'
import { metaTitle } from '@tradepost/ui/i18n/meta.ts'
import { kit } from '../app.server.ts'

export const meta = metaTitle('catalog.editProduct')

export const loader = guard(async ({ request, params }: LoaderFunctionArgs) => {
  const rc = await kit.requireMember(request)
  const id = idOrNew(params.id)
  const product = id ? await getMyProduct(rc.ctx, id) : null
  return data(
    {
      product,
      images: product ? await listProductImages(rc.ctx, product.id) : [],
      categories: await listCategories(rc.ctx),
      brands: await listMyBrands(rc.ctx),
      isManufacturer: rc.ctx.actor.membership?.organizationKind === 'manufacturer',
      categoryId: product?.categoryId ?? new URL(request.url).searchParams.get('category') ?? '',
    },
    { headers: rc.headers },
  )
})

export const action = guard(async ({ request, params }: ActionFunctionArgs) => {
  const rc = await kit.requireMember(request)
  const id = idOrNew(params.id)
  const formData = await request.formData()
  const intent = formData.get('intent')
  if (id && intent === 'image') {
    const file = formData.get('image')
    const bytes = file instanceof File ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array()
    const { storage } = await getServices()
    const added = await addProductImage(rc.ctx, storage, id, bytes)
    if (!added.ok) return data({ result: undefined, error: added.error }, { status: 400 })
    throw redirect(`/products/${id}?notice=imageAdded`)
  }
  if (id && (intent === 'publish' || intent === 'unpublish')) {
    await setProductStatus(rc.ctx, id, intent === 'publish' ? 'published' : 'draft')
    throw redirect(`/products?notice=${intent === 'publish' ? 'published' : 'unpublished'}`)
  }
  return submitForm(formData, ProductInputSchema, (value) => saveProduct(rc.ctx, { ...value, id: id ?? undefined }), { field: 'mpn', redirectTo: (product) => `/products/${product.id}?notice=saved` })
})

export default function ProductEditor() {
  const { t, i18n } = useTranslation()
  const { product, images, categories, brands, isManufacturer, categoryId } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const notice = useSearchParams()[0].get('notice')
  const vi = i18n.language === 'vi'
  const category = categories.find((c) => c.id === categoryId)
  const [form, fields] = useForm({
    id: 'product',
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ProductInputSchema }),
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
    defaultValue: product
      ? {
          mpn: product.mpn,
          nameEn: product.nameEn,
          nameVi: product.nameVi,
          descriptionEn: product.descriptionEn,
          descriptionVi: product.descriptionVi,
          categoryId: product.categoryId,
          brandId: product.brandId ?? '',
          gtin: product.gtin ?? '',
          unitOfMeasure: product.unitOfMeasure,
          packSize: String(product.packSize),
          attributes: Object.fromEntries(Object.entries(product.attributes).map(([k, v]) => [k, String(v)])),
        }
      : { categoryId, unitOfMeasure: 'piece', packSize: '1', brandId: brands[0]?.id ?? '' },
  })
  const attributeFields = fields.attributes.getFieldset()
  return (
    <>
      <PageHeader title={product ? t('catalog.editProduct') : t('catalog.newProduct')}>
        {product ? (
          <Form method="post">
            <SubmitButton name="intent" value={product.status === 'published' ? 'unpublish' : 'publish'} variant={product.status === 'published' ? 'secondary' : 'primary'}>
              {product.status === 'published' ? t('catalog.unpublish') : t('catalog.publish')}
            </SubmitButton>
          </Form>
        ) : null}
      </PageHeader>
      {notice === 'saved' || notice === 'imageAdded' ? <Flash>{t(`catalog.${notice}`)}</Flash> : null}
      {!category ? (
        <Form method="get" className="panel toolbar">
          <div className="field">
            <label htmlFor="category">{t('product.category')}</label>
            <select id="category" name="category" required>
              {categories.map((c) => (
                <option key={c.id} value={c.id}>
                  {vi ? c.nameVi : c.nameEn}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button primary">
            {t('common.next')}
          </button>
        </Form>
      ) : (
        <Form method="post" {...getFormProps(form)} className="panel">
          <FormErrors errors={form.errors} />
          <ErrorAlert error={actionData?.error && !actionData.error.field ? actionData.error : null} />
          <input type="hidden" name={fields.categoryId.name} value={category.id} />
          <p className="muted">
            {t('product.category')}: <strong>{vi ? category.nameVi : category.nameEn}</strong>
          </p>
          <div className="grid-2">
            <Field label={t('product.mpn')} errors={fields.mpn.errors} inputProps={getInputProps(fields.mpn, { type: 'text' })} />
            {isManufacturer ? (
              <SelectField label={t('product.brand')} errors={fields.brandId.errors} selectProps={getSelectProps(fields.brandId)} options={brands.map((b) => ({ value: b.id, label: b.name }))} />
            ) : null}
            <Field label={t('catalog.nameEn')} errors={fields.nameEn.errors} inputProps={getInputProps(fields.nameEn, { type: 'text' })} />
            <Field label={t('catalog.nameVi')} errors={fields.nameVi.errors} inputProps={getInputProps(fields.nameVi, { type: 'text' })} />
            <TextareaField label={t('catalog.descriptionEn')} errors={fields.descriptionEn.errors} textareaProps={{ ...getTextareaProps(fields.descriptionEn), rows: 3 }} />
            <TextareaField label={t('catalog.descriptionVi')} errors={fields.descriptionVi.errors} textareaProps={{ ...getTextareaProps(fields.descriptionVi), rows: 3 }} />
            <Field label={t('product.gtin')} errors={fields.gtin.errors} inputProps={getInputProps(fields.gtin, { type: 'text' })} />
            <SelectField label={t('product.unit')} errors={fields.unitOfMeasure.errors} selectProps={getSelectProps(fields.unitOfMeasure)} options={UNITS_OF_MEASURE.map((u) => ({ value: u, label: t(`units.${u}`) }))} />
            <Field label={t('product.packSize')} errors={fields.packSize.errors} inputProps={getInputProps(fields.packSize, { type: 'number' })} />
          </div>
          {category.attributes.length ? (
            <fieldset>
              <legend>{t('catalog.attributes')}</legend>
              <div className="grid-2">
                {category.attributes.map((a) => {
                  const field = attributeFields[a.key]!
                  return a.type === 'enum' ? (
                    <SelectField key={a.key} label={vi ? a.labelVi : a.labelEn} errors={field.errors} selectProps={getSelectProps(field)} options={[{ value: '', label: '—' }, ...(a.options ?? []).map((o) => ({ value: o, label: o }))]} />
                  ) : (
                    <Field key={a.key} label={`${vi ? a.labelVi : a.labelEn}${a.unit ? ` (${a.unit})` : ''}`} errors={field.errors} inputProps={getInputProps(field, { type: 'text' })} />
                  )
                })}
              </div>
            </fieldset>
          ) : null}
          <SubmitButton name="intent" value="save">
            {t('catalog.save')}
          </SubmitButton>
        </Form>
      )}
      {product ? (
        <section className="panel">
          <h2>{t('catalog.images')}</h2>
          <ErrorAlert error={actionData?.error && actionData.error.field === 'image' ? actionData.error : null} />
          <div className="thumbs">
            {images.map((i) => (
              <ProductImage key={i.id} image={i} alt="" sizes="96px" />
            ))}
          </div>
          <Form method="post" encType="multipart/form-data" className="toolbar">
            <div className="field">
              <label htmlFor="image">{t('catalog.addImage')}</label>
              <input id="image" name="image" type="file" accept="image/png,image/jpeg,image/webp,image/gif" required />
            </div>
            <SubmitButton name="intent" value="image" variant="secondary">
              {t('catalog.upload')}
            </SubmitButton>
          </Form>
        </section>
      ) : null}
    </>
  )
}
