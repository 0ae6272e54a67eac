import { useTestDatabase } from '@tradepost/domain/testing/test-database'
import { searchContract } from '../contract.ts'
import { createPostgresSearchIndex } from './postgres-index.ts'

const db = useTestDatabase()
searchContract('postgres', async () => createPostgresSearchIndex(db().url))
