// `npm test`: typecheck, unit and integration tests (Vitest, real PostgreSQL), then end-to-end
// tests (Playwright, real Chromium) against production builds of both apps.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { prepareDatabase } from '@tradepost/domain/db/prepare'
import { createOrm } from '@tradepost/domain/db'
import { freePorts, startEmbeddedPostgres, type RunningPostgres } from '@tradepost/infra/postgres'
import { createSearchIndex, reindexAll } from '@tradepost/search'
import { createFileStorage } from '@tradepost/infra/storage'
import { seedDemo } from '@tradepost/seeds/demo'
import { fail, log, pnpm, root } from './lib.ts'

const started = Date.now()
// `npm test -- <file or text>…` runs only the end-to-end tests that match (after typecheck and build).
const only = process.argv.slice(3)

function findChromium(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((p): p is string => !!p)
  for (const candidate of candidates) if (existsSync(candidate)) return candidate
  // Playwright's own browser, when one was installed with `npx playwright install chromium`.
  const cache = join(process.env.HOME ?? '', '.cache', 'ms-playwright')
  if (existsSync(cache)) return ''
  // As root on Debian or Ubuntu, install Debian's chromium (Playwright's own download is not
  // always reachable, and its major version matches Debian's).
  if (process.getuid?.() === 0 && existsSync('/etc/debian_version') && existsSync('/usr/bin/apt-get')) {
    log("no Chromium found: installing Debian's chromium package for the end-to-end tests (once)")
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
    const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env })
    const install = update.status === 0 ? spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: ['ignore', 'ignore', 'inherit'], env }) : update
    if (install.status === 0 && existsSync('/usr/bin/chromium')) return '/usr/bin/chromium'
    fail('installing chromium with apt-get failed (see above); install it yourself or set CHROMIUM_PATH')
  }
  fail(
    'No Chromium found for the end-to-end tests, the one thing `npm test` needs besides Node. Install one ' +
      '(Debian/Ubuntu: `sudo apt-get install chromium`), set CHROMIUM_PATH to a Chromium or Chrome binary, or run `npx playwright install chromium`.',
  )
}

const chromium = findChromium()
log(`Chromium: ${chromium || "Playwright's own"}`)

log('typecheck and build')
if (pnpm(['exec', 'turbo', 'run', 'typecheck', 'build', '--output-logs=errors-only']) !== 0) fail('typecheck or build failed (see above)')

// One PostgreSQL for the whole run: Vitest copies a template database per test file, the
// end-to-end tests get a seeded database of their own.
let postgres: RunningPostgres | undefined
let serverUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL
const workDir = mkdtempSync(join(tmpdir(), 'tradepost-test-'))
if (!serverUrl) {
  postgres = await startEmbeddedPostgres({ dataDir: join(workDir, 'pg'), fast: true, port: 55432 })
  serverUrl = postgres.url
  log(`embedded PostgreSQL on port ${postgres.port}`)
}
const cleanup = async () => {
  await postgres?.stop()
  rmSync(workDir, { recursive: true, force: true })
}
process.on('SIGINT', () => void cleanup().then(() => process.exit(130)))

interface Counts {
  passed: number
  failed: number
  skipped: number
}
const total: Counts = { passed: 0, failed: 0, skipped: 0 }

const vitestJson = join(workDir, 'vitest.json')
let vitestStatus = 0
if (only.length) log(`only the end-to-end tests matching ${only.join(' ')}`)
else {
  log('unit and integration tests (Vitest)')
  vitestStatus = pnpm(['exec', 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`], { TEST_DATABASE_URL: serverUrl })
}
if (existsSync(vitestJson)) {
  const r = JSON.parse(readFileSync(vitestJson, 'utf8'))
  total.passed += r.numPassedTests
  total.failed += r.numFailedTests
  total.skipped += r.numPendingTests + (r.numTodoTests ?? 0)
} else if (vitestStatus !== 0) total.failed += 1


log('end-to-end tests (Playwright)')
let e2eStatus = 1
try {
  const e2eName = `tradepost_e2e_${process.pid}`
  const url = new URL(serverUrl)
  url.pathname = '/postgres'
  const pg = (await import('pg')).default
  const admin = new pg.Client({ connectionString: url.toString() })
  await admin.connect()
  await admin.query(`drop database if exists "${e2eName}" with (force)`)
  await admin.query(`create database "${e2eName}"`)
  await admin.end()
  url.pathname = `/${e2eName}`
  const e2eUrl = url.toString()
  await prepareDatabase(e2eUrl)
  const orm = await createOrm(e2eUrl, { pool: { min: 0, max: 1 } })
  await seedDemo(orm.em.fork(), { storage: createFileStorage({ ...process.env, UPLOAD_DIR: join(workDir, 'uploads') }) })
  const searchIndex = createSearchIndex({ ...process.env, DATABASE_URL: e2eUrl })
  await reindexAll(orm.em, searchIndex)
  await searchIndex.close()
  await orm.close()
  const playwrightJson = join(workDir, 'playwright.json')
  // Seven free ports in a row for the apps and the local Stripe (two runs can share a machine), uploads in this run's folder.
  const e2ePort = await freePorts(3100, 7)
  e2eStatus = pnpm(['exec', 'playwright', 'test', '-c', 'e2e/playwright.config.ts', ...only], {
    TRADEPOST_E2E_PORT: String(e2ePort),
    UPLOAD_DIR: join(workDir, 'uploads'),
    DATABASE_URL: e2eUrl,
    CHROMIUM_PATH: chromium,
    PLAYWRIGHT_JSON_OUTPUT_FILE: playwrightJson,
  })
  if (existsSync(playwrightJson)) {
    const s = JSON.parse(readFileSync(playwrightJson, 'utf8')).stats
    total.passed += s.expected + (s.flaky ?? 0)
    total.failed += s.unexpected
    total.skipped += s.skipped
  } else if (e2eStatus !== 0) total.failed += 1
  const reconnect = new pg.Client({ connectionString: serverUrl })
  await reconnect.connect()
  await reconnect.query(`drop database if exists "${e2eName}" with (force)`)
  await reconnect.end()
} catch (error) {
  console.error(error)
  total.failed += 1
}

await cleanup()
const ok = vitestStatus === 0 && e2eStatus === 0 && total.failed === 0
log(`finished in ${((Date.now() - started) / 1000).toFixed(0)} s`)
console.log(`\ntests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`)
process.exit(ok ? 0 : 1)
