#!/usr/bin/env node
// Entry point of `npm start` and `npm test`. Plain JavaScript that runs on Node 18+:
// 1. when this Node is older than Tradepost needs, fetch Node 24 from the npm registry into
//    .tradepost/node (git-ignored) and re-run this script with it;
// 2. install the workspace with the pnpm pinned in package.json;
// 3. hand over to scripts/<command>.ts (TypeScript run by Node 24 itself).
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { delimiter, dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = dirname(dirname(fileURLToPath(import.meta.url)))
const NODE_VERSION = '24.21.0'
const MIN_NODE = [22, 17]
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
const PNPM = pkg.packageManager // "pnpm@x.y.z"
const command = process.argv[2]

function log(message) {
  process.stdout.write(`\x1b[36m[tradepost]\x1b[0m ${message}\n`)
}
function fail(message) {
  process.stderr.write(`\x1b[31m[tradepost]\x1b[0m ${message}\n`)
  process.exit(1)
}

if (!['start', 'test', 'bench', 'reindex'].includes(command)) fail('usage: node scripts/tradepost.mjs start|test|bench|reindex')

function nodeIsRecentEnough(version) {
  const [major, minor] = version.split('.').map(Number)
  return major > MIN_NODE[0] || (major === MIN_NODE[0] && minor >= MIN_NODE[1])
}

function ensureModernNode() {
  const platform = process.platform === 'win32' ? 'win' : process.platform
  const arch = process.arch
  const cache = join(root, '.tradepost', 'node', `${NODE_VERSION}-${platform}-${arch}`)
  const bin = join(cache, 'package', 'bin', 'node')
  if (!existsSync(bin)) {
    log(`Node ${process.versions.node} is older than ${MIN_NODE.join('.')}; fetching Node ${NODE_VERSION} from the npm registry (once, into .tradepost/node)`)
    rmSync(cache, { recursive: true, force: true })
    mkdirSync(cache, { recursive: true })
    const packed = spawnSync('npm', ['pack', `node-${platform}-${arch}@${NODE_VERSION}`, '--silent'], {
      cwd: cache,
      stdio: ['ignore', 'pipe', 'inherit'],
      encoding: 'utf8',
    })
    const tarball = readdirSync(cache).find((f) => f.endsWith('.tgz'))
    if (packed.status !== 0 || !tarball) fail(`could not fetch node-${platform}-${arch}@${NODE_VERSION}; install Node ${NODE_VERSION} yourself and run this again`)
    const untar = spawnSync('tar', ['xzf', tarball], { cwd: cache, stdio: 'inherit' })
    if (untar.status !== 0 || !existsSync(bin)) fail('could not unpack the Node tarball')
    rmSync(join(cache, tarball))
  }
  log(`continuing with Node ${NODE_VERSION} from .tradepost/node`)
  return bin
}

async function main() {
  if (!nodeIsRecentEnough(process.versions.node)) {
    const bin = ensureModernNode()
    const env = { ...process.env, PATH: `${dirname(bin)}${delimiter}${process.env.PATH ?? ''}` }
    const child = spawn(bin, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit', env })
    // The terminal sends Ctrl-C to the whole process group; the child shuts down by itself.
    // A signal sent to this process alone (a supervisor, CI) is passed on.
    for (const signal of ['SIGINT', 'SIGTERM']) {
      process.on(signal, () => {
        if (child.exitCode === null) child.kill(signal)
      })
    }
    child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
    return
  }

  const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1' }
  const frozen = existsSync(join(root, 'pnpm-lock.yaml')) ? ['--frozen-lockfile'] : []
  log(`installing dependencies with ${PNPM}`)
  const install = spawnSync('npx', ['--yes', PNPM, 'install', ...frozen, '--reporter=append-only'], {
    cwd: root,
    stdio: 'inherit',
    env,
  })
  if (install.status !== 0) fail('dependency installation failed (see above)')
  Object.assign(process.env, env)
  await import(pathToFileURL(join(root, 'scripts', `${command}.ts`)).href)
}

main().catch((error) => fail(error?.stack ?? String(error)))
