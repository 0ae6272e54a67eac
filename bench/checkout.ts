// bench/checkout: checkouts per second (five lines from two sellers, on account: prices resolved,
// stock taken under locks, orders, invoices, ledger postings and the order events enqueued) from 8
// concurrent buyer companies, against a TPC-B-like transaction (pgbench's default script, written by
// hand over the same driver) on the same database in the same run. A checkout is placing a cart:
// the carts are filled first (through the domain, untimed), so the rate is of checkouts alone; the
// whole round (five adds to the cart, then placing) is printed beside it.
import { randomUUID } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import pg from 'pg'
import { createCtx } from '@tradepost/domain/ctx'
import { createOrm } from '@tradepost/domain/db'
import { pgBossJobQueue, startJobQueue } from '@tradepost/domain/jobs'
import { addToCart, placeCheckout } from '@tradepost/domain/orders'
import { CheckoutInputSchema } from '@tradepost/domain/schemas'
import { resolveActor } from '@tradepost/domain/users'

const CONCURRENCY = Number(process.env.BENCH_CHECKOUT_BUYERS ?? 8)
const TPCB_SCALE = CONCURRENCY
const ACCOUNTS_PER_BRANCH = 100_000

/** pgbench's tables at scale `TPCB_SCALE`, in their own names, made once. */
async function prepareTpcb(pool: pg.Pool) {
  const exists = (await pool.query(`select to_regclass('bench_tpcb_accounts') as t`)).rows[0].t
  if (exists) return
  await pool.query(`create table bench_tpcb_branches (bid int primary key, bbalance int not null default 0, filler char(88))`)
  await pool.query(`create table bench_tpcb_tellers (tid int primary key, bid int not null, tbalance int not null default 0, filler char(84))`)
  await pool.query(`create table bench_tpcb_accounts (aid int primary key, bid int not null, abalance int not null default 0, filler char(84)) with (fillfactor = 90)`)
  await pool.query(`create table bench_tpcb_history (tid int, bid int, aid int, delta int, mtime timestamp, filler char(22))`)
  await pool.query(`insert into bench_tpcb_branches (bid) select generate_series(1, $1)`, [TPCB_SCALE])
  await pool.query(`insert into bench_tpcb_tellers (tid, bid) select t, (t - 1) / 10 + 1 from generate_series(1, $1) t`, [TPCB_SCALE * 10])
  await pool.query(`insert into bench_tpcb_accounts (aid, bid) select a, (a - 1) / $2 + 1 from generate_series(1, $1) a`, [TPCB_SCALE * ACCOUNTS_PER_BRANCH, ACCOUNTS_PER_BRANCH])
  await pool.query(`vacuum analyze bench_tpcb_branches, bench_tpcb_tellers, bench_tpcb_accounts`)
}

const random = (max: number) => 1 + Math.floor(Math.random() * max)

/** One TPC-B-like transaction, as pgbench's built-in script runs it. */
async function tpcb(pool: pg.Pool) {
  const aid = random(TPCB_SCALE * ACCOUNTS_PER_BRANCH)
  const tid = random(TPCB_SCALE * 10)
  const bid = random(TPCB_SCALE)
  const delta = random(10_000) - 5_000
  const client = await pool.connect()
  try {
    await client.query('begin')
    await client.query('update bench_tpcb_accounts set abalance = abalance + $1 where aid = $2', [delta, aid])
    await client.query('select abalance from bench_tpcb_accounts where aid = $1', [aid])
    await client.query('update bench_tpcb_tellers set tbalance = tbalance + $1 where tid = $2', [delta, tid])
    await client.query('update bench_tpcb_branches set bbalance = bbalance + $1 where bid = $2', [delta, bid])
    await client.query('insert into bench_tpcb_history (tid, bid, aid, delta, mtime) values ($1, $2, $3, $4, current_timestamp)', [tid, bid, aid, delta])
    await client.query('commit')
  } catch (error) {
    await client.query('rollback')
    throw error
  } finally {
    client.release()
  }
}

/** Runs `task` from `CONCURRENCY` loops for `seconds`: completed tasks per second. */
async function rate(task: (worker: number) => Promise<void>, seconds: number, count?: { done: number }): Promise<number> {
  const until = performance.now() + seconds * 1000
  const started = performance.now()
  let done = 0
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async (_, worker) => {
      while (performance.now() < until) {
        await task(worker)
        done++
      }
    }),
  )
  if (count) count.done += done
  return done / ((performance.now() - started) / 1000)
}

/**
 * CPU milliseconds used so far by this process (the app's side: the domain, the ORM, the driver)
 * and by each process of the database server listening on `port` (read from /proc; null where
 * there is none), so each side's cost per checkout and per TPC-B transaction can be printed.
 */
function cpuMs(port: number): { app: number; db: Map<string, number> | null } {
  const usage = process.cpuUsage()
  const app = (usage.user + usage.system) / 1000
  try {
    const tick = 1000 / 100 // USER_HZ: Linux reports CPU time in hundredths of a second
    const stats = readdirSync('/proc').filter((d) => /^\d+$/.test(d)).flatMap((pid) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
        return [{ pid, ppid: fields[1]!, cpu: (Number(fields[11]) + Number(fields[12])) * tick, cmd: readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0') }]
      } catch {
        return []
      }
    })
    const server = stats.find((s) => /postgres$/.test(s.cmd[0] ?? '') && s.cmd.some((a, i) => a === '-p' && s.cmd[i + 1] === String(port)))
    if (!server) return { app, db: null }
    return { app, db: new Map(stats.filter((s) => s.pid === server.pid || s.ppid === server.pid).map((s) => [s.pid, s.cpu])) }
  } catch {
    return { app, db: null }
  }
}

/** The CPU used between two readings: the database's processes that lived through both, or began between them (one that ended in between is not counted). */
function cpuBetween(before: ReturnType<typeof cpuMs>, after: ReturnType<typeof cpuMs>): { app: number; db: number } {
  let db = before.db && after.db ? 0 : NaN
  if (before.db && after.db) for (const [pid, cpu] of after.db) db += cpu - (before.db.get(pid) ?? 0)
  return { app: after.app - before.app, db }
}

/** Each company's buyers: their carts are filled before a round of checkouts, so a round places this many carts per company. */
const CARTS_PER_COMPANY = 20

export async function benchCheckout(databaseUrl: string, contractBuyerId: string, seconds: number) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: CONCURRENCY + 1 })
  await prepareTpcb(pool)
  // Each company's five lines: three offers of one seller and two of another (the same two sellers
  // for everyone, each company its own offers), with stock enough for any run.
  const plain = `o.status = 'active' and o.seller_active and not o.price_on_request and o.visible_to && '{public}' and o.min_order_qty = 1 and o.order_multiple = 1 and o.currency = 'VND'`
  const sellers = (await pool.query(`select o.organization_id from offer o join offer_stock s on s.offer_id = o.id where ${plain} group by o.organization_id having count(distinct o.id) >= $1 order by o.organization_id limit 2`, [3 * CONCURRENCY])).rows.map((r) => r.organization_id as string)
  if (sellers.length !== 2) throw new Error('bench/checkout: the large world has no two sellers with enough plain offers')
  const offersOf = async (seller: string, n: number) => (await pool.query(`select distinct o.id from offer o join offer_stock s on s.offer_id = o.id where o.organization_id = $1 and ${plain} order by o.id limit $2`, [seller, n])).rows.map((r) => r.id as string)
  const [first, second] = [await offersOf(sellers[0]!, 3 * CONCURRENCY), await offersOf(sellers[1]!, 2 * CONCURRENCY)]
  const linesOf = (worker: number) => [...first.slice(3 * worker, 3 * worker + 3), ...second.slice(2 * worker, 2 * worker + 2)]
  await pool.query(`update offer_stock set quantity = 1000000000 where offer_id = any($1::uuid[])`, [[...first, ...second]])
  // The companies: one per concurrent loop (a company's checkouts take turns, as its spending is read
  // and added to as one), each with a ship-to and its buyers, one cart each. The first is the bench
  // buyer company with contract prices.
  const companies: { companyId: string; shipTo: string; userIds: string[] }[] = []
  for (let w = 0; w < CONCURRENCY; w++) {
    const slug = `bench-checkout-${w}`
    let companyId = w === 0 ? contractBuyerId : ((await pool.query(`select id from organization where slug = $1`, [slug])).rows[0]?.id as string | undefined)
    if (!companyId) {
      companyId = randomUUID()
      await pool.query(`insert into organization (id, kind, name, slug, country, default_currency, locale, status, created_at, updated_at) values ($1, 'buyer', $2, $3, 'VN', 'VND', 'en', 'active', now(), now())`, [companyId, `Bench checkout company ${w}`, slug])
    }
    let shipTo = (await pool.query(`select id from ship_to where organization_id = $1 limit 1`, [companyId])).rows[0]?.id as string | undefined
    if (!shipTo) {
      shipTo = randomUUID()
      await pool.query(`insert into ship_to (id, organization_id, name, address_line, city, subdivision_code, country, latitude, longitude, created_at, updated_at) values ($1, $2, 'Bench site', '1 Bench Road', 'Hà Nội', 'VN-HN', 'VN', 21.03, 105.85, now(), now())`, [shipTo, companyId])
    }
    const userIds: string[] = []
    for (let k = 0; k < CARTS_PER_COMPANY; k++) {
      const email = `bench.checkout.${w}.${k}@bench.test`
      const found = (await pool.query(`select id from app_user where email = $1`, [email])).rows[0]
      const userId = (found?.id as string | undefined) ?? randomUUID()
      if (!found) await pool.query(`insert into app_user (id, email, name, password_hash, locale, created_at, updated_at) values ($1, $2, $3, 'x', 'en', now(), now())`, [userId, email, `Bench checkout ${w}.${k}`])
      await pool.query(`insert into membership (id, user_id, organization_id, role, created_at) select $1, $2, $3, 'buyer', now() where not exists (select 1 from membership where user_id = $2 and organization_id = $3)`, [randomUUID(), userId, companyId])
      userIds.push(userId)
    }
    companies.push({ companyId, shipTo, userIds })
  }
  // Carts a run left behind are emptied, so every cart starts with the same five lines.
  await pool.query(`delete from cart_line where buyer_org_id = any($1::uuid[])`, [companies.map((c) => c.companyId)])

  const orm = await createOrm(databaseUrl, { pool: { min: 0, max: CONCURRENCY } })
  const boss = await startJobQueue(databaseUrl)
  const jobs = pgBossJobQueue(boss)
  const actors = await Promise.all(companies.map((c) => Promise.all(c.userIds.map((userId) => resolveActor(orm.em.fork(), { userId, activeOrganizationId: c.companyId, impersonatorUserId: null }, ['buyer'])))))
  const ctxOf = (worker: number, k: number) => createCtx({ actor: actors[worker]![k]!, em: orm.em.fork(), jobs })
  let refused = 0
  const placing: number[] = []
  const fill = async (worker: number, k: number) => {
    for (const offerId of linesOf(worker)) {
      const added = await addToCart(ctxOf(worker, k), { offerId, quantity: 1 + (worker % 3) })
      if (!added.ok) throw new Error(`bench/checkout: ${added.error.code}`)
    }
  }
  const place = async (worker: number, k: number, record = true) => {
    const t = performance.now()
    const placed = await placeCheckout(ctxOf(worker, k), CheckoutInputSchema.parse({ token: randomUUID(), shipToId: companies[worker]!.shipTo, poNumber: 'BENCH' }))
    if (record) placing.push(performance.now() - t)
    if (!placed.ok && refused++ === 0) console.log(`  first refusal: ${placed.error.code} (company ${worker})`)
  }
  /** Rounds of: every cart filled (untimed), then every cart placed, each company's one after another; until `seconds` of placing. Checkouts per second of placing. */
  const port = Number(new URL(databaseUrl).port || 5432)
  /** CPU spent placing (the app's, the database's) and checkouts placed, over the measured rounds. */
  const placingCpu = { app: 0, db: 0, done: 0 }
  const checkouts = async (seconds: number) => {
    let busy = 0
    let done = 0
    while (busy < seconds * 1000) {
      await Promise.all(companies.map((c, w) => (async () => { for (let k = 0; k < c.userIds.length; k++) await fill(w, k) })()))
      const t = performance.now()
      const before = cpuMs(port)
      await Promise.all(companies.map((c, w) => (async () => { for (let k = 0; k < c.userIds.length; k++) await place(w, k) })()))
      const used = cpuBetween(before, cpuMs(port))
      busy += performance.now() - t
      done += CARTS_PER_COMPANY * CONCURRENCY
      placingCpu.app += used.app
      placingCpu.db += used.db
      placingCpu.done += CARTS_PER_COMPANY * CONCURRENCY
    }
    return done / (busy / 1000)
  }
  /** TPC-B runs with the CPU they took (the client's, the database's). */
  const tpcbCpu = { app: 0, db: 0, done: 0 }
  const tpcbRate = async (seconds: number) => {
    const before = cpuMs(port)
    const perSecond = await rate(() => tpcb(pool), seconds, tpcbCpu)
    const used = cpuBetween(before, cpuMs(port))
    tpcbCpu.app += used.app
    tpcbCpu.db += used.db
    return perSecond
  }
  /** The whole round: five adds, then placing, in one loop per company. */
  const rounds = (seconds: number) => rate(async (worker) => { await fill(worker, 0); await place(worker, 0, false) }, seconds)
  await checkouts(1) // warm-up
  await rate(() => tpcb(pool), 2)
  placing.length = 0
  Object.assign(placingCpu, { app: 0, db: 0, done: 0 })
  // Taking turns in halves, so a machine getting busier weighs on both alike.
  const half = Math.max(1, seconds / 2)
  const t1 = await tpcbRate(half)
  const c1 = await checkouts(half)
  const r1 = await rounds(half / 2)
  const r2 = await rounds(half / 2)
  const c2 = await checkouts(half)
  const t2 = await tpcbRate(half)
  // Closed before the database stops: its pool would report the server going away.
  await new Promise<void>((resolve) => {
    boss.once('stopped', () => resolve())
    void boss.stop({ graceful: false })
  })
  await orm.close()
  await pool.end()
  const tps = (t1 + t2) / 2
  const cps = (c1 + c2) / 2
  const whole = (r1 + r2) / 2
  console.log(`\nbench/checkout — ${CONCURRENCY} concurrent buyer companies, five lines from two sellers, on account`)
  console.log(`  TPC-B-like transactions (baseline)   ${tps.toFixed(0)} per second (scale ${TPCB_SCALE})`)
  const sorted = placing.sort((a, b) => a - b)
  const p = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!.toFixed(1)
  console.log(`  checkouts (placing a filled cart)    ${cps.toFixed(1)} per second   ${((cps / tps) * 100).toFixed(1)} % of TPC-B   (target ≥ 40 %)${refused ? `; ${refused} refused` : ''}`)
  console.log(`    each                               p50 ${p(0.5)} ms · p95 ${p(0.95)} ms (n=${sorted.length})`)
  console.log(`  whole rounds (five adds, then place) ${whole.toFixed(1)} per second   ${((whole / tps) * 100).toFixed(1)} % of TPC-B`)
  const per = (cpu: { app: number; db: number; done: number }) => `the app ${(cpu.app / cpu.done).toFixed(2)} ms, the database ${Number.isNaN(cpu.db) ? 'not measured' : `${(cpu.db / cpu.done).toFixed(2)} ms`}`
  console.log(`  CPU per checkout                     ${per(placingCpu)}`)
  console.log(`  CPU per TPC-B transaction            ${per(tpcbCpu)} (the app: this process's driver)`)
  return { tps, cps, refused }
}
