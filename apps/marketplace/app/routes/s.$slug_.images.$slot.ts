import type { LoaderFunctionArgs } from '@remix-run/node'
import { getServices, guard } from '@tradepost/auth'
import { readStorefrontImage, STOREFRONT_IMAGE_SLOTS } from '@tradepost/domain/organizations'
import { kit } from '../app.server.ts'

/** A storefront's logo or banner. Each upload has its own address (?v=…), so it may be cached long. */
export const loader = guard(async ({ request, params }: LoaderFunctionArgs) => {
  const slot = STOREFRONT_IMAGE_SLOTS.find((s) => s === params.slot)
  if (!slot) throw new Response('Not found', { status: 404 })
  const rc = await kit.getRequestContext(request)
  const { storage } = await getServices()
  const image = await readStorefrontImage(rc.ctx, storage, params.slug ?? '', slot)
  return new Response(Buffer.from(image.bytes), { headers: { 'Content-Type': image.contentType, 'Cache-Control': 'public, max-age=86400', 'X-Content-Type-Options': 'nosniff' } })
})
