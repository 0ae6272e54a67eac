import { data, redirect, type LoaderFunctionArgs } from '@remix-run/node'
import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { guard } from '@tradepost/auth'
import { redeemImpersonation } from '@tradepost/domain/users'
import { EmptyState } from '@tradepost/ui/components/data.tsx'
import { PageHeader } from '@tradepost/ui/components/shell.tsx'
import { metaTitle } from '@tradepost/ui/i18n/meta.ts'
import { kit } from '../app.server.ts'

export const meta = metaTitle('impersonation.title')

/** The one-time link from the seller portal: a session acting as the user, or 410 when used or stale. */
export const loader = guard(async ({ request, params }: LoaderFunctionArgs) => {
  const rc = await kit.getRequestContext(request)
  const redeemed = await redeemImpersonation(rc.ctx.em, params.token ?? '')
  if (!redeemed) return data({ gone: true }, { status: 410, headers: rc.headers })
  throw redirect('/', { headers: { 'Set-Cookie': await kit.startImpersonatedSession(redeemed), 'Cache-Control': 'no-store' } })
})

export default function ImpersonationLink() {
  const { t } = useTranslation()
  return (
    <>
      <PageHeader title={t('impersonation.title')} />
      <EmptyState title={t('impersonation.linkGone')}>
        <p>
          <Link to="/">{t('nav.home')}</Link>
        </p>
      </EmptyState>
    </>
  )
}
