// A large, deterministic world for benchmarks: 50 distributors with 200 warehouses, 10,000
// products of 3 manufacturers and 100,000 offers with stock. Written with bulk SQL (rows are
// plain data, no domain rules to apply). Idempotent: skipped when it is already there.
import { randomUUID } from 'node:crypto'
import pg from 'pg'

export interface LargeWorldOptions {
  products?: number
  offers?: number
  distributors?: number
  warehousesPerDistributor?: number
}

const CITIES = [
  ['Hà Nội', 'VN-HN', 21.0285, 105.8542], ['TP. Hồ Chí Minh', 'VN-SG', 10.7769, 106.7009], ['Đà Nẵng', 'VN-DN', 16.0544, 108.2022],
  ['Hải Phòng', 'VN-HP', 20.8449, 106.6881], ['Cần Thơ', 'VN-CT', 10.0452, 105.7469], ['Biên Hòa', 'VN-39', 10.9574, 106.8427],
  ['Nha Trang', 'VN-34', 12.2388, 109.1967], ['Huế', 'VN-26', 16.4637, 107.5909], ['Vinh', 'VN-22', 18.6796, 105.6813],
  ['Quy Nhơn', 'VN-31', 13.782, 109.2196], ['Buôn Ma Thuột', 'VN-33', 12.6667, 108.05], ['Thái Nguyên', 'VN-69', 21.5942, 105.8482],
] as const
const TYPES = [
  ['circuit-breakers', 'Circuit breaker', 'Cầu dao'], ['circuit-breakers', 'Residual current device', 'Thiết bị chống dòng rò'],
  ['cables', 'Copper cable', 'Dây cáp đồng'], ['cables', 'Armoured cable', 'Cáp bọc giáp'],
  ['pumps', 'Centrifugal pump', 'Máy bơm ly tâm'], ['pumps', 'Submersible pump', 'Máy bơm chìm'],
] as const

/** Deterministic pseudo-random numbers (mulberry32), so every run builds the same world. */
export function random(seed: number) {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export async function insert(client: pg.PoolClient, table: string, columns: Record<string, string>, rows: Record<string, unknown>[]) {
  const names = Object.keys(columns)
  for (let i = 0; i < rows.length; i += 5000) {
    const chunk = rows.slice(i, i + 5000)
    await client.query(
      `insert into ${table} (${names.map((n) => `"${n}"`).join(', ')}) select ${names.map((n) => `r."${n}"`).join(', ')} from jsonb_to_recordset($1::jsonb) as r(${names.map((n) => `"${n}" ${columns[n]}`).join(', ')})`,
      [JSON.stringify(chunk)],
    )
  }
}

/** One connection for a bulk write: a failed write is rolled back, and the connection always closed. */
export async function withBulkClient<T>(databaseUrl: string, write: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 })
  const client = await pool.connect()
  try {
    return await write(client)
  } catch (error) {
    await client.query('rollback').catch(() => {})
    throw error
  } finally {
    client.release()
    await pool.end()
  }
}

export async function generateLargeWorld(databaseUrl: string, options: LargeWorldOptions = {}): Promise<{ created: boolean; products: number; offers: number }> {
  const productCount = options.products ?? 10_000
  const offerCount = options.offers ?? 100_000
  const distributorCount = options.distributors ?? 50
  const perDistributor = options.warehousesPerDistributor ?? 4
  return withBulkClient(databaseUrl, async (client) => {
    const exists = await client.query(`select count(*)::int as n from product where mpn like 'BENCH-%'`)
    if (exists.rows[0].n >= productCount) return { created: false, products: exists.rows[0].n, offers: offerCount }
    const rnd = random(42)
    const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!
    const now = new Date().toISOString()
    const categories = new Map((await client.query(`select id, slug from category`)).rows.map((r) => [r.slug as string, r.id as string]))
    if (!categories.has('pumps')) throw new Error('seed the demo catalog first (its categories are reused)')

    await client.query('begin')
    const org = (kind: string, i: number) => ({ id: randomUUID(), kind, name: `${kind === 'manufacturer' ? 'Bench Manufacturer' : 'Bench Distributor'} ${i}`, slug: `bench-${kind}-${i}`, country: 'VN', default_currency: 'VND', locale: 'vi', status: 'active', created_at: now, updated_at: now })
    const orgColumns = { id: 'uuid', kind: 'text', name: 'text', slug: 'text', country: 'text', default_currency: 'text', locale: 'text', status: 'text', created_at: 'timestamptz', updated_at: 'timestamptz' }
    const makers = [1, 2, 3].map((i) => org('manufacturer', i))
    const distributors = Array.from({ length: distributorCount }, (_, i) => org('distributor', i + 1))
    await insert(client, 'organization', orgColumns, [...makers, ...distributors])

    const warehouses = distributors.flatMap((d) =>
      Array.from({ length: perDistributor }, (_, k) => {
        const [city, code, lat, lng] = pick(CITIES)
        return { id: randomUUID(), organization_id: d.id, name: `${d.name} – ${city} ${k + 1}`, address_line: `${100 + k} Đường số ${k + 1}`, city, subdivision_code: code, country: 'VN', latitude: lat + (rnd() - 0.5) * 0.2, longitude: lng + (rnd() - 0.5) * 0.2, created_at: now, updated_at: now }
      }),
    )
    await insert(client, 'warehouse', { id: 'uuid', organization_id: 'uuid', name: 'text', address_line: 'text', city: 'text', subdivision_code: 'text', country: 'text', latitude: 'float8', longitude: 'float8', created_at: 'timestamptz', updated_at: 'timestamptz' }, warehouses)

    const brands = makers.map((m, i) => ({ id: randomUUID(), organization_id: m.id, name: `Bench Brand ${i + 1}`, slug: `bench-brand-${i + 1}`, created_at: now }))
    await insert(client, 'brand', { id: 'uuid', organization_id: 'uuid', name: 'text', slug: 'text', created_at: 'timestamptz' }, brands)
    // Every distributor is authorized nationwide for every bench brand.
    const cities = [...new Set(CITIES.map((c) => c[1]))]
    await insert(client, 'distributor_authorization', { id: 'uuid', organization_id: 'uuid', distributor_id: 'uuid', brand_id: 'uuid', subdivisions: 'jsonb', circles: 'jsonb', created_at: 'timestamptz' },
      brands.flatMap((b) => distributors.map((d) => ({ id: randomUUID(), organization_id: b.organization_id, distributor_id: d.id, brand_id: b.id, subdivisions: cities, circles: [], created_at: now }))))

    const products = Array.from({ length: productCount }, (_, i) => {
      const [category, en, vi] = pick(TYPES)
      const brand = brands[i % brands.length]!
      const size = 10 + Math.floor(rnd() * 990)
      const mpn = `BENCH-${String(i + 1).padStart(5, '0')}`
      return {
        id: randomUUID(), organization_id: brand.organization_id, brand_id: brand.id, category_id: categories.get(category)!, mpn, slug: `bench-${mpn.toLowerCase()}`,
        name_en: `${en} ${size} ${i % 7 === 0 ? 'industrial' : 'standard'}`, name_vi: `${vi} ${size} ${i % 7 === 0 ? 'công nghiệp' : 'tiêu chuẩn'}`,
        description_en: `${en} from ${brand.name}.`, description_vi: `${vi} của ${brand.name}.`, attributes: {}, unit_of_measure: 'piece', pack_size: 1, status: 'published', seller_listed: false, created_at: now, updated_at: now,
      }
    })
    await insert(client, 'product', { id: 'uuid', organization_id: 'uuid', brand_id: 'uuid', category_id: 'uuid', mpn: 'text', slug: 'text', name_en: 'text', name_vi: 'text', description_en: 'text', description_vi: 'text', attributes: 'jsonb', unit_of_measure: 'text', pack_size: 'int', status: 'text', seller_listed: 'bool', created_at: 'timestamptz', updated_at: 'timestamptz' }, products)

    const offers: Record<string, unknown>[] = []
    const stock: Record<string, unknown>[] = []
    const byDistributor = new Map(distributors.map((d) => [d.id, warehouses.filter((w) => w.organization_id === d.id)]))
    for (let i = 0; i < offerCount; i++) {
      const product = products[i % productCount]!
      const distributor = distributors[(i * 7 + Math.floor(i / productCount)) % distributorCount]!
      const id = randomUUID()
      offers.push({ id, organization_id: distributor.id, product_id: product.id, sku: `${distributor.slug.slice(-6)}-${i}`, price_amount: 10_000 + Math.floor(rnd() * 5_000_000), currency: 'VND', min_order_qty: 1, order_multiple: 1, lead_time_days: Math.floor(rnd() * 10), condition: 'new', status: 'active', created_at: now, updated_at: now })
      if (rnd() < 0.8) {
        const w = pick(byDistributor.get(distributor.id)!)
        stock.push({ id: randomUUID(), organization_id: distributor.id, offer_id: id, warehouse_id: w.id, quantity: 1 + Math.floor(rnd() * 500), updated_at: now })
      }
    }
    await insert(client, 'offer', { id: 'uuid', organization_id: 'uuid', product_id: 'uuid', sku: 'text', price_amount: 'bigint', currency: 'text', min_order_qty: 'int', order_multiple: 'int', lead_time_days: 'int', condition: 'text', status: 'text', created_at: 'timestamptz', updated_at: 'timestamptz' }, offers)
    await insert(client, 'offer_stock', { id: 'uuid', organization_id: 'uuid', offer_id: 'uuid', warehouse_id: 'uuid', quantity: 'int', updated_at: 'timestamptz' }, stock)
    await client.query('commit')
    await client.query('analyze')
    return { created: true, products: productCount, offers: offerCount }
  })
}
