// `npm run bench`: builds the apps, starts PostgreSQL (a persistent bench cluster in
// .tradepost/bench-postgres, or DATABASE_URL), generates the large world once, serves the
// marketplace, and runs bench/search, bench/product-page (anonymous, and signed in with contract
// prices), bench/pricing and bench/checkout. BENCH_ROUNDS sets how many times the
// search query set runs (default 2); BENCH_SECONDS the length of each product-page run (default 10);
// BENCH_IMPORT_ROWS the rows of the offers file bench/import imports (default 100,000).
import { availableParallelism } from 'node:os'
import { join } from 'node:path'
import { createOrm } from '@tradepost/domain/db'
import { prepareDatabase } from '@tradepost/domain/db/prepare'
import { startEmbeddedPostgres } from '@tradepost/infra/postgres'
import { createSearchIndex, reindexAll } from '@tradepost/search'
import { seedDemo } from '@tradepost/seeds/demo'
import { generateLargeWorld } from '@tradepost/seeds/generate-large'
import { benchPricing } from '../bench/pricing.ts'
import { benchProductPage, benchProductPageSignedIn } from '../bench/product-page.ts'
import { BENCH_BUYER_EMAIL, BENCH_BUYER_PASSWORD, generateLargePricing } from '@tradepost/seeds/generate-large-pricing'
import { benchImport } from '../bench/import.ts'
import { benchCheckout } from '../bench/checkout.ts'
import { benchSearch } from '../bench/search.ts'
import { fail, log, pnpm, root, startService, stopServices, waitForHttp } from './lib.ts'

const seconds = Number(process.env.BENCH_SECONDS ?? 10)
// BENCH_ONLY=pricing,product-page runs only those (search, product-page, pricing, checkout, import).
const only = new Set((process.env.BENCH_ONLY ?? 'search,product-page,pricing,checkout,import').split(',').map((s) => s.trim()))
if (pnpm(['exec', 'turbo', 'run', 'build', '--output-logs=errors-only']) !== 0) fail('the build failed')
const postgres = process.env.DATABASE_URL ? undefined : await startEmbeddedPostgres({ dataDir: join(root, '.tradepost', 'bench-postgres'), port: 56432, log })
const databaseUrl = process.env.DATABASE_URL ?? (await postgres!.ensureDatabase('tradepost_bench'))
try {
  await prepareDatabase(databaseUrl)
  const orm = await createOrm(databaseUrl, { pool: { min: 0, max: 2 } })
  await seedDemo(orm.em.fork())
  let t = performance.now()
  const world = await generateLargeWorld(databaseUrl)
  log(world.created ? `generated ${world.products} products and ${world.offers} offers in ${((performance.now() - t) / 1000).toFixed(1)} s` : 'large world already present')
  t = performance.now()
  const pricing = await generateLargePricing(databaseUrl)
  log(pricing.created ? `generated ${pricing.lists} price lists with ${pricing.entries} prices in ${((performance.now() - t) / 1000).toFixed(1)} s` : 'bench price lists already present')
  // The index is rebuilt on every run: its speed is part of what is measured.
  t = performance.now()
  const index = createSearchIndex({ ...process.env, DATABASE_URL: databaseUrl })
  const n = await reindexAll(orm.em, index)
  await index.close()
  log(`indexed ${n} products in ${((performance.now() - t) / 1000).toFixed(1)} s`)
  await orm.close()

  const port = 3900
  const serve = async (processes: number) => {
    const server = startService('marketplace', ['infra/server/serve-remix.ts', 'apps/marketplace'], { DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1', APP_ENV: 'production', COOKIE_SECURE: 'false', MARKETPLACE_URL: `http://127.0.0.1:${port}`, SELLER_PORTAL_URL: 'http://127.0.0.1:3001', WEB_CONCURRENCY: String(processes) })
    await waitForHttp(`http://127.0.0.1:${port}/healthz`)
    return server
  }
  // One server process first (the default), then one per core as a production deploy would run.
  let server = await serve(1)
  try {
    if (only.has('search')) await benchSearch(databaseUrl, `http://127.0.0.1:${port}`, Number(process.env.BENCH_ROUNDS ?? 2))
    if (only.has('product-page')) await benchProductPage(databaseUrl, `http://127.0.0.1:${port}`, seconds, ', one server process')
    if (only.has('pricing')) await benchPricing(databaseUrl, pricing.buyerId)
    if (only.has('product-page')) await benchProductPageSignedIn(databaseUrl, `http://127.0.0.1:${port}`, seconds, { email: BENCH_BUYER_EMAIL, password: BENCH_BUYER_PASSWORD })
    const cores = availableParallelism()
    if (cores > 1 && only.has('product-page')) {
      await stopServices([server])
      server = await serve(cores)
      await benchProductPage(databaseUrl, `http://127.0.0.1:${port}`, seconds, `, ${cores} server processes (WEB_CONCURRENCY=${cores})`)
    }
  } finally {
    await stopServices([server])
  }
  if (only.has('checkout')) await benchCheckout(databaseUrl, pricing.buyerId, seconds)
  if (only.has('import')) await benchImport(databaseUrl, Number(process.env.BENCH_IMPORT_ROWS ?? 100_000))
} finally {
  await postgres?.stop()
}
