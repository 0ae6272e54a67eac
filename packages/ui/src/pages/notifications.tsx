// Notifications, as both apps show them: what happened that concerns the reader, newest first,
// each leading to its page; unread ones stand out until the reader marks them read.
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { NotificationDto } from '@tradepost/domain/notifications'
import { EmptyState, FormattedDate } from '../components/data.tsx'
import { SubmitButton } from '../components/forms.tsx'
import { PageHeader } from '../components/shell.tsx'
import { Flash } from '../components/toast.tsx'

/** The page of both apps' /notifications route, over the shared loader's data. */
export function NotificationsPage() {
  const { t } = useTranslation()
  const { notifications, marked } = useLoaderData<{ notifications: NotificationDto[]; marked: boolean }>()
  const unread = notifications.filter((n) => !n.read).length
  return (
    <>
      <PageHeader title={t('notifications.title')}>
        {unread ? (
          <Form method="post">
            <SubmitButton name="intent" value="read" variant="secondary">
              {t('notifications.markAllRead')}
            </SubmitButton>
          </Form>
        ) : null}
      </PageHeader>
      {marked ? <Flash>{t('notifications.marked')}</Flash> : null}
      <p className="muted">{t('notifications.intro')}</p>
      {notifications.length ? (
        <ul className="plain-list notification-list">
          {notifications.map((n) => (
            <li key={n.id} className={n.read ? 'panel' : 'panel unread'} data-testid="notification">
              <Link to={n.path}>{n.title}</Link>
              <small className="block muted">
                <FormattedDate iso={n.createdAt} withTime />
                {n.read ? null : ` · ${t('notifications.unread')}`}
              </small>
            </li>
          ))}
        </ul>
      ) : (
        <EmptyState title={t('notifications.none')} />
      )}
    </>
  )
}
