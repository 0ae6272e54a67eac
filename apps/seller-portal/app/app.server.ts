import { createAuthKit, isProduction } from '@tradepost/auth'
import { createAuthRoutes } from '@tradepost/auth/routes'
import { getLocale, languageCookie } from '@tradepost/ui/i18n.server.ts'

/** The seller portal serves manufacturers, distributors and the operator. */
export const kit = createAuthKit({
  cookieName: 'tp_portal_session',
  kinds: ['operator', 'manufacturer', 'distributor'],
  getLocale,
})

export const auth = createAuthRoutes({ kit, signupKinds: ['distributor', 'manufacturer'], languageCookie })

/** The development mailbox exists outside production, when emails are not sent over SMTP. */
export const devMailboxEnabled = () => !isProduction() && !process.env.SMTP_URL
