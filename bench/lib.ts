// Measuring helpers: latencies in milliseconds, percentiles, a closed-loop load generator.
import http from 'node:http'

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[i]!
}

export interface Stats {
  n: number
  p50: number
  p95: number
  rps: number
}

export function stats(latencies: number[], seconds: number): Stats {
  const sorted = [...latencies].sort((a, b) => a - b)
  return { n: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), rps: sorted.length / seconds }
}

/** Runs `task` over and over from `concurrency` loops for `seconds`; returns latencies. */
export async function load(task: (i: number) => Promise<void>, options: { concurrency: number; seconds: number; warmup?: number }): Promise<Stats> {
  for (let i = 0; i < (options.warmup ?? 20); i++) await task(i)
  const latencies: number[] = []
  const until = performance.now() + options.seconds * 1000
  let counter = 0
  const started = performance.now()
  await Promise.all(
    Array.from({ length: options.concurrency }, async () => {
      while (performance.now() < until) {
        const t = performance.now()
        await task(counter++)
        latencies.push(performance.now() - t)
      }
    }),
  )
  return stats(latencies, (performance.now() - started) / 1000)
}

export const fmt = (s: Stats) => `p50 ${s.p50.toFixed(1)} ms · p95 ${s.p95.toFixed(1)} ms · ${s.rps.toFixed(0)} req/s (n=${s.n})`
export const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`

/** Runs `task` once for each of `count` items, one at a time, in order: the same mix every run. */
export async function sequence(count: number, task: (i: number) => Promise<void>, warmup = 10): Promise<Stats> {
  for (let i = 0; i < warmup; i++) await task(i)
  const latencies: number[] = []
  const started = performance.now()
  for (let i = 0; i < count; i++) {
    const t = performance.now()
    await task(i)
    latencies.push(performance.now() - t)
  }
  return stats(latencies, (performance.now() - started) / 1000)
}

/**
 * Runs several tasks over the same `count` items, one at a time, taking turns item by item (the
 * order rotates), so that a machine getting busier or caches warming affect every task alike.
 */
export async function interleaved<K extends string>(count: number, tasks: Record<K, (i: number) => Promise<void>>, warmup = 10): Promise<Record<K, Stats & { latencies: number[] }>> {
  const names = Object.keys(tasks) as K[]
  for (let i = 0; i < warmup; i++) for (const name of names) await tasks[name](i)
  const latencies = Object.fromEntries(names.map((n) => [n, [] as number[]])) as Record<K, number[]>
  const busy = Object.fromEntries(names.map((n) => [n, 0])) as Record<K, number>
  for (let i = 0; i < count; i++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(i + k) % names.length]!
      const t = performance.now()
      await tasks[name](i)
      const took = performance.now() - t
      latencies[name].push(took)
      busy[name] += took
    }
  }
  return Object.fromEntries(names.map((n) => [n, { ...stats(latencies[n], busy[n] / 1000), latencies: latencies[n] }])) as Record<K, Stats & { latencies: number[] }>
}

/**
 * A lean GET for load generation (node:http over kept-alive connections, asking for gzip like a
 * browser): the load generator shares the machine with the server, so it should cost little.
 */
export function httpGet(extraHeaders: Record<string, string> = {}): (url: string) => Promise<void> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 })
  return (url) =>
    new Promise<void>((resolve, reject) => {
      http
        .get(url, { agent, headers: { 'Accept-Encoding': 'gzip', ...extraHeaders } }, (res) => {
          if (res.statusCode !== 200) reject(new Error(`${url} answered ${res.statusCode}`))
          res.on('data', () => {})
          res.on('end', resolve)
          res.on('error', reject)
        })
        .on('error', reject)
    })
}

/** Signs in through the app's own login form; returns the session cookie ("name=value"). */
export async function signIn(appUrl: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${appUrl}/login`, { method: 'POST', redirect: 'manual', headers: { Origin: appUrl, 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ email, password, redirectTo: '/' }) })
  const cookie = response.headers.getSetCookie().find((c) => /session=[^;]/.test(c))
  if (response.status !== 302 || !cookie) throw new Error(`signing in as ${email} answered ${response.status}`)
  return cookie.split(';')[0]!
}
