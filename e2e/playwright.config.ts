import { defineConfig } from '@playwright/test'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { APPS, DNS_PORT, PRODUCTION_APPS, STRIPE_MOCK_URL, STRIPE_WEBHOOK_SECRET, WORKER_URL } from './urls.ts'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const port = (url: string) => new URL(url).port
const env = {
  DATABASE_URL: process.env.DATABASE_URL ?? '',
  APP_ENV: 'test',
  HOST: '127.0.0.1',
  MARKETPLACE_URL: APPS.market,
  SELLER_PORTAL_URL: APPS.portal,
  // Tests may say which client address they come from (X-Forwarded-For), as a proxy would.
  TRUST_PROXY: 'loopback',
  UPLOAD_DIR: process.env.UPLOAD_DIR ?? join(root, '.tradepost', 'e2e-uploads'),
  // Card payments against the local Stripe the tests start.
  STRIPE_SECRET_KEY: 'sk_test_e2e_local_mock',
  STRIPE_WEBHOOK_SECRET,
  STRIPE_API_BASE: STRIPE_MOCK_URL,
}
// The apps as they run in production (no dev mailbox, no loopback host names), over plain http.
const production = { ...env, APP_ENV: 'production', COOKIE_SECURE: 'false', MARKETPLACE_URL: PRODUCTION_APPS.market, SELLER_PORTAL_URL: PRODUCTION_APPS.portal }

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  timeout: 30_000,
  expect: { timeout: 7_000 },
  workers: process.env.CI ? 2 : 3,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT_FILE ?? join(root, 'test-results', 'playwright.json') }]],
  outputDir: join(root, 'test-results'),
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || undefined,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  webServer: [
    { name: 'stripe mock', command: 'node packages/payments/src/mock/main.ts', cwd: root, url: `${STRIPE_MOCK_URL}/healthz`, env: { ...env, STRIPE_MOCK_PORT: port(STRIPE_MOCK_URL), STRIPE_MOCK_WEBHOOK_URL: `${APPS.market}/webhooks/stripe` } },
    { name: 'marketplace', command: 'node infra/server/serve-remix.ts apps/marketplace', cwd: root, url: `${APPS.market}/healthz`, env: { ...env, PORT: port(APPS.market) } },
    { name: 'seller portal', command: 'node infra/server/serve-remix.ts apps/seller-portal', cwd: root, url: `${APPS.portal}/healthz`, env: { ...env, PORT: port(APPS.portal) } },
    // DNS questions go to the local DNS server of the tests, never to the machine's resolver.
    { name: 'worker', command: 'node apps/worker/src/main.ts', cwd: root, url: `${WORKER_URL}/healthz`, env: { ...env, WORKER_PORT: port(WORKER_URL), DNS_SERVERS: `127.0.0.1:${DNS_PORT}` } },
    { name: 'marketplace (production)', command: 'node infra/server/serve-remix.ts apps/marketplace', cwd: root, url: `${PRODUCTION_APPS.market}/healthz`, env: { ...production, PORT: port(PRODUCTION_APPS.market) } },
    { name: 'seller portal (production)', command: 'node infra/server/serve-remix.ts apps/seller-portal', cwd: root, url: `${PRODUCTION_APPS.portal}/healthz`, env: { ...production, PORT: port(PRODUCTION_APPS.portal) } },
  ].map((server) => ({ ...server, reuseExistingServer: false, timeout: 60_000, stdout: 'ignore' as const, gracefulShutdown: { signal: 'SIGTERM' as const, timeout: 5_000 } })),
})
