import { buildSearchDocuments, Product } from '@tradepost/domain/catalog'
import type { EntityManager } from '@tradepost/domain/db'
import type { SearchIndex } from './port.ts'

/** Rebuilds the index from the database, in batches. Returns how many documents it wrote. */
export async function reindexAll(em: EntityManager, index: SearchIndex, batchSize = 500): Promise<number> {
  await index.setup()
  let written = 0
  let after = ''
  for (;;) {
    const batch = await em.fork().find(Product, { status: 'published', id: { $gt: after || '00000000-0000-0000-0000-000000000000' } }, { orderBy: { id: 'asc' }, limit: batchSize, fields: ['id'] })
    if (!batch.length) return written
    const { documents } = await buildSearchDocuments(em.fork(), batch.map((p) => p.id))
    await index.upsert(documents)
    written += documents.length
    after = batch[batch.length - 1]!.id
  }
}
