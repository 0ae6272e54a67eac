import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { guard } from '@tradepost/auth'
import { createBuyingOrganization } from '@tradepost/domain/organizations'
import { kit } from '../app.server.ts'

/** "Buy on Tradepost": makes the seller's buying organization (its admins), then back to the dashboard. */
export const action = guard(async ({ request }: ActionFunctionArgs) => {
  const rc = await kit.requireMember(request)
  await createBuyingOrganization(rc.ctx)
  throw redirect('/?notice=buying#buying', { headers: rc.headers })
})
