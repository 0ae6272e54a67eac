import { getServices } from './services.ts'

/** 200 when the database answers within 2 s, else 503. */
export async function readinessLoader(): Promise<Response> {
  const headers = { 'Content-Type': 'text/plain', 'Cache-Control': 'no-store' }
  try {
    const { orm } = await getServices()
    await Promise.race([
      orm.em.getConnection().execute('select 1'),
      new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 2000).unref()),
    ])
    return new Response('ready', { headers })
  } catch {
    return new Response('database unavailable', { status: 503, headers })
  }
}
