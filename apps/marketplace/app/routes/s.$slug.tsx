import type { LoaderFunctionArgs } from '@remix-run/node'
import { guard } from '@tradepost/auth'
import { getStorefront, type StorefrontDto } from '@tradepost/domain/organizations'
import { StorefrontView } from '../components/storefront-view.tsx'
import { kit } from '../app.server.ts'
import { loadStorefront } from '../search.server.ts'

export const meta = ({ data }: { data?: { storefront?: StorefrontDto } }) => [{ title: `${data?.storefront?.name ?? 'Store'} · Tradepost` }]

export const loader = guard(async ({ request, params }: LoaderFunctionArgs) => {
  const rc = await kit.getRequestContext(request)
  const storefront = await getStorefront(rc.ctx, { slug: params.slug ?? '' })
  return loadStorefront(request, storefront)
})

export default StorefrontView
