import { buildSearchDocuments, Product } from '@tradepost/domain/catalog'
import type { EntityManager } from '@tradepost/domain/db'
import type { SearchIndex } from './port.ts'

/**
 * Rebuilds the index from the database without downtime: a new index is filled in batches and
 * swapped in; then products changed meanwhile are indexed again so no update is lost.
 */
export async function reindexAll(em: EntityManager, index: SearchIndex, batchSize = 500): Promise<number> {
  await index.setup()
  const startedAt = new Date(Date.now() - 1000)
  let written = 0
  await index.rebuild(async (write) => {
    let after = '00000000-0000-0000-0000-000000000000'
    for (;;) {
      const batch = await em.fork().find(Product, { status: 'published', id: { $gt: after } }, { orderBy: { id: 'asc' }, limit: batchSize, fields: ['id'] })
      if (!batch.length) return
      const { documents } = await buildSearchDocuments(em.fork(), batch.map((p) => p.id))
      await write(documents)
      written += documents.length
      after = batch[batch.length - 1]!.id
    }
  })
  const changed = await em.getConnection().execute<{ id: string }[]>(
    `select id from product where updated_at >= ? union select product_id from offer where updated_at >= ?
     union select o.product_id from offer_stock s join offer o on o.id = s.offer_id where s.updated_at >= ?`,
    [startedAt, startedAt, startedAt],
  )
  if (changed.length) {
    const { documents, removed } = await buildSearchDocuments(em.fork(), changed.map((r) => r.id))
    await index.upsert(documents)
    await index.remove(removed)
  }
  return written
}
