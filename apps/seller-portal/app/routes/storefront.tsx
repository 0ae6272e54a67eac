import { getFormProps, getInputProps, getTextareaProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { appUrl, getServices, guard } from '@tradepost/auth'
import { submitForm } from '@tradepost/auth/forms'
import { getMyHostVerification, getMyStorefront, removeStorefrontImage, requestHostCheck, saveStorefront, setStorefrontImage, type HostVerificationDto } from '@tradepost/domain/organizations'
import { STOREFRONT_IMAGE_SLOTS, StorefrontInputSchema, type StorefrontImageSlot } from '@tradepost/domain/schemas'
import { CheckboxField, ErrorAlert, Field, FormErrors, Notice, SubmitButton, TextareaField } from '@tradepost/ui/components/forms.tsx'
import { Flash } from '@tradepost/ui/components/toast.tsx'
import { StorefrontHeader, type StorefrontLook } from '@tradepost/ui/components/storefront-header.tsx'
import { PageHeader } from '@tradepost/ui/components/shell.tsx'
import { metaTitle } from '@tradepost/ui/i18n/meta.ts'
import { kit } from '../app.server.ts'

export const meta = metaTitle('storefront.settings')

export const loader = guard(async ({ request }: LoaderFunctionArgs) => {
  const rc = await kit.requireMember(request)
  const storefront = await getMyStorefront(rc.ctx)
  return data({ storefront, host: await getMyHostVerification(rc.ctx), marketplaceUrl: appUrl('marketplace') }, { headers: rc.headers })
})

export const action = guard(async ({ request }: ActionFunctionArgs) => {
  const rc = await kit.requireMember(request)
  const formData = await request.formData()
  const intent = formData.get('intent')
  const slot = STOREFRONT_IMAGE_SLOTS.find((s) => s === formData.get('slot'))
  if (slot && (intent === 'uploadImage' || intent === 'removeImage')) {
    const { storage } = await getServices()
    if (intent === 'removeImage') {
      await removeStorefrontImage(rc.ctx, storage, slot)
      throw redirect('/storefront?notice=imageRemoved')
    }
    const file = formData.get('image')
    const saved = await setStorefrontImage(rc.ctx, storage, slot, file instanceof File ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array())
    if (!saved.ok) return data({ result: undefined, error: saved.error }, { status: 400 })
    throw redirect('/storefront?notice=imageSaved')
  }
  if (intent === 'checkHost') {
    await requestHostCheck(rc.ctx)
    throw redirect('/storefront?notice=hostCheckQueued')
  }
  // The apps' own host names (and names under them) are nobody's storefront.
  const reservedHosts = [new URL(appUrl('marketplace')).hostname, new URL(appUrl('portal')).hostname]
  return submitForm(formData, StorefrontInputSchema, (value) => saveStorefront(rc.ctx, value, { reservedHosts }), { field: 'hostname', redirectTo: () => '/storefront?notice=saved' })
})

export default function StorefrontSettings() {
  const { t } = useTranslation()
  const { storefront: s, host, marketplaceUrl } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [params] = useSearchParams()
  const [form, fields] = useForm({
    id: 'storefront',
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: StorefrontInputSchema }),
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
    defaultValue: { primaryColor: s.primaryColor, accentColor: s.accentColor, taglineEn: s.tagline.en, taglineVi: s.tagline.vi, aboutEn: s.about.en, aboutVi: s.about.vi, pricesIncludeVat: s.pricesIncludeVat ? 'on' : undefined, pricesSignedInOnly: s.pricesSignedInOnly ? 'on' : undefined, contactEmail: s.contact.email, contactPhone: s.contact.phone, hostname: host?.hostname ?? '' },
  })
  // The live preview follows the form as the seller types (before saving); without JavaScript it shows what is saved.
  const [look, setLook] = useState<StorefrontLook>(s)
  const readLook = (f: HTMLFormElement) => {
    const v = (name: string) => String(new FormData(f).get(name) ?? '')
    setLook({ ...s, primaryColor: v('primaryColor'), accentColor: v('accentColor'), tagline: { en: v('taglineEn'), vi: v('taglineVi') }, about: { en: v('aboutEn'), vi: v('aboutVi') }, contact: { email: v('contactEmail') || null, phone: v('contactPhone') || null } })
  }
  const image = (slot: StorefrontImageSlot) => (s.images[slot] ? `${marketplaceUrl}/s/${s.slug}/images/${slot}?v=${s.images[slot]}` : null)
  return (
    <>
      <PageHeader title={t('storefront.settings')}>
        <a className="button secondary" href={`${marketplaceUrl}/s/${s.slug}`}>
          {t('storefront.view')}
        </a>
      </PageHeader>
      {params.get('notice') === 'saved' ? <Flash>{t('storefront.saved')}</Flash> : null}
      {params.get('notice') === 'hostCheckQueued' ? <Flash>{t('storefront.hostCheckQueued')}</Flash> : null}
      {params.get('notice') === 'imageSaved' || params.get('notice') === 'imageRemoved' ? <Flash>{t(`storefront.${params.get('notice') as 'imageSaved' | 'imageRemoved'}`)}</Flash> : null}
      <Form method="post" {...getFormProps(form)} className="panel" onInput={(e) => readLook(e.currentTarget)}>
        <FormErrors errors={form.errors} />
        <div className="grid-2">
          <Field label={t('storefront.primaryColor')} errors={fields.primaryColor.errors} inputProps={getInputProps(fields.primaryColor, { type: 'color' })} />
          <Field label={t('storefront.accentColor')} errors={fields.accentColor.errors} inputProps={getInputProps(fields.accentColor, { type: 'color' })} />
          <Field label={t('storefront.taglineEn')} errors={fields.taglineEn.errors} inputProps={getInputProps(fields.taglineEn, { type: 'text' })} />
          <Field label={t('storefront.taglineVi')} errors={fields.taglineVi.errors} inputProps={getInputProps(fields.taglineVi, { type: 'text' })} />
          <TextareaField label={t('storefront.aboutEn')} errors={fields.aboutEn.errors} textareaProps={{ ...getTextareaProps(fields.aboutEn), rows: 5 }} />
          <TextareaField label={t('storefront.aboutVi')} errors={fields.aboutVi.errors} textareaProps={{ ...getTextareaProps(fields.aboutVi), rows: 5 }} />
          <Field label={t('storefront.contactEmail')} errors={fields.contactEmail.errors} inputProps={getInputProps(fields.contactEmail, { type: 'email' })} />
          <Field label={t('storefront.contactPhone')} errors={fields.contactPhone.errors} inputProps={{ ...getInputProps(fields.contactPhone, { type: 'tel' }), autoComplete: 'tel' }} />
          <Field label={t('storefront.hostname')} hint={t('storefront.hostnameHint')} errors={fields.hostname.errors} inputProps={getInputProps(fields.hostname, { type: 'text' })} />
        </div>
        <CheckboxField label={t('storefront.pricesIncludeVat')} hint={t('storefront.pricesIncludeVatHint')} inputProps={getInputProps(fields.pricesIncludeVat, { type: 'checkbox' })} />
        <CheckboxField label={t('storefront.pricesSignedInOnly')} hint={t('storefront.pricesSignedInOnlyHint')} inputProps={getInputProps(fields.pricesSignedInOnly, { type: 'checkbox' })} />
        <SubmitButton>{t('storefront.save')}</SubmitButton>
      </Form>
      <section className="panel storefront-preview" aria-labelledby="storefront-preview">
        <h2 id="storefront-preview">{t('storefront.preview')}</h2>
        <p className="muted">{t('storefront.previewHint')}</p>
        <div className="preview-frame" data-testid="storefront-preview">
          <StorefrontHeader storefront={look} logoSrc={image('logo')} bannerSrc={image('banner')} heading="h3" />
        </div>
      </section>
      {host ? <HostStatus host={host} /> : null}
      <section className="panel">
        <h2>{t('storefront.images')}</h2>
        <p className="muted">{t('storefront.imagesHint')}</p>
        <div className="grid-2">
          {STOREFRONT_IMAGE_SLOTS.map((slot) => (
            <ImageSlot key={slot} slot={slot} error={actionData?.error?.field === slot ? actionData.error : null} src={s.images[slot] ? `${marketplaceUrl}/s/${s.slug}/images/${slot}?v=${s.images[slot]}` : null} />
          ))}
        </div>
      </section>
    </>
  )
}

/** Whether the own host name serves the storefront yet, and the DNS record that proves it. */
function HostStatus({ host }: { host: HostVerificationDto }) {
  const { t } = useTranslation()
  if (host.verifiedAt) {
    return (
      <section className="panel" aria-labelledby="host-status">
        <h2 id="host-status">{t('storefront.hostTitle')}</h2>
        <Notice tone="success">{t('storefront.hostVerified', { host: host.hostname })}</Notice>
      </section>
    )
  }
  return (
    <section className="panel" aria-labelledby="host-status">
      <h2 id="host-status">{t('storefront.hostTitle')}</h2>
      <Notice tone="warning">{t('storefront.hostPending', { host: host.hostname })}</Notice>
      <dl className="facts">
        <dt>{t('storefront.hostRecordType')}</dt>
        <dd>
          <code>TXT</code>
        </dd>
        <dt>{t('storefront.hostRecordName')}</dt>
        <dd>
          <code data-testid="host-record-name">{host.record.name}</code>
        </dd>
        <dt>{t('storefront.hostRecordValue')}</dt>
        <dd>
          <code data-testid="host-record-value">{host.record.value}</code>
        </dd>
      </dl>
      <Form method="post" className="toolbar">
        <SubmitButton name="intent" value="checkHost" variant="secondary">
          {t('storefront.hostCheck')}
        </SubmitButton>
      </Form>
    </section>
  )
}

/** One uploaded image of the storefront: what is there now, a file to replace it, a way to remove it. */
function ImageSlot({ slot, src, error }: { slot: StorefrontImageSlot; src: string | null; error: { code: string; params?: Record<string, string | number> } | null }) {
  const { t } = useTranslation()
  const inputId = `image-${slot}`
  return (
    <div>
      <h3>{t(`storefront.${slot}`)}</h3>
      <ErrorAlert error={error} />
      {src ? <img src={src} alt="" className={`storefront-${slot}-preview`} /> : <p className="muted">{t('storefront.noImage')}</p>}
      <Form method="post" encType="multipart/form-data" className="toolbar">
        <input type="hidden" name="slot" value={slot} />
        <div className="field">
          <label htmlFor={inputId}>{t(`storefront.${slot}`)}</label>
          <input id={inputId} name="image" type="file" accept="image/png,image/jpeg,image/webp,image/gif" required />
        </div>
        <SubmitButton name="intent" value="uploadImage" variant="secondary">
          {t('storefront.uploadImage')}
        </SubmitButton>
      </Form>
      {src ? (
        <Form method="post">
          <input type="hidden" name="slot" value={slot} />
          <SubmitButton name="intent" value="removeImage" variant="secondary">
            {t('storefront.removeImage')}
          </SubmitButton>
        </Form>
      ) : null}
    </div>
  )
}
