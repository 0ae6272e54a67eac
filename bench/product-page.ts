// bench/product-page: the product page's server render at 32 concurrent connections against a
// static file served by the same server (the baseline).
import pg from 'pg'
import { fmt, httpGet, load, ratio } from './lib.ts'

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
