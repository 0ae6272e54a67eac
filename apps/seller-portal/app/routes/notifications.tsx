import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { NotificationsPage } from '@tradepost/ui/pages/notifications.tsx'
import { metaTitle } from '@tradepost/ui/i18n/meta.ts'
import { auth } from '../app.server.ts'

export const meta = metaTitle('notifications.title')
export const loader = ({ request }: LoaderFunctionArgs) => auth.notificationsLoader(request)
export const action = ({ request }: ActionFunctionArgs) => auth.notificationsAction(request)

export default function Notifications() {
  const { notifications, marked } = useLoaderData<typeof loader>()
  return <NotificationsPage notifications={notifications} marked={marked} />
}
