import { data, type LoaderFunctionArgs } from '@remix-run/node'
import { guard } from '@tradepost/auth'
import { listMyOffers } from '@tradepost/domain/offers'
import { kit } from '../app.server.ts'

/** `?q=`: the seller's own SKUs matching the text (SKU, part number or product name), for the price entry's picker. */
export const loader = guard(async ({ request }: LoaderFunctionArgs) => {
  const rc = await kit.requireMember(request)
  const q = (new URL(request.url).searchParams.get('q') ?? '').trim().slice(0, 100)
  const offers = q.length >= 2 ? (await listMyOffers(rc.ctx, { q })).rows : []
  return data({ items: offers.map((o) => ({ value: o.id, label: o.sku })) }, { headers: rc.headers })
})
