// Where each app lives on the internet, and which Host headers it answers. Emailed links are
// built from these configured URLs only, never from a request's Host (which any script sets).
export type AppId = 'marketplace' | 'portal'
type Env = Record<string, string | undefined>

/** APP_ENV is `development` (npm start), `test` (the end-to-end tests) or, when unset, `production`. */
export const isProduction = (env: Env = process.env) => (env.APP_ENV ?? 'production') === 'production'

export const APP_URL_VARIABLES: Record<AppId, string> = { marketplace: 'MARKETPLACE_URL', portal: 'SELLER_PORTAL_URL' }
const DEVELOPMENT_URLS: Record<AppId, string> = { marketplace: 'http://localhost:3000', portal: 'http://localhost:3001' }

/** Names a browser on this machine uses for it; accepted outside production only. */
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1'])

export class ConfigurationError extends Error {
  override name = 'ConfigurationError'
}

/**
 * The public base URL of an app (`https://market.example.com`), from MARKETPLACE_URL or
 * SELLER_PORTAL_URL. Required in production; outside it, the `npm start` addresses.
 */
export function appUrl(app: AppId, env: Env = process.env): string {
  const name = APP_URL_VARIABLES[app]
  const raw = env[name]?.trim()
  if (!raw) {
    if (isProduction(env)) throw new ConfigurationError(`${name} must be set in production: the public URL of the ${app === 'portal' ? 'seller portal' : 'marketplace'} (e.g. https://${app === 'portal' ? 'sell' : 'market'}.example.com). Emailed links and the accepted Host are taken from it.`)
    return DEVELOPMENT_URLS[app]
  }
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new ConfigurationError(`${name} is not a URL: ${JSON.stringify(raw)}`)
  }
  if (!['http:', 'https:'].includes(url.protocol) || url.username || url.password || url.search || url.hash || url.pathname !== '/') {
    throw new ConfigurationError(`${name} must be an http(s) origin without a path, e.g. https://market.example.com (got ${JSON.stringify(raw)})`)
  }
  return url.origin
}

export interface HostPolicy {
  /** Throws a ConfigurationError when the app may not start (production without its URL). */
  assertConfigured(): void
  /** Whether this app answers requests for `hostname` (lower case, no port). */
  allows(hostname: string): Promise<boolean>
}

/**
 * An app answers its configured host, outside production also the loopback names, and, where
 * `extraHost` says so (the marketplace: verified storefront host names), those.
 */
export function createHostPolicy(app: AppId, options: { extraHost?: (hostname: string) => Promise<boolean> } = {}): HostPolicy {
  return {
    assertConfigured() {
      appUrl(app)
    },
    async allows(hostname) {
      const host = hostname.toLowerCase()
      if (!host) return false
      if (host === new URL(appUrl(app)).hostname) return true
      if (!isProduction() && LOOPBACK_HOSTS.has(host)) return true
      return options.extraHost ? options.extraHost(host) : false
    },
  }
}
