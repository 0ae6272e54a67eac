import { getFormProps, getInputProps, getSelectProps, useForm, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { Form, Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { KNOWN_LOCATIONS, PlaceInputSchema } from '@tradepost/domain/schemas'
import { ErrorAlert, Field, FormErrors, SelectField, SubmitButton } from './forms.tsx'

export interface EditablePlace {
  id: string
  name: string
  addressLine: string
  city: string
  subdivisionCode: string
  latitude: number
  longitude: number
}

/**
 * The form of a place (a seller's warehouse, a buyer's ship-to address): name, address, city,
 * province and coordinates (a known province's centre when left empty), with field messages.
 */
export function PlaceForm({ id, title, saveLabel, editing, cancelTo, lastResult, error }: {
  id: string
  title: string
  saveLabel: string
  editing: EditablePlace | null
  cancelTo: string
  lastResult?: SubmissionResult<string[]> | null
  error?: { code: string; field?: string; params?: Record<string, string | number> } | null
}) {
  const { t } = useTranslation()
  const [form, fields] = useForm({
    id: editing ? `${id}-${editing.id}` : `${id}-new`,
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: PlaceInputSchema }),
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
    defaultValue: editing ? { ...editing, latitude: String(editing.latitude), longitude: String(editing.longitude) } : { subdivisionCode: 'VN-HN' },
  })
  return (
    <section className="panel" id={id}>
      <h2>{title}</h2>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors errors={form.errors} />
        <ErrorAlert error={error && !error.field ? error : null} />
        {editing ? <input type="hidden" name={fields.id.name} value={editing.id} /> : null}
        <div className="grid-2">
          <Field label={t('common.name')} errors={fields.name.errors} inputProps={getInputProps(fields.name, { type: 'text' })} />
          <Field label={t('warehouses.address')} errors={fields.addressLine.errors} inputProps={getInputProps(fields.addressLine, { type: 'text' })} />
          <Field label={t('warehouses.city')} errors={fields.city.errors} inputProps={getInputProps(fields.city, { type: 'text' })} />
          <SelectField
            label={t('warehouses.province')}
            errors={fields.subdivisionCode.errors}
            selectProps={getSelectProps(fields.subdivisionCode)}
            options={Object.entries(KNOWN_LOCATIONS).map(([code, l]) => ({ value: code, label: l.name }))}
          />
          <Field label={t('warehouses.latitude')} hint={t('warehouses.coordinatesHint')} errors={fields.latitude.errors} inputProps={{ ...getInputProps(fields.latitude, { type: 'text' }), inputMode: 'decimal' }} />
          <Field label={t('warehouses.longitude')} errors={fields.longitude.errors} inputProps={{ ...getInputProps(fields.longitude, { type: 'text' }), inputMode: 'decimal' }} />
        </div>
        <SubmitButton>{saveLabel}</SubmitButton> {editing ? <Link to={cancelTo}>{t('warehouses.cancel')}</Link> : null}
      </Form>
    </section>
  )
}
