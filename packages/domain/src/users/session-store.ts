import type { EntityManager } from '@mikro-orm/postgresql'
import { Membership } from './membership.entity.ts'
import { Session } from './session.entity.ts'
import { hashToken } from './tokens.ts'
import { User } from './user.entity.ts'

/**
 * Storage for login sessions, keyed by the SHA-256 of the cookie's id: a leaked table does not
 * give working cookies. Used by the session library's adapter in packages/auth.
 */
export interface StoredSession {
  id: string
  userId: string
  expiresAt: Date
  activeOrganizationId: string | null
  impersonatorUserId: string | null
}

export const sessionStore = {
  async get(em: EntityManager, sessionId: string): Promise<{ session: StoredSession; user: { id: string; email: string; name: string; locale: string } } | null> {
    const row = await em.findOne(Session, { idHash: hashToken(sessionId) })
    if (!row) return null
    const user = await em.findOne(User, { id: row.userId })
    if (!user) return null
    return {
      session: { id: sessionId, userId: row.userId, expiresAt: row.expiresAt, activeOrganizationId: row.activeOrganizationId ?? null, impersonatorUserId: row.impersonatorUserId ?? null },
      user: { id: user.id, email: user.email, name: user.name, locale: user.locale },
    }
  },
  async listForUser(em: EntityManager, userId: string): Promise<Omit<StoredSession, 'id'>[]> {
    const rows = await em.find(Session, { userId })
    return rows.map((r) => ({ userId: r.userId, expiresAt: r.expiresAt, activeOrganizationId: r.activeOrganizationId ?? null, impersonatorUserId: r.impersonatorUserId ?? null }))
  },
  async create(em: EntityManager, session: StoredSession): Promise<void> {
    await em.insert(Session, {
      idHash: hashToken(session.id),
      userId: session.userId,
      expiresAt: session.expiresAt,
      activeOrganizationId: session.activeOrganizationId,
      impersonatorUserId: session.impersonatorUserId,
      createdAt: new Date(),
    })
  },
  async updateExpiration(em: EntityManager, sessionId: string, expiresAt: Date): Promise<void> {
    await em.nativeUpdate(Session, { idHash: hashToken(sessionId) }, { expiresAt })
  },
  async delete(em: EntityManager, sessionId: string): Promise<void> {
    await em.nativeDelete(Session, { idHash: hashToken(sessionId) })
  },
  async deleteForUser(em: EntityManager, userId: string): Promise<void> {
    await em.nativeDelete(Session, { userId })
  },
  async deleteExpired(em: EntityManager): Promise<void> {
    await em.nativeDelete(Session, { expiresAt: { $lte: new Date() } })
  },
  /** Makes `organizationId` the session's active organization, if the user is a member of it. */
  async switchOrganization(em: EntityManager, sessionId: string, userId: string, organizationId: string): Promise<boolean> {
    if (!(await em.count(Membership, { userId, organizationId }))) return false
    await em.nativeUpdate(Session, { idHash: hashToken(sessionId), userId }, { activeOrganizationId: organizationId })
    return true
  },
}
