import * as AlertDialog from '@radix-ui/react-alert-dialog'
import { Form, Link } from '@remix-run/react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { SubmitButton } from './forms.tsx'
import { useHydrated } from './hydrated.ts'

export interface ConfirmProps {
  /** The intent the button asks about (`delete`); the confirmed submit sends `${intent}Confirmed`. */
  intent: string
  label: string
  title: string
  description: ReactNode
  confirmLabel: string
  /** Fields both forms send along (which row the question is about). */
  hidden?: Record<string, string>
}

function Hidden({ fields }: { fields?: Record<string, string> }) {
  return Object.entries(fields ?? {}).map(([k, v]) => <input key={k} type="hidden" name={k} value={v} />)
}

/**
 * A destructive button that asks first. With JavaScript it opens an accessible alert dialog (Radix);
 * without, it submits `intent` and the action answers `{ confirm: intent }`, which shows
 * `ConfirmPanel`: the same question as a page. Only `${intent}Confirmed` does the work.
 */
export function ConfirmButton({ intent, label, title, description, confirmLabel, hidden: fields }: ConfirmProps) {
  const hydrated = useHydrated()
  const { t } = useTranslation()
  if (!hydrated) {
    return (
      <Form method="post">
        <Hidden fields={fields} />
        <SubmitButton name="intent" value={intent} variant="danger">
          {label}
        </SubmitButton>
      </Form>
    )
  }
  return (
    <AlertDialog.Root>
      <AlertDialog.Trigger asChild>
        <button type="button" className="button danger">
          {label}
        </button>
      </AlertDialog.Trigger>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="fixed inset-0 z-40 bg-black/40" />
        <AlertDialog.Content className="fixed left-1/2 top-1/2 z-50 w-[min(28rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 rounded-lg border border-line bg-white p-6 shadow-xl">
          <AlertDialog.Title className="text-lg font-bold">{title}</AlertDialog.Title>
          <AlertDialog.Description className="mt-2 text-muted">{description}</AlertDialog.Description>
          <Form method="post" className="mt-6 flex flex-wrap justify-end gap-3">
            <Hidden fields={fields} />
            <AlertDialog.Cancel asChild>
              <button type="button" className="button secondary">
                {t('common.cancel')}
              </button>
            </AlertDialog.Cancel>
            <SubmitButton name="intent" value={`${intent}Confirmed`} variant="danger">
              {confirmLabel}
            </SubmitButton>
          </Form>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  )
}

/** The question of a ConfirmButton as part of the page, for a browser without JavaScript. */
export function ConfirmPanel({ intent, title, description, confirmLabel, cancelTo, hidden: fields }: Omit<ConfirmProps, 'label'> & { cancelTo: string }) {
  const { t } = useTranslation()
  return (
    <section className="alert warning" role="alertdialog" aria-labelledby="confirm-title">
      <h2 id="confirm-title" className="mt-0">
        {title}
      </h2>
      <p>{description}</p>
      <Form method="post" className="mt-3 flex flex-wrap gap-3">
        <Hidden fields={fields} />
        <SubmitButton name="intent" value={`${intent}Confirmed`} variant="danger">
          {confirmLabel}
        </SubmitButton>
        <Link to={cancelTo} className="button secondary">
          {t('common.cancel')}
        </Link>
      </Form>
    </section>
  )
}
