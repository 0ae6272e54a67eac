import type { ActionFunctionArgs } from '@remix-run/node'
import { ForgotPasswordPage } from '@tradepost/ui/pages/auth.tsx'
import { auth } from '../app.server.ts'
import { metaTitle } from '@tradepost/ui/i18n/meta.ts'

export const meta = metaTitle('auth.forgotTitle')
export const action = ({ request, context }: ActionFunctionArgs) => auth.forgotPasswordAction(request, context)
export default ForgotPasswordPage
