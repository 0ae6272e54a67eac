// bench/pricing: resolving the prices of a 48-offer page for a buyer with contract, company,
// group and inherited lists (3,000 price lists over the large world), against one hand-written
// SQL query computing the same prices, in the same run, one at a time, taking turns.
import pg from 'pg'
import { createCtx } from '@tradepost/domain/ctx'
import { createOrm } from '@tradepost/domain/db'
import { resolvePrices } from '@tradepost/domain/pricing'
import { HOT_PRODUCTS } from '@tradepost/seeds/generate-large-pricing'
import { fmt, interleaved, ratio } from './lib.ts'

/** The same prices in one statement: the winner per offer by scope, depth, priority, price, list id. */
const HAND_SQL = `
with recursive chain as (
  select id, parent_id, inherit_prices, 0 as depth from organization where id = $1 and kind = 'buyer' and status = 'active'
  union all
  select p.id, p.parent_id, p.inherit_prices, c.depth + 1 from chain c join organization p on p.id = c.parent_id and p.kind = 'buyer' and p.status = 'active'
  where c.inherit_prices and c.depth < 5
),
cust as (select cu.id, cu.organization_id, cu.group_id, ch.depth from customer cu join chain ch on ch.id = cu.buyer_id where cu.approved),
reach as materialized (
  select coalesce(jsonb_object_agg(price_list_id, depth), '{}'::jsonb) as depth_of from (select price_list_id, min(depth) as depth from (
    select t.price_list_id, cu.depth from price_list_target t join cust cu on t.customer_id = cu.id and t.organization_id = cu.organization_id
    union all
    select t.price_list_id, cu.depth from price_list_target t join cust cu on t.group_id = cu.group_id and t.organization_id = cu.organization_id
  ) x group by price_list_id) y
),
cand as (
  select o.id as offer_id, pl.id as list_id, pl.priority,
    array_position(array['contract', 'company', 'group', 'everyone'], pl.scope) as rank,
    case when pl.scope = 'everyone' then 0 else (r.depth_of ->> pl.id::text)::int end as depth,
    case when e.percent_off_bp is not null then o.price_amount - (o.price_amount * e.percent_off_bp + 5000) / 10000
      else (select (t->>'amount')::bigint from jsonb_array_elements(e.tiers) t where (t->>'minQty')::int <= o.min_order_qty order by (t->>'minQty')::int desc limit 1) end as unit
  from reach r, offer o
  join price_list_entry e on e.offer_id = o.id
  join price_list pl on pl.id = e.price_list_id and pl.organization_id = o.organization_id and pl.active and pl.currency = o.currency
    and (pl.valid_from is null or pl.valid_from <= now()) and (pl.valid_to is null or pl.valid_to > now())
  where o.id = any($2::uuid[]) and o.status = 'active'
),
best as (
  select distinct on (offer_id) offer_id, unit from cand where depth is not null and unit is not null
  order by offer_id, rank, depth, priority desc, unit, list_id
)
select o.id, coalesce(b.unit, o.price_amount) as unit from offer o left join best b on b.offer_id = o.id where o.id = any($2::uuid[]) and o.status = 'active'`

export async function benchPricing(databaseUrl: string, buyerId: string, count = 2000) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 })
  // 48-offer pages: the offers of five or so consecutive hot products, 40 different pages.
  const hot = (await pool.query(`select o.id from offer o join product p on p.id = o.product_id where p.mpn like 'BENCH-%' and p.mpn <= $1 order by p.mpn, o.id`, [`BENCH-${String(HOT_PRODUCTS).padStart(5, '0')}`])).rows.map((r) => r.id as string)
  const pages = Array.from({ length: Math.floor(hot.length / 48) }, (_, i) => hot.slice(i * 48, i * 48 + 48))
  const stats = (await pool.query(`select (select count(*)::int from price_list) as lists, (select count(*)::int from price_list_entry) as entries`)).rows[0]
  const orm = await createOrm(databaseUrl, { pool: { min: 1, max: 1 } })
  // Count the statements one resolution sends (through the entity manager, or prepared on its pool).
  const connection = orm.em.getConnection()
  const execute = connection.execute.bind(connection)
  let statements = 0
  connection.execute = ((...args: Parameters<typeof execute>) => {
    statements++
    return execute(...args)
  }) as typeof execute
  const nativePool = await orm.em.getConnection().getNativeClient()
  const query = nativePool.query.bind(nativePool)
  nativePool.query = ((...args: Parameters<typeof query>) => {
    statements++
    return query(...args)
  }) as typeof query
  const jobs = { enqueue: async () => {} } as never
  const ctxFor = () => createCtx({ actor: { userId: null, membership: null, impersonatorUserId: null }, em: orm.em.fork(), jobs })
  const viewer = { buyerId }

  // The two must agree before they are timed.
  let mismatches = 0
  let personal = 0
  for (const page of pages) {
    const mine = await resolvePrices(ctxFor(), page.map((offerId) => ({ offerId })), { viewer })
    const theirs = new Map((await pool.query(HAND_SQL, [buyerId, page])).rows.map((r) => [r.id as string, Number(r.unit)]))
    for (const r of mine) {
      if (!r || theirs.get(r.offerId) !== r.unit.amount) mismatches++
      else if (r.list) personal++
    }
  }
  statements = 0
  await resolvePrices(ctxFor(), pages[0]!.map((offerId) => ({ offerId })), { viewer })
  const perResolution = statements

  const { hand, resolve } = await interleaved(count, {
    hand: async (i) => void (await pool.query(HAND_SQL, [buyerId, pages[i % pages.length]])),
    resolve: async (i) => void (await resolvePrices(ctxFor(), pages[i % pages.length]!.map((offerId) => ({ offerId })), { viewer })),
  }, pages.length)
  await orm.close()
  await pool.end()
  console.log(`\nbench/pricing — ${stats.lists} price lists, ${stats.entries} prices; 48-offer pages (${pages.length} different), one at a time`)
  console.log(`  agreement: ${pages.length * 48} prices compared, ${mismatches} mismatches, ${personal} from a price list; ${perResolution} statement(s) per resolution (limit 3)`)
  console.log(`  hand-written SQL (baseline)   ${fmt(hand)}`)
  console.log(`  resolvePrices                 ${fmt(resolve)}   p95 ${ratio(resolve.p95, hand.p95)} hand-written   (target p95 ≤ 10 ms and ≤ 1.5×)`)
  return { hand, resolve, mismatches }
}
