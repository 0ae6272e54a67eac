// Where root keeps a clone's database when the `postgres` system user cannot enter the clone: a
// folder outside it, named after the clone's path. The clone and that folder are paired by a token
// written to both, so a new clone at the same path (whose uploads and local Stripe state are new)
// does not inherit the old clone's database.
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'

/**
 * Pairs `fallback` (a data folder outside the clone) with the clone whose data folder it stands in
 * for (`intended`, inside the clone's `.tradepost`). Returns what it found: `new` (no data yet),
 * `kept` (this clone's), `adopted` (data from before the pairing existed: kept, now paired) or
 * `replaced` (another clone's, at the same path: removed, so a fresh cluster is made).
 */
export function claimFallbackDataDir(intended: string, fallback: string): 'new' | 'kept' | 'adopted' | 'replaced' {
  const cloneToken = join(dirname(intended), 'postgres-elsewhere')
  const dataToken = `${fallback}.owner`
  const read = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8').trim() : null)
  const mine = read(cloneToken)
  const theirs = read(dataToken)
  let found: 'new' | 'kept' | 'adopted' | 'replaced'
  if (!existsSync(join(fallback, 'PG_VERSION'))) found = 'new'
  else if (theirs === null) found = 'adopted'
  else if (theirs === mine) return 'kept'
  else found = 'replaced'
  if (found === 'replaced') {
    rmSync(fallback, { recursive: true, force: true })
    rmSync(`${fallback}.log`, { force: true })
  }
  const token = mine ?? randomBytes(16).toString('hex')
  mkdirSync(dirname(cloneToken), { recursive: true })
  mkdirSync(dirname(dataToken), { recursive: true })
  writeFileSync(cloneToken, `${token}\n`)
  writeFileSync(dataToken, `${token}\n`)
  return found
}
