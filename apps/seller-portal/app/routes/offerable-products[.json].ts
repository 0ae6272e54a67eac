import { data, type LoaderFunctionArgs } from '@remix-run/node'
import { guard } from '@tradepost/auth'
import { findOfferableProducts } from '@tradepost/domain/catalog'
import { kit } from '../app.server.ts'

/** `?q=`: products this seller may offer whose name or part number contains the text, for the offer form's picker. */
export const loader = guard(async ({ request }: LoaderFunctionArgs) => {
  const rc = await kit.requireMember(request)
  const q = (new URL(request.url).searchParams.get('q') ?? '').slice(0, 100)
  const vi = rc.ctx.locale === 'vi'
  const products = await findOfferableProducts(rc.ctx, q)
  return data({ items: products.map((p) => ({ value: p.id, label: vi ? p.labelVi : p.label })) }, { headers: rc.headers })
})
