import type { ActionFunctionArgs, MetaFunction } from '@remix-run/node'
import { ForgotPasswordPage } from '@tradepost/ui/pages/auth.tsx'
import { auth } from '../app.server.ts'

export const meta: MetaFunction = () => [{ title: 'Reset your password · Tradepost' }]
export const action = ({ request }: ActionFunctionArgs) => auth.forgotPasswordAction(request)
export default ForgotPasswordPage
