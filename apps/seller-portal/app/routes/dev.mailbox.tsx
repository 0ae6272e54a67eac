import { data, type LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { getServices, guard } from '@tradepost/auth'
import type { LoadContext } from '@tradepost/auth/routes'
import { listMailbox } from '@tradepost/domain/email'
import { EmptyState, FormattedDate } from '@tradepost/ui/components/data.tsx'
import { PageHeader } from '@tradepost/ui/components/shell.tsx'
import { devMailboxAllowed, kit } from '../app.server.ts'
import { metaTitle } from '@tradepost/ui/i18n/meta.ts'

export const meta = metaTitle('mailbox.title')

// Development only: a 404 in production, when SMTP delivers the mail, and to anyone but a
// person on this machine or an operator admin.
export const loader = guard(async ({ request, context }: LoaderFunctionArgs) => {
  const rc = await kit.getRequestContext(request)
  if (!devMailboxAllowed(rc, (context as LoadContext).clientIp)) throw new Response('Not found', { status: 404 })
  const { orm } = await getServices()
  const to = new URL(request.url).searchParams.get('to') ?? undefined
  return data({ messages: await listMailbox(orm.em.fork(), { to }) }, { headers: rc.headers })
})

export default function Mailbox() {
  const { t } = useTranslation()
  const { messages } = useLoaderData<typeof loader>()
  return (
    <>
      <PageHeader title={t('mailbox.title')} />
      <p className="muted">{t('mailbox.intro')}</p>
      {messages.length === 0 ? <EmptyState title={t('mailbox.none')} /> : null}
      {messages.map((m) => (
        <details key={m.id} className="mail">
          <summary>
            <strong>{m.subject}</strong> · {t('mailbox.to')} {m.to} · <FormattedDate iso={m.createdAt} withTime />
          </summary>
          <div className="mail-body" dangerouslySetInnerHTML={{ __html: m.html }} />
        </details>
      ))}
    </>
  )
}
