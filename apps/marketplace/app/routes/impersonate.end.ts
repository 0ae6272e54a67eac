import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { appUrl, guard } from '@tradepost/auth'
import { endImpersonation } from '@tradepost/domain/users'
import { kit } from '../app.server.ts'

/** Ends acting as the user (audited) and closes the session: back to the seller portal. */
export const action = guard(async ({ request }: ActionFunctionArgs) => {
  const rc = await kit.getRequestContext(request)
  if (!rc.impersonation) throw new Response('Not found', { status: 404 })
  await endImpersonation(rc.ctx)
  const cookie = await kit.endSession(rc, 'this')
  throw redirect(`${appUrl('portal')}/`, { headers: { 'Set-Cookie': cookie } })
})
