import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { SignupPage } from '@tradepost/ui/pages/auth.tsx'
import { auth } from '../app.server.ts'
import { metaTitle } from '@tradepost/ui/i18n/meta.ts'

export const meta = metaTitle('auth.signupSellerTitle')
export const loader = ({ request }: LoaderFunctionArgs) => auth.signupLoader(request)
export const action = ({ request }: ActionFunctionArgs) => auth.signupAction(request)
export default function Signup() {
  return <SignupPage variant="seller" />
}
