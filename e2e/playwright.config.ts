import { defineConfig } from '@playwright/test'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { APPS } from './urls.ts'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const env = {
  DATABASE_URL: process.env.DATABASE_URL ?? '',
  APP_ENV: 'test',
  HOST: '127.0.0.1',
  MARKETPLACE_URL: APPS.market,
  SELLER_PORTAL_URL: APPS.portal,
}

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
    { name: 'marketplace', command: 'node infra/server/serve-remix.ts apps/marketplace', cwd: root, url: `${APPS.market}/healthz`, env: { ...env, PORT: '3100' } },
    { name: 'seller portal', command: 'node infra/server/serve-remix.ts apps/seller-portal', cwd: root, url: `${APPS.portal}/healthz`, env: { ...env, PORT: '3101' } },
    { name: 'worker', command: 'node apps/worker/src/main.ts', cwd: root, url: 'http://127.0.0.1:3102/healthz', env: { ...env, WORKER_PORT: '3102' } },
  ].map((server) => ({ ...server, reuseExistingServer: false, timeout: 60_000, stdout: 'ignore' as const, gracefulShutdown: { signal: 'SIGTERM' as const, timeout: 5_000 } })),
})
