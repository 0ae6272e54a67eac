// Shared by scripts/start.ts and scripts/test.ts: running pnpm, child processes, the database.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const root = dirname(dirname(fileURLToPath(import.meta.url)))
const pnpmSpec = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).packageManager as string

export function log(message: string) {
  process.stdout.write(`\x1b[36m[tradepost]\x1b[0m ${message}\n`)
}
export function fail(message: string): never {
  process.stderr.write(`\x1b[31m[tradepost]\x1b[0m ${message}\n`)
  process.exit(1)
}

/** Runs `pnpm <args>` with the pinned pnpm, in the foreground. */
export function pnpm(args: string[], env: NodeJS.ProcessEnv = {}): number {
  const r = spawnSync('npx', ['--yes', pnpmSpec, ...args], { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } })
  return r.status ?? 1
}

export interface Service {
  name: string
  child: ChildProcess
}

export function startService(name: string, args: string[], env: NodeJS.ProcessEnv): Service {
  const child = spawn(process.execPath, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } })
  return { name, child }
}

/** Stops services newest first: SIGTERM, then SIGKILL after a short grace. */
export async function stopServices(services: Service[], signal: NodeJS.Signals = 'SIGTERM', graceMs = 3000) {
  await Promise.all(
    [...services].reverse().map(
      ({ child }) =>
        new Promise<void>((done) => {
          if (child.exitCode !== null || child.signalCode !== null) return done()
          const timer = setTimeout(() => child.kill('SIGKILL'), graceMs)
          child.once('exit', () => {
            clearTimeout(timer)
            done()
          })
          child.kill(signal)
        }),
    ),
  )
}

export async function waitForHttp(url: string, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs
  while (Date.now() < until) {
    try {
      const res = await fetch(url)
      if (res.ok) return
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`)
}
