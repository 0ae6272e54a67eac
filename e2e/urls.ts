/** The first of the seven ports the end-to-end servers listen on (`npm test` picks a free block). */
export const BASE_PORT = Number(process.env.TRADEPOST_E2E_PORT ?? 3100)
const at = (offset: number) => `http://127.0.0.1:${BASE_PORT + offset}`

export const APPS = { market: at(0), portal: at(1) } as const
export const WORKER_URL = at(2)
/** The same two apps with production settings (APP_ENV=production): the cross-tenant probes run against these. */
export const PRODUCTION_APPS = { market: at(3), portal: at(4) } as const
export type AppName = keyof typeof APPS
export const COOKIE = { market: 'tp_market_session', portal: 'tp_portal_session' } as const
/** Where the worker asks DNS questions (a local DNS server that the storefront test runs). */
export const DNS_PORT = BASE_PORT + 5
/** The local Stripe the apps and the worker talk to (the card flow), which delivers its webhooks to the marketplace. */
export const STRIPE_MOCK_URL = at(6)
export const STRIPE_WEBHOOK_SECRET = 'whsec_e2e_local_mock'
