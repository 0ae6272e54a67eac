import { Form, useNavigation } from '@remix-run/react'
import type { ComponentProps, ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

/** Translates an error code (also the i18n key) with its parameters. */
export function useErrorText() {
  const { t } = useTranslation()
  return (code: string, params?: Record<string, unknown>) => t(`errors.${code}`, { defaultValue: t('errors.GENERIC'), ...params })
}

export function FieldErrors({ id, errors }: { id: string; errors?: string[] }) {
  const errorText = useErrorText()
  if (!errors?.length) return null
  return (
    <ul id={id} className="field-errors" role="alert">
      {errors.map((e) => (
        <li key={e}>{errorText(e)}</li>
      ))}
    </ul>
  )
}

export interface FieldProps {
  label: string
  hint?: string
  errors?: string[]
  inputProps: ComponentProps<'input'> & { id: string; name: string }
}

/** A labelled input with its hint and inline errors, wired for screen readers. */
export function Field({ label, hint, errors, inputProps }: FieldProps) {
  const errorId = `${inputProps.id}-error`
  const hintId = `${inputProps.id}-hint`
  const describedBy = [hint ? hintId : null, errors?.length ? errorId : null].filter(Boolean).join(' ') || undefined
  return (
    <div className="field">
      <label htmlFor={inputProps.id}>{label}</label>
      <input {...inputProps} aria-invalid={errors?.length ? true : undefined} aria-describedby={describedBy} />
      {hint ? (
        <p id={hintId} className="hint">
          {hint}
        </p>
      ) : null}
      <FieldErrors id={errorId} errors={errors} />
    </div>
  )
}

/** A checkbox with its label around it and a hint below. */
export function CheckboxField({ label, hint, inputProps }: { label: string; hint?: string; inputProps: ComponentProps<'input'> }) {
  return (
    <div className="field checkbox-field">
      <label>
        <input {...inputProps} type="checkbox" /> {label}
      </label>
      {hint ? <p className="hint">{hint}</p> : null}
    </div>
  )
}

/** A set of checkboxes under one legend (one value per ticked box), with what to say when there is none. */
export function CheckboxGroup({ legend, name, options, checked, empty, errors, hidden }: { legend: string; name: string; options: { id: string; name: string }[]; checked: Set<string>; empty: string; errors?: string[]; hidden?: boolean }) {
  return (
    <fieldset className="field" hidden={hidden}>
      <legend>{legend}</legend>
      {options.length === 0 ? <p className="muted">{empty}</p> : null}
      {options.map((o) => (
        <label key={o.id} className="choice">
          <input type="checkbox" name={name} value={o.id} defaultChecked={checked.has(o.id)} /> {o.name}
        </label>
      ))}
      <FieldErrors id={`${name}-error`} errors={errors} />
    </fieldset>
  )
}

/** A labelled textarea with its inline errors, like Field. */
export function TextareaField({ label, errors, textareaProps }: { label: string; errors?: string[]; textareaProps: ComponentProps<'textarea'> & { id: string; name: string } }) {
  const errorId = `${textareaProps.id}-error`
  return (
    <div className="field">
      <label htmlFor={textareaProps.id}>{label}</label>
      <textarea {...textareaProps} aria-invalid={errors?.length ? true : undefined} aria-describedby={errors?.length ? errorId : undefined} />
      <FieldErrors id={errorId} errors={errors} />
    </div>
  )
}

export function SelectField({
  label,
  errors,
  selectProps,
  options,
}: {
  label: string
  errors?: string[]
  selectProps: ComponentProps<'select'> & { id: string; name: string }
  options: { value: string; label: string }[]
}) {
  const errorId = `${selectProps.id}-error`
  return (
    <div className="field">
      <label htmlFor={selectProps.id}>{label}</label>
      <select {...selectProps} aria-invalid={errors?.length ? true : undefined} aria-describedby={errors?.length ? errorId : undefined}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldErrors id={errorId} errors={errors} />
    </div>
  )
}

/** Disabled with a "working" label while its form submits (and it works without JavaScript). */
export function SubmitButton({ children, variant = 'primary', ...props }: ComponentProps<'button'> & { variant?: 'primary' | 'secondary' | 'danger' }) {
  const navigation = useNavigation()
  const { t } = useTranslation()
  const busy = navigation.state === 'submitting' && (props.value === undefined || navigation.formData?.get(props.name ?? '') === props.value)
  return (
    <button type="submit" className={`button ${variant}`} disabled={busy || props.disabled} aria-busy={busy || undefined} {...props}>
      {busy ? t('common.working') : children}
    </button>
  )
}

export function FormErrors({ errors }: { errors?: string[] | null }) {
  const errorText = useErrorText()
  if (!errors?.length) return null
  return (
    <div className="alert error" role="alert">
      {errors.map((e) => (
        <p key={e}>{errorText(e)}</p>
      ))}
    </div>
  )
}

/** Business errors arrive as `{ code, params }`; render them translated. */
export function ErrorAlert({ error }: { error?: { code: string; params?: Record<string, string | number> } | null }) {
  const errorText = useErrorText()
  if (!error) return null
  return (
    <div className="alert error" role="alert">
      <p>{errorText(error.code, error.params)}</p>
    </div>
  )
}

export function Notice({ children, tone = 'info' }: { children: ReactNode; tone?: 'info' | 'success' | 'warning' | 'error' }) {
  return (
    <div className={`alert ${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  )
}

/** A one-button POST form: sign out, revoke, approve… */
export function ActionButton({ action, intent, label, variant = 'secondary', hidden }: { action?: string; intent?: string; label: string; variant?: 'primary' | 'secondary' | 'danger'; hidden?: Record<string, string> }) {
  return (
    <Form method="post" action={action} className="inline-form">
      {Object.entries(hidden ?? {}).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <SubmitButton name={intent ? 'intent' : undefined} value={intent} variant={variant}>
        {label}
      </SubmitButton>
    </Form>
  )
}
