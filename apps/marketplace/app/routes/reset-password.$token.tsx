import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { ResetPasswordPage } from '@tradepost/ui/pages/auth.tsx'
import { auth } from '../app.server.ts'

export const meta: MetaFunction = () => [{ title: 'Choose a new password · Tradepost' }]
export const loader = ({ request, params }: LoaderFunctionArgs) => auth.resetPasswordLoader(request, params.token ?? '')
export const action = ({ request, params }: ActionFunctionArgs) => auth.resetPasswordAction(request, params.token ?? '')
export default ResetPasswordPage
