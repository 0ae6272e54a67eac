// bench/import: an offers CSV of many rows through the same path as an upload (startImport, then
// the job's runImport), for a distributor kept for the purpose whose offers are removed afterwards. Prints the
// rows per second, and the same file's parse pass alone as the baseline.
import { parse } from 'csv-parse'
import { createOrm } from '@tradepost/domain/db'
import { createCtx } from '@tradepost/domain/ctx'
import { offersCsvChunks, runImport, startImport, type ImportKind } from '@tradepost/domain/imports'
import { pgBossJobQueue, startJobQueue } from '@tradepost/domain/jobs'
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql'
import type { Actor } from '@tradepost/domain/authz'
import { DistributorAuthorization } from '@tradepost/domain/catalog'
import { Organization } from '@tradepost/domain/organizations'
import { Membership } from '@tradepost/domain/users'
import { actorFor, addMember, createOrganization, createWarehouse } from '@tradepost/domain/testing'

/** The distributor that imports (made on the first run): an admin and two warehouses. */
async function benchImporter(em: EntityManager): Promise<{ org: Organization; actor: Actor }> {
  const existing = await em.findOne(Organization, { slug: 'bench-importer' })
  if (existing) {
    const admin = await em.findOneOrFail(Membership, { organizationId: existing.id, role: 'admin' })
    return { org: existing, actor: actorFor(admin.userId, existing, 'admin') }
  }
  const created = await createOrganization(em, { kind: 'distributor', name: 'Bench Importer' })
  await createWarehouse(em, created.org, { subdivisionCode: 'VN-SG', latitude: 10.78, longitude: 106.7, name: 'Kho Thủ Đức' })
  await createWarehouse(em, created.org, { subdivisionCode: 'VN-HN', latitude: 21.03, longitude: 105.85, name: 'Kho Long Biên' })
  return { org: created.org, actor: created.admin.actor }
}

/** Imports the lines as an upload would, and prints the time against parsing the same file alone. */
async function timeImport(orm: MikroORM, boss: Awaited<ReturnType<typeof startJobQueue>>, actor: Actor, kind: ImportKind, lines: string[], what: string) {
  const bytes = new TextEncoder().encode(lines.join('\n'))
  let t = performance.now()
  let parsed = 0
  for await (const _ of parse(Buffer.from(bytes), { columns: true, bom: true })) parsed++
  const parseSeconds = (performance.now() - t) / 1000

  const ctx = () => createCtx({ actor, em: orm.em.fork(), jobs: pgBossJobQueue(boss) })
  t = performance.now()
  const started = await startImport(ctx(), kind, { filename: `bench-${kind}.csv`, bytes })
  if (!started.ok) throw new Error(started.error.code)
  const done = await runImport(ctx(), started.value.id)
  const seconds = (performance.now() - t) / 1000
  console.log(`\nbench/import — ${what}: ${parsed.toLocaleString('en')} rows, ${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB`)
  console.log(`  parse only (baseline)          ${Math.round(parsed / parseSeconds).toLocaleString('en')} rows/s (${parseSeconds.toFixed(1)} s)`)
  console.log(`  import (validate and save)     ${Math.round(parsed / seconds).toLocaleString('en')} rows/s (${seconds.toFixed(1)} s; ${done.okRows.toLocaleString('en')} saved, ${done.errorRows} refused) · ${(seconds / parseSeconds).toFixed(0)}× parse`)
}

/** Exports the offers just imported, a batch at a time, against parsing the imported file; prints the heap it grew by. */
async function timeExport(orm: MikroORM, boss: Awaited<ReturnType<typeof startJobQueue>>, actor: Actor, lines: string[]) {
  let t = performance.now()
  let parsed = 0
  for await (const _ of parse(Buffer.from(lines.join('\n')), { columns: true, bom: true })) parsed++
  const parseSeconds = (performance.now() - t) / 1000
  globalThis.gc?.()
  const heapBefore = process.memoryUsage().heapUsed
  let heapPeak = heapBefore
  let bytes = 0
  let rows = -1
  t = performance.now()
  for await (const chunk of offersCsvChunks(createCtx({ actor, em: orm.em.fork(), jobs: pgBossJobQueue(boss) }))) {
    bytes += chunk.length
    rows += chunk.split('\n').length - 1
    heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed)
  }
  const seconds = (performance.now() - t) / 1000
  console.log(`\nbench/import — the same offers exported (streamed a batch at a time): ${rows.toLocaleString('en')} rows, ${(bytes / 1024 / 1024).toFixed(1)} MB`)
  console.log(`  export                         ${Math.round(rows / seconds).toLocaleString('en')} rows/s (${seconds.toFixed(1)} s) · ${(seconds / parseSeconds).toFixed(1)}× parsing the file · heap grew ≤ ${((heapPeak - heapBefore) / 1024 / 1024).toFixed(0)} MB`)
}

export async function benchImport(databaseUrl: string, rows: number) {
  const orm = await createOrm(databaseUrl, { pool: { min: 0, max: 4 } })
  const boss = await startJobQueue(databaseUrl)
  const em = orm.em.fork()
  const seller = await benchImporter(em)
  try {
    const products = await em.getConnection().execute<{ mpn: string; brand: string; brand_id: string; maker: string }[]>(
      `select p.mpn, b.slug as brand, b.id as brand_id, b.organization_id as maker from product p join brand b on b.id = p.brand_id where p.mpn like 'BENCH-%' and p.status = 'published' order by p.mpn`,
    )
    if (!products.length) throw new Error('no bench products: generate the large world first')
    // Authorized for every bench brand, like the generated distributors (setup data, written plainly).
    for (const brandId of new Set(products.map((p) => p.brand_id))) {
      if (!(await em.count(DistributorAuthorization, { brandId, distributorId: seller.org.id }))) {
        const maker = products.find((p) => p.brand_id === brandId)!.maker
        em.persist(em.create(DistributorAuthorization, { organizationId: maker, distributorId: seller.org.id, brandId, subdivisions: ['VN-SG', 'VN-HN'], circles: [] }))
      }
    }
    await em.flush()
    const lines = ['sku,brand,mpn,price,currency,min_order_qty,order_multiple,lead_time_days,condition,stock:Kho Thủ Đức,stock:Kho Long Biên']
    for (let i = 0; i < rows; i++) {
      const p = products[i % products.length]!
      lines.push(`IMP-${i},${p.brand},${p.mpn},${100_000 + (i % 997) * 1000},VND,1,1,${i % 7},new,${i % 50},${(i * 7) % 30}`)
    }
    await timeImport(orm, boss, seller.actor, 'offers', lines, 'an offers file, two stock columns')
    await timeExport(orm, boss, seller.actor, lines)

    // Products: a manufacturer's file of new, published products (removed afterwards).
    const maker = await em.findOneOrFail(Organization, { slug: 'bench-manufacturer-1' })
    const makerUserId = (await em.findOne(Membership, { organizationId: maker.id, role: 'admin' }))?.userId ?? (await addMember(em, maker, 'admin')).user.id
    const brandSlug = products.find((p) => p.maker === maker.id)!.brand
    const productLines = ['mpn,brand,category,name_en,name_vi,description_en,description_vi,gtin,unit,pack_size,status,attr:power']
    for (let i = 0; i < rows; i++) productLines.push(`IMP-${i},${brandSlug},pumps,Imported pump ${i},Máy bơm nhập ${i},,,,piece,1,published,${(i % 40) / 4}`)
    await timeImport(orm, boss, actorFor(makerUserId, maker, 'admin'), 'products', productLines, 'a products file, published, one attribute')
  } finally {
    // Leave the large world as it was: the importer's offers (and their stock) and the imported products go.
    await orm.em.fork().getConnection().execute(`delete from offer where organization_id = ?`, [seller.org.id])
    await orm.em.fork().getConnection().execute(`delete from product where mpn like 'IMP-%'`)
    await boss.stop({ graceful: false, close: true })
    await orm.close()
  }
}
