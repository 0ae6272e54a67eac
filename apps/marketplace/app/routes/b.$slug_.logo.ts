import type { LoaderFunctionArgs } from '@remix-run/node'
import { getServices, guard } from '@tradepost/auth'
import { readBrandLogo } from '@tradepost/domain/catalog'
import { kit } from '../app.server.ts'

/** A brand's logo (WebP). Each upload has its own address (?v=…), so it may be cached long. */
export const loader = guard(async ({ request, params }: LoaderFunctionArgs) => {
  const rc = await kit.getRequestContext(request)
  const { storage } = await getServices()
  const image = await readBrandLogo(rc.ctx, storage, params.slug ?? '')
  return new Response(Buffer.from(image.bytes), { headers: { 'Content-Type': image.contentType, 'Cache-Control': 'public, max-age=86400', 'X-Content-Type-Options': 'nosniff' } })
})
