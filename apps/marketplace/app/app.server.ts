import { createAuthKit } from '@tradepost/auth'
import { createAuthRoutes } from '@tradepost/auth/routes'
import { getLocale, languageCookie } from '@tradepost/ui/i18n.server.ts'

/** The marketplace serves buyer companies (and anonymous visitors). */
export const kit = createAuthKit({ cookieName: 'tp_market_session', kinds: ['buyer'], getLocale })

export const auth = createAuthRoutes({ kit, signupKinds: ['buyer'], languageCookie })
