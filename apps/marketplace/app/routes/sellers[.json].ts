import { data, type LoaderFunctionArgs } from '@remix-run/node'
import { guard } from '@tradepost/auth'
import { findSellers } from '@tradepost/domain/organizations'
import { kit } from '../app.server.ts'

/** `?q=`: active sellers whose name contains the text, for pickers that search as one types. */
export const loader = guard(async ({ request }: LoaderFunctionArgs) => {
  const rc = await kit.getRequestContext(request)
  const q = (new URL(request.url).searchParams.get('q') ?? '').slice(0, 100)
  const sellers = await findSellers(rc.ctx, q)
  return data({ items: sellers.map((s) => ({ value: s.id, label: s.name })) }, { headers: { ...Object.fromEntries(rc.headers), 'Cache-Control': 'private, max-age=60' } })
})
