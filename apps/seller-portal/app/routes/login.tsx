import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { LoginPage } from '@tradepost/ui/pages/auth.tsx'
import { auth } from '../app.server.ts'
import { metaTitle } from '@tradepost/ui/i18n/meta.ts'

export const meta = metaTitle('auth.loginTitle')
export const loader = ({ request }: LoaderFunctionArgs) => auth.loginLoader(request)
export const action = ({ request, context }: ActionFunctionArgs) => auth.loginAction(request, context)
export default function Login() {
  return <LoginPage signupHref="/signup" />
}
