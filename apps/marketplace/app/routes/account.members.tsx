import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { MembersPage } from '@tradepost/ui/pages/members.tsx'
import { auth } from '../app.server.ts'

export const meta: MetaFunction = () => [{ title: 'Members · Tradepost' }]
export const loader = ({ request }: LoaderFunctionArgs) => auth.membersLoader(request)
export const action = ({ request }: ActionFunctionArgs) => auth.membersAction(request)
export default MembersPage
