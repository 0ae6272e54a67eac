import { Lucia, TimeSpan, type Adapter, type DatabaseSession } from 'lucia'
import type { MikroORM } from '@tradepost/domain/db'
import { sessionStore } from '@tradepost/domain/users'

declare module 'lucia' {
  interface Register {
    Lucia: Lucia<SessionAttributes, UserAttributes>
    DatabaseSessionAttributes: SessionAttributes
    DatabaseUserAttributes: UserAttributes
  }
}
interface SessionAttributes {
  activeOrganizationId: string | null
  impersonatorUserId: string | null
}
interface UserAttributes {
  email: string
  name: string
  locale: string
}

/**
 * Lucia over the domain's session store. The store keys sessions by the SHA-256 of the id, so
 * sessions listed per user carry the hash where Lucia expects the id.
 */
function mikroOrmAdapter(orm: MikroORM): Adapter {
  const em = () => orm.em.fork()
  return {
    async getSessionAndUser(sessionId) {
      const found = await sessionStore.get(em(), sessionId)
      if (!found) return [null, null]
      const { session, user } = found
      return [
        { id: session.id, userId: session.userId, expiresAt: session.expiresAt, attributes: { activeOrganizationId: session.activeOrganizationId, impersonatorUserId: session.impersonatorUserId } },
        { id: user.id, attributes: { email: user.email, name: user.name, locale: user.locale } },
      ]
    },
    async getUserSessions(userId) {
      return (await sessionStore.listForUser(em(), userId)).map(
        (s, i): DatabaseSession => ({ id: `hashed-${i}`, userId: s.userId, expiresAt: s.expiresAt, attributes: { activeOrganizationId: s.activeOrganizationId, impersonatorUserId: s.impersonatorUserId } }),
      )
    },
    async setSession(session) {
      await sessionStore.create(em(), { id: session.id, userId: session.userId, expiresAt: session.expiresAt, ...session.attributes })
    },
    updateSessionExpiration: (sessionId, expiresAt) => sessionStore.updateExpiration(em(), sessionId, expiresAt),
    deleteSession: (sessionId) => sessionStore.delete(em(), sessionId),
    deleteUserSessions: (userId) => sessionStore.deleteForUser(em(), userId),
    deleteExpiredSessions: () => sessionStore.deleteExpired(em()),
  }
}

export function createLucia(orm: MikroORM, options: { cookieName: string; secure: boolean }) {
  return new Lucia(mikroOrmAdapter(orm), {
    sessionExpiresIn: new TimeSpan(30, 'd'),
    sessionCookie: { name: options.cookieName, attributes: { secure: options.secure, sameSite: 'lax' } },
    getSessionAttributes: (a) => a,
    getUserAttributes: (a) => a,
  })
}
export type AppLucia = ReturnType<typeof createLucia>
