import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { InvitationPage } from '@tradepost/ui/pages/auth.tsx'
import { auth } from '../app.server.ts'
import { metaTitle } from '@tradepost/ui/i18n/meta.ts'

export const meta = metaTitle('auth.accept')
export const loader = ({ request, params }: LoaderFunctionArgs) => auth.invitationLoader(request, params.token ?? '')
export const action = ({ request, params }: ActionFunctionArgs) => auth.invitationAction(request, params.token ?? '')
export default InvitationPage
