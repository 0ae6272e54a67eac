import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { NotificationsPage } from '@tradepost/ui/pages/notifications.tsx'
import { metaTitle } from '@tradepost/ui/i18n/meta.ts'
import { auth } from '../app.server.ts'

export const meta = metaTitle('notifications.title')
export const loader = ({ request }: LoaderFunctionArgs) => auth.notificationsLoader(request)
export const action = ({ request }: ActionFunctionArgs) => auth.notificationsAction(request)
export default NotificationsPage
