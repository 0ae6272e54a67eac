import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { LoginPage } from '@tradepost/ui/pages/auth.tsx'
import { auth } from '../app.server.ts'

export const meta: MetaFunction = () => [{ title: 'Sign in · Tradepost seller portal' }]
export const loader = ({ request }: LoaderFunctionArgs) => auth.loginLoader(request)
export const action = ({ request, context }: ActionFunctionArgs) => auth.loginAction(request, context)
export default function Login() {
  return <LoginPage signupHref="/signup" />
}
