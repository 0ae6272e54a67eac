import { data, type LoaderFunctionArgs } from '@remix-run/node'
import { guard } from '@tradepost/auth'
import { findSellers } from '@tradepost/domain/organizations'
import { kit } from '../app.server.ts'

/**
 * `?q=`: active distributors whose name contains the text, for the authorization form's picker;
 * with `&all=1`, manufacturers too (the operator's commission form).
 */
export const loader = guard(async ({ request }: LoaderFunctionArgs) => {
  const rc = await kit.requireMember(request)
  const url = new URL(request.url)
  const q = (url.searchParams.get('q') ?? '').slice(0, 100)
  const distributors = await findSellers(rc.ctx, q, url.searchParams.get('all') ? {} : { kind: 'distributor' })
  return data({ items: distributors.map((d) => ({ value: d.id, label: d.name })) }, { headers: rc.headers })
})
