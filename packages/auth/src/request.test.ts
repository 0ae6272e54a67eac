import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { changeOrganizationStatus } from '@tradepost/domain/organizations'
import { createOrganization } from '@tradepost/domain/testing'
import { createTestDatabase, type TestDatabase } from '@tradepost/domain/testing/test-database'
import { Membership } from '@tradepost/domain/users'
import { Customer } from '@tradepost/domain/pricing'
import { createAuthKit, type AuthKit } from './request.ts'
import { getServices } from './services.ts'

let db: TestDatabase
let kit: AuthKit
const ORIGIN = 'http://portal.test'

beforeAll(async () => {
  db = await createTestDatabase()
  process.env.DATABASE_URL = db.url
  kit = createAuthKit({ app: 'portal', cookieName: 'tp_test', kinds: ['operator', 'distributor', 'manufacturer'], getLocale: async () => 'en' })
})
afterAll(async () => {
  const services = await getServices()
  await services.boss.stop({ graceful: false })
  await services.orm.close()
  await db?.close()
})

const cookieValue = (setCookie: string) => /tp_test=([^;]*)/.exec(setCookie)![1]!
const request = (cookie: string | null, init: RequestInit = {}) =>
  new Request(`${ORIGIN}/members`, { ...init, headers: { Host: 'portal.test', ...(cookie ? { Cookie: `tp_test=${cookie}` } : {}), ...(init.headers ?? {}) } })

describe('the request context', () => {
  it('resolves the signed-in member as the actor, with HttpOnly SameSite=Lax cookies', async () => {
    const { org, admin } = await createOrganization(db.orm.em.fork(), { kind: 'distributor' })
    const setCookie = await kit.startSession(admin.user.id, org.id)
    expect(setCookie).toMatch(/HttpOnly/)
    expect(setCookie).toMatch(/SameSite=Lax/)
    const rc = await kit.getRequestContext(request(cookieValue(setCookie)))
    expect(rc.ctx.actor).toMatchObject({ userId: admin.user.id, membership: { organizationId: org.id, role: 'admin' } })
  })

  it('starts a session signed in without a named organization in the first one of this app (as the actor would be)', async () => {
    const { org, admin } = await createOrganization(db.orm.em.fork(), { kind: 'distributor' })
    const later = await createOrganization(db.orm.em.fork(), { kind: 'manufacturer' })
    const em = db.orm.em.fork()
    em.create(Membership, { userId: admin.user.id, organizationId: later.org.id, role: 'admin' })
    await em.flush()
    const cookie = cookieValue(await kit.startSession(admin.user.id, null))
    const activeOf = async (userId: string) => (await db.orm.em.fork().execute<{ id: string | null }[]>(`select active_organization_id as id from session where user_id = ?`, [userId])).map((r) => r.id)
    expect(await activeOf(admin.user.id)).toEqual([org.id])
    const rc = await kit.getRequestContext(request(cookie))
    expect(rc.ctx.actor.membership?.organizationId).toBe(org.id)
    expect(rc.organizations.map((o) => o.organizationId).sort()).toEqual([org.id, later.org.id].sort())
    // Someone with no organization of this app's kinds starts in none.
    const buyer = await createOrganization(db.orm.em.fork(), { kind: 'buyer' })
    await kit.startSession(buyer.admin.user.id, null)
    expect(await activeOf(buyer.admin.user.id)).toEqual([null])
  })

  it('reads the session, the memberships and the company\'s audiences in one statement', async () => {
    const market = createAuthKit({ app: 'marketplace', cookieName: 'tp_test', kinds: ['buyer'], getLocale: async () => 'en' })
    const seller = await createOrganization(db.orm.em.fork(), { kind: 'distributor' })
    const { org, admin } = await createOrganization(db.orm.em.fork(), { kind: 'buyer' })
    const other = await createOrganization(db.orm.em.fork(), { kind: 'buyer' })
    const em = db.orm.em.fork()
    const customer = em.create(Customer, { organizationId: seller.org.id, buyerId: org.id })
    em.create(Membership, { userId: admin.user.id, organizationId: other.org.id, role: 'buyer' })
    await em.flush()
    // A buyer (a company admin's page also reads the companies below theirs).
    await em.nativeUpdate(Membership, { userId: admin.user.id, organizationId: org.id }, { role: 'buyer' })
    const cookie = cookieValue(await market.startSession(admin.user.id, org.id))
    // Every statement while the request's context is worked out: through the ORM, or prepared on its pool.
    const statements: string[] = []
    const connection = (await getServices()).orm.em.getConnection() as unknown as { execute: (...args: unknown[]) => unknown; getNativeClient(): Promise<{ query: (...args: unknown[]) => unknown }> }
    const pool = await connection.getNativeClient()
    const [execute, query] = [connection.execute, pool.query]
    connection.execute = (...args: unknown[]) => (statements.push(String(args[0])), execute.apply(connection, args))
    pool.query = (...args: unknown[]) => (statements.push(String((args[0] as { text?: string }).text ?? args[0])), query.apply(pool, args))
    const rc = await market.getRequestContext(request(cookie)).finally(() => ([connection.execute, pool.query] = [execute, query]))
    expect(statements).toHaveLength(1)
    expect(rc.ctx.actor).toMatchObject({ userId: admin.user.id, audience: expect.arrayContaining([`customer:${customer.id}`]), membership: { organizationId: org.id, role: 'buyer' } })
    expect(rc.organizations.map((o) => o.organizationId).sort()).toEqual([org.id, other.org.id].sort())
  })

  it('refuses state-changing requests from another origin or without one', async () => {
    for (const origin of ['http://evil.example', null]) {
      const attempt = kit.getRequestContext(request(null, { method: 'POST', headers: origin ? { Origin: origin } : {} }))
      await expect(attempt).rejects.toSatisfy((r: unknown) => r instanceof Response && r.status === 403)
    }
    await expect(kit.getRequestContext(request(null, { method: 'POST', headers: { Origin: ORIGIN } }))).resolves.toBeTruthy()
  })

  it('signs out of every session at once', async () => {
    const { org, admin } = await createOrganization(db.orm.em.fork(), { kind: 'distributor' })
    const first = cookieValue(await kit.startSession(admin.user.id, org.id))
    const second = cookieValue(await kit.startSession(admin.user.id, org.id))
    const rc = await kit.getRequestContext(request(first))
    const cleared = await kit.endSession(rc, 'all')
    expect(cleared).toMatch(/tp_test=;/)
    for (const cookie of [first, second]) {
      const after = await kit.getRequestContext(request(cookie))
      expect(after.user).toBeNull()
      expect(after.headers.get('Set-Cookie')).toMatch(/tp_test=;/)
    }
  })

  it('stops members of a suspended organization from acting, and ends their sessions', async () => {
    const operator = await createOrganization(db.orm.em.fork(), { kind: 'operator' })
    const { org, admin } = await createOrganization(db.orm.em.fork(), { kind: 'distributor' })
    const cookie = cookieValue(await kit.startSession(admin.user.id, org.id))
    await expect(kit.requireMember(request(cookie))).resolves.toBeTruthy()
    const suspended = await changeOrganizationStatus(db.ctx(operator.admin.actor), { organizationId: org.id, transition: 'suspend', origin: ORIGIN })
    expect(suspended.ok).toBe(true)
    // The session is gone; a new one sees the suspended organization and may not act.
    expect((await kit.getRequestContext(request(cookie))).user).toBeNull()
    const fresh = cookieValue(await kit.startSession(admin.user.id, org.id))
    await expect(kit.requireMember(request(fresh))).rejects.toSatisfy((r: unknown) => r instanceof Response && r.status === 403)
  })
})
