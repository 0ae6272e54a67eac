import { createAuthKit, createHostPolicy, getServices } from '@tradepost/auth'
import { createAuthRoutes } from '@tradepost/auth/routes'
import { ANONYMOUS } from '@tradepost/domain/authz'
import { createCtx } from '@tradepost/domain/ctx'
import { isStorefrontHost } from '@tradepost/domain/organizations'
import { getLocale, languageCookie } from '@tradepost/ui/i18n.server.ts'

/** The marketplace serves buyer companies (and anonymous visitors). */
export const kit = createAuthKit({ app: 'marketplace', cookieName: 'tp_market_session', kinds: ['buyer'], getLocale })

export const auth = createAuthRoutes({ kit, signupKinds: ['buyer'], languageCookie })

/** Host names looked up lately: a storefront's is answered from here for a short while. */
const knownHosts = new Map<string, { storefront: boolean; until: number }>()
const REMEMBER_MS = { storefront: 30_000, other: 5_000 }

async function storefrontHost(hostname: string): Promise<boolean> {
  const known = knownHosts.get(hostname)
  if (known && known.until > Date.now()) return known.storefront
  const { orm, jobs } = await getServices()
  const storefront = await isStorefrontHost(createCtx({ actor: ANONYMOUS, em: orm.em.fork(), jobs }), hostname)
  if (knownHosts.size >= 1000) knownHosts.clear()
  knownHosts.set(hostname, { storefront, until: Date.now() + (storefront ? REMEMBER_MS.storefront : REMEMBER_MS.other) })
  return storefront
}

/** The marketplace answers its own host and the host names of sellers' storefronts. */
export const hostPolicy = createHostPolicy('marketplace', { extraHost: storefrontHost })
