// B2B prices over the large world, for bench/pricing: 3,000 price lists (60 per bench
// distributor: contracts, company, group and everyone lists, some out of their window), each with
// 100 prices (tiers or a percentage), a third of them on the offers of the first 200 bench
// products (the product pages the benchmarks open). A bench buyer company inherits from its
// parent group; both are approved customers of every distributor. Idempotent.
import { randomUUID } from 'node:crypto'
import { hashPassword } from '@tradepost/domain/users'
import { insert, random, withBulkClient } from './generate-large.ts'

export const BENCH_BUYER_EMAIL = 'bench.buyer@bench.test'
export const BENCH_BUYER_PASSWORD = 'bench-buyer-2026'
const LISTS_PER_SELLER = 60
const ENTRIES_PER_LIST = 100
const HOT_PER_LIST = 30
/** The bench products whose offers the benchmarks price (their product pages, and 48-offer pages). */
export const HOT_PRODUCTS = 200

export async function generateLargePricing(databaseUrl: string): Promise<{ created: boolean; lists: number; entries: number; buyerId: string }> {
  return withBulkClient(databaseUrl, async (client) => {
    const found = await client.query(`select id from organization where slug = 'bench-buyer'`)
    if (found.rows.length) {
      const n = await client.query(`select (select count(*)::int from price_list where name like 'Bench %') as lists, (select count(*)::int from price_list_entry e join price_list l on l.id = e.price_list_id where l.name like 'Bench %') as entries`)
      return { created: false, lists: n.rows[0].lists, entries: n.rows[0].entries, buyerId: found.rows[0].id }
    }
    const rnd = random(7)
    const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!
    const now = new Date().toISOString()
    await client.query('begin')
    const buyer = (slug: string, name: string, parent: string | null, inherit: boolean) => ({ id: randomUUID(), kind: 'buyer', name, slug, country: 'VN', default_currency: 'VND', locale: 'vi', status: 'active', parent_id: parent, inherit_prices: inherit, created_at: now, updated_at: now })
    const group = buyer('bench-buyer-group', 'Bench Buyer Group', null, false)
    const company = buyer('bench-buyer', 'Bench Buyer', group.id, true)
    const others = Array.from({ length: 20 }, (_, i) => buyer(`bench-buyer-other-${i + 1}`, `Bench Other Buyer ${i + 1}`, null, false))
    await insert(client, 'organization', { id: 'uuid', kind: 'text', name: 'text', slug: 'text', country: 'text', default_currency: 'text', locale: 'text', status: 'text', parent_id: 'uuid', inherit_prices: 'bool', created_at: 'timestamptz', updated_at: 'timestamptz' }, [group, company, ...others])
    const user = { id: randomUUID(), email: BENCH_BUYER_EMAIL, name: 'Bench Buyer', password_hash: await hashPassword(BENCH_BUYER_PASSWORD), created_at: now, updated_at: now }
    await insert(client, 'app_user', { id: 'uuid', email: 'text', name: 'text', password_hash: 'text', created_at: 'timestamptz', updated_at: 'timestamptz' }, [user])
    await insert(client, 'membership', { id: 'uuid', user_id: 'uuid', organization_id: 'uuid', role: 'text', created_at: 'timestamptz' }, [{ id: randomUUID(), user_id: user.id, organization_id: company.id, role: 'buyer', created_at: now }])

    const sellers = (await client.query(`select id from organization where slug like 'bench-distributor-%' order by slug`)).rows.map((r) => r.id as string)
    const offers = (await client.query(`select o.id, o.organization_id, (p.mpn <= $1) as hot from offer o join product p on p.id = o.product_id where p.mpn like 'BENCH-%'`, [`BENCH-${String(HOT_PRODUCTS).padStart(5, '0')}`])).rows as { id: string; organization_id: string; hot: boolean }[]
    const groups: Record<string, unknown>[] = []
    const customers: Record<string, unknown>[] = []
    const lists: Record<string, unknown>[] = []
    const targets: Record<string, unknown>[] = []
    const entries: Record<string, unknown>[] = []
    for (const seller of sellers) {
      const own = offers.filter((o) => o.organization_id === seller)
      const hot = own.filter((o) => o.hot)
      const sellerGroups = ['Contractors', 'Dealers'].map((name) => ({ id: randomUUID(), organization_id: seller, name, created_at: now, updated_at: now }))
      groups.push(...sellerGroups)
      const customer = (buyerId: string, groupId: string | null) => ({ id: randomUUID(), organization_id: seller, buyer_id: buyerId, group_id: groupId, account_number: null, approved: true, created_at: now, updated_at: now })
      const mine = customer(company.id, sellerGroups[0]!.id)
      const parent = customer(group.id, null)
      const rest = others.slice(0, 5).map((o, i) => customer(o.id, sellerGroups[i % 2]!.id))
      customers.push(mine, parent, ...rest)
      for (let l = 0; l < LISTS_PER_SELLER; l++) {
        const r = rnd()
        const scope = r < 0.15 ? 'contract' : r < 0.35 ? 'company' : r < 0.65 ? 'group' : 'everyone'
        const w = rnd()
        const list = { id: randomUUID(), organization_id: seller, name: `Bench ${scope} ${l + 1}`, currency: 'VND', scope, priority: Math.floor(rnd() * 6), valid_from: w < 0.1 ? new Date(Date.now() - 30 * 86_400_000).toISOString() : null, valid_to: w < 0.05 ? new Date(Date.now() - 86_400_000).toISOString() : w < 0.1 ? new Date(Date.now() + 365 * 86_400_000).toISOString() : null, active: rnd() < 0.95, created_at: now, updated_at: now }
        lists.push(list)
        if (scope === 'group') targets.push({ id: randomUUID(), organization_id: seller, price_list_id: list.id, group_id: pick(sellerGroups).id, customer_id: null })
        if (scope === 'contract' || scope === 'company') {
          const t = rnd()
          targets.push({ id: randomUUID(), organization_id: seller, price_list_id: list.id, group_id: null, customer_id: (t < 0.4 ? mine : t < 0.6 ? parent : pick(rest)).id })
        }
        const chosen = new Set<string>()
        for (let k = 0; k < HOT_PER_LIST && hot.length; k++) chosen.add(pick(hot).id)
        while (chosen.size < Math.min(ENTRIES_PER_LIST, own.length)) chosen.add(pick(own).id)
        for (const offerId of chosen) {
          const percent = rnd() < 0.3
          const base = 10_000 + Math.floor(rnd() * 5_000_000)
          const tiers = percent ? null : [{ minQty: 1, amount: base }, ...(rnd() < 0.5 ? [{ minQty: 10, amount: Math.floor(base * 0.95) }] : []), ...(rnd() < 0.3 ? [{ minQty: 50, amount: Math.floor(base * 0.9) }] : [])]
          entries.push({ id: randomUUID(), organization_id: seller, price_list_id: list.id, offer_id: offerId, tiers, percent_off_bp: percent ? 100 + Math.floor(rnd() * 2900) : null, created_at: now, updated_at: now })
        }
      }
    }
    const stamp = { created_at: 'timestamptz', updated_at: 'timestamptz' }
    await insert(client, 'customer_group', { id: 'uuid', organization_id: 'uuid', name: 'text', ...stamp }, groups)
    await insert(client, 'customer', { id: 'uuid', organization_id: 'uuid', buyer_id: 'uuid', group_id: 'uuid', account_number: 'text', approved: 'bool', ...stamp }, customers)
    await insert(client, 'price_list', { id: 'uuid', organization_id: 'uuid', name: 'text', currency: 'text', scope: 'text', priority: 'int', valid_from: 'timestamptz', valid_to: 'timestamptz', active: 'bool', ...stamp }, lists)
    await insert(client, 'price_list_target', { id: 'uuid', organization_id: 'uuid', price_list_id: 'uuid', group_id: 'uuid', customer_id: 'uuid' }, targets)
    await insert(client, 'price_list_entry', { id: 'uuid', organization_id: 'uuid', price_list_id: 'uuid', offer_id: 'uuid', tiers: 'jsonb', percent_off_bp: 'int', ...stamp }, entries)
    await client.query('commit')
    // As autovacuum leaves a table at rest: its visibility map set, so resolution reads the
    // entries from their covering index alone.
    await client.query('vacuum analyze price_list_entry')
    await client.query('analyze')
    return { created: true, lists: lists.length, entries: entries.length, buyerId: company.id }
  })
}
