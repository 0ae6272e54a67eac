// bench/product-page: the product page's server render at 32 concurrent connections against a
// static file served by the same server (the baseline).
import pg from 'pg'
import { fmt, httpGet, load, ratio, signIn } from './lib.ts'

export async function benchProductPage(databaseUrl: string, marketplaceUrl: string, seconds: number, label = '') {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 })
  const slugs = (await pool.query(`select slug from product where mpn like 'BENCH-%' order by mpn limit 200`)).rows.map((r) => r.slug as string)
  await pool.end()
  if (!slugs.length) throw new Error('no bench products: generate the large world first')
  const get = httpGet()
  const staticFile = await load(() => get(`${marketplaceUrl}/favicon.svg`), { concurrency: 32, seconds })
  const page = await load((i) => get(`${marketplaceUrl}/p/${slugs[i % slugs.length]}?near=VN-SG`), { concurrency: 32, seconds })
  console.log(`\nbench/product-page — 32 concurrent connections${label}`)
  console.log(`  static file (baseline)        ${fmt(staticFile)}`)
  console.log(`  product page (SSR)            ${fmt(page)}   p95 ${ratio(page.p95, staticFile.p95)} static, ${ratio(page.rps, staticFile.rps)} its req/s   (target p95 ≤ 150 ms)`)
  return { staticFile, page }
}

/**
 * The product page signed in as a buyer whose company has contract, company, group and inherited
 * prices on these products, against the same pages anonymous, in the same run (32 connections).
 */
export async function benchProductPageSignedIn(databaseUrl: string, marketplaceUrl: string, seconds: number, buyer: { email: string; password: string }) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 })
  const slugs = (await pool.query(`select slug from product where mpn like 'BENCH-%' order by mpn limit 200`)).rows.map((r) => r.slug as string)
  await pool.end()
  const cookie = await signIn(marketplaceUrl, buyer.email, buyer.password)
  const anonymousGet = httpGet()
  const signedGet = httpGet({ Cookie: cookie })
  const page = (get: (url: string) => Promise<void>) => (i: number) => get(`${marketplaceUrl}/p/${slugs[i % slugs.length]}?near=VN-SG`)
  // Taking turns in halves, so a machine getting busier weighs on both alike.
  const half = Math.max(1, seconds / 2)
  const a1 = await load(page(anonymousGet), { concurrency: 32, seconds: half })
  const s1 = await load(page(signedGet), { concurrency: 32, seconds: half })
  const s2 = await load(page(signedGet), { concurrency: 32, seconds: half })
  const a2 = await load(page(anonymousGet), { concurrency: 32, seconds: half })
  const merge = (x: typeof a1, y: typeof a1) => ({ n: x.n + y.n, p50: (x.p50 + y.p50) / 2, p95: Math.max(x.p95, y.p95), rps: (x.rps + y.rps) / 2 })
  const anonymous = merge(a1, a2)
  const signed = merge(s1, s2)
  console.log(`\nbench/product-page — signed in as a buyer with contract prices vs anonymous, 32 concurrent connections`)
  console.log(`  anonymous (baseline)          ${fmt(anonymous)}`)
  console.log(`  signed in, contract prices    ${fmt(signed)}   p95 ${ratio(signed.p95, anonymous.p95)} anonymous   (target ≤ 1.2× and p95 ≤ 150 ms)`)
  return { anonymous, signed }
}
