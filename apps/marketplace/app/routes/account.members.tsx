import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { MembersPage } from '@tradepost/ui/pages/members.tsx'
import { auth } from '../app.server.ts'
import { CompanyTabs } from '../components/company-tabs.tsx'
import { metaTitle } from '@tradepost/ui/i18n/meta.ts'

export const meta = metaTitle('members.title')
export const loader = ({ request }: LoaderFunctionArgs) => auth.membersLoader(request)
export const action = ({ request }: ActionFunctionArgs) => auth.membersAction(request)
export default function CompanyMembers() {
  return (
    <>
      <CompanyTabs />
      <MembersPage />
    </>
  )
}
