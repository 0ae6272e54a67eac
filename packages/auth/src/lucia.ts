import { Lucia, TimeSpan, type Adapter, type DatabaseSession } from 'lucia'
import type { MikroORM } from '@tradepost/domain/db'
import type { OrganizationKind } from '@tradepost/domain/organizations'
import { sessionStore, type MembershipRow } from '@tradepost/domain/users'

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
  /** The user's memberships in this app's kinds of organization, read with the session. */
  memberships?: MembershipRow[]
}

/**
 * Lucia over the domain's session store. The store keys sessions by the SHA-256 of the id, so
 * sessions listed per user carry the hash where Lucia expects the id. A session is read with the
 * user's memberships in the app's kinds of organization, in the same statement.
 */
function mikroOrmAdapter(orm: MikroORM, kinds: readonly OrganizationKind[]): Adapter {
  const em = () => orm.em.fork()
  return {
    async getSessionAndUser(sessionId) {
      const found = await sessionStore.get(em(), sessionId, kinds)
      if (!found) return [null, null]
      const { session, user, memberships } = found
      return [
        { id: session.id, userId: session.userId, expiresAt: session.expiresAt, attributes: { activeOrganizationId: session.activeOrganizationId, impersonatorUserId: session.impersonatorUserId } },
        { id: user.id, attributes: { email: user.email, name: user.name, locale: user.locale, memberships } },
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

export function createLucia(orm: MikroORM, options: { cookieName: string; secure: boolean; kinds: readonly OrganizationKind[] }) {
  return new Lucia(mikroOrmAdapter(orm, options.kinds), {
    sessionExpiresIn: new TimeSpan(30, 'd'),
    sessionCookie: { name: options.cookieName, attributes: { secure: options.secure, sameSite: 'lax' } },
    getSessionAttributes: (a) => a,
    getUserAttributes: (a) => a,
  })
}
export type AppLucia = ReturnType<typeof createLucia>
