import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { ResetPasswordPage } from '@tradepost/ui/pages/auth.tsx'
import { auth } from '../app.server.ts'
import { metaTitle } from '@tradepost/ui/i18n/meta.ts'

export const meta = metaTitle('auth.resetTitle')
export const loader = ({ request, params }: LoaderFunctionArgs) => auth.resetPasswordLoader(request, params.token ?? '')
export const action = ({ request, params }: ActionFunctionArgs) => auth.resetPasswordAction(request, params.token ?? '')
export default ResetPasswordPage
