import { appUrl, createAuthKit, createHostPolicy, isProduction, type RequestContext } from '@tradepost/auth'
import { createAuthRoutes } from '@tradepost/auth/routes'
import { MAX_IMAGE_BYTES } from '@tradepost/domain/catalog'
import { MAX_IMPORT_BYTES } from '@tradepost/domain/imports'
import { getLocale, languageCookie } from '@tradepost/ui/i18n.server.ts'

/** The seller portal serves manufacturers, distributors and the operator. */
export const kit = createAuthKit({
  app: 'portal',
  cookieName: 'tp_portal_session',
  kinds: ['operator', 'manufacturer', 'distributor'],
  getLocale,
})

export const auth = createAuthRoutes({ kit, signupKinds: ['distributor', 'manufacturer'], languageCookie })

/** The development mailbox exists outside production, when emails are not sent over SMTP. */
export const devMailboxEnabled = () => !isProduction() && !process.env.SMTP_URL

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/

/**
 * It holds every reset and invitation link, so even outside production it opens only for a
 * person on this machine (a loopback client address) or for an operator admin.
 */
export function devMailboxAllowed(rc: RequestContext, clientIp: string | undefined): boolean {
  if (!devMailboxEnabled()) return false
  if (clientIp && LOOPBACK.test(clientIp)) return true
  const m = rc.ctx.actor.membership
  return m?.organizationKind === 'operator' && m.role === 'admin' && m.organizationStatus === 'active'
}

/** The seller portal answers only its own configured host. */
export const hostPolicy = createHostPolicy('portal')

/** Form posts are small; the upload forms (CSV imports, product and storefront images) take their files' caps. */
const FORM_LIMIT = 256 * 1024
const MULTIPART_OVERHEAD = 64 * 1024
export function bodyLimit(pathname: string, contentType: string): number {
  if (!contentType.startsWith('multipart/form-data')) return FORM_LIMIT
  // A little above the import page's own check, which answers a declared length with a message in the page.
  if (pathname === '/imports') return MAX_IMPORT_BYTES + 2 * MULTIPART_OVERHEAD
  if (pathname === '/storefront' || /^\/products\/[^/]+$/.test(pathname)) return MAX_IMAGE_BYTES + MULTIPART_OVERHEAD
  return FORM_LIMIT
}

/** Storefront logos and banners on the settings page are served by the marketplace. */
export const imageOrigins = () => [appUrl('marketplace')]
