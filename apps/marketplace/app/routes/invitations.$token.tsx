import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { InvitationPage } from '@tradepost/ui/pages/auth.tsx'
import { auth } from '../app.server.ts'

export const meta: MetaFunction = () => [{ title: 'Invitation · Tradepost' }]
export const loader = ({ request, params }: LoaderFunctionArgs) => auth.invitationLoader(request, params.token ?? '')
export const action = ({ request, params }: ActionFunctionArgs) => auth.invitationAction(request, params.token ?? '')
export default InvitationPage
