import * as Toast from '@radix-ui/react-toast'
import { useLocation } from '@remix-run/react'
import { X } from 'lucide-react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Notice } from './forms.tsx'
import { useHydrated } from './hydrated.ts'

/** Where toasts appear: one per app, in the shell (Radix announces them to screen readers). */
export function ToastArea({ children }: { children: ReactNode }) {
  const { t } = useTranslation()
  return (
    <Toast.Provider duration={8000} label={t('common.notifications')}>
      {children}
      <Toast.Viewport className="fixed bottom-4 right-4 z-50 flex w-[min(24rem,calc(100vw-2rem))] flex-col gap-2 outline-none" />
    </Toast.Provider>
  )
}

/**
 * What an action reports after its redirect ("Offer saved."): a toast once JavaScript runs, an
 * inline notice before and without it (the same words, so the page never depends on scripts).
 */
export function Flash({ children }: { children: ReactNode }) {
  const hydrated = useHydrated()
  const { t } = useTranslation()
  // Each arrival (each redirect) is a toast of its own, even when the last one is still shown or has closed.
  const { key } = useLocation()
  if (!hydrated) return <Notice tone="success">{children}</Notice>
  return (
    <Toast.Root key={key} className="toast flex items-start gap-3 rounded-lg border border-green-200 bg-green-50 p-4 text-ok shadow-lg" defaultOpen>
      <Toast.Description className="flex-1">{children}</Toast.Description>
      <Toast.Close className="grid size-8 shrink-0 place-items-center rounded hover:bg-green-100" aria-label={t('common.dismiss')}>
        <X aria-hidden="true" size={16} />
      </Toast.Close>
    </Toast.Root>
  )
}
