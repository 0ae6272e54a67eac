import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { SignupPage } from '@tradepost/ui/pages/auth.tsx'
import { auth } from '../app.server.ts'

export const meta: MetaFunction = () => [{ title: 'Open a buyer account · Tradepost' }]
export const loader = ({ request }: LoaderFunctionArgs) => auth.signupLoader(request)
export const action = ({ request }: ActionFunctionArgs) => auth.signupAction(request)
export default function Signup() {
  return <SignupPage variant="buyer" />
}
