import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { FormattedDate } from './data.tsx'

/** On every page while someone acts as the signed-in user: who, for whom, until when, and a way out. */
export function ImpersonationBanner({ impersonation, userName }: { impersonation: { by: string; for: string; endsAt: string }; userName: string }) {
  const { t } = useTranslation()
  return (
    <div className="impersonation-banner" role="status">
      <p>
        <strong>{t('impersonation.banner', { by: impersonation.by, org: impersonation.for, user: userName })}</strong>{' '}
        <span>
          {t('impersonation.endsAt')} <FormattedDate iso={impersonation.endsAt} withTime />
        </span>
      </p>
      <Form method="post" action="/impersonate/end">
        <button type="submit" className="button secondary small">
          {t('impersonation.end')}
        </button>
      </Form>
    </div>
  )
}
