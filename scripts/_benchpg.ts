import { join } from 'node:path'
import { startEmbeddedPostgres } from '@tradepost/infra/postgres'
const pg = await startEmbeddedPostgres({ dataDir: join(process.cwd(), '.tradepost', 'bench-postgres'), port: 56432 })
console.log('READY', await pg.ensureDatabase('tradepost_bench'))
process.on('SIGTERM', async () => { await pg.stop(); process.exit(0) })
setInterval(() => {}, 1 << 30)
