import type { EntityManager } from '@mikro-orm/postgresql'
import { preparedRead } from '../db/prepared.ts'
import { AUDIENCE_TAGS_SQL } from '../offers/visibility.ts'
import type { OrganizationKind } from '../organizations/organization.entity.ts'
import { buyerCustomersCte } from '../pricing/pricing.constants.ts'
import { membershipsSql, type MembershipRow } from './memberships.ts'
import { Membership } from './membership.entity.ts'
import { Session } from './session.entity.ts'
import { hashToken } from './tokens.ts'

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
  /**
   * The session and its user; with `kinds`, also the user's memberships in organizations of
   * those kinds, with the audience tags of the session's company on its row (what
   * `resolveSignedIn` needs). One prepared statement: every signed-in request starts here.
   */
  async get(em: EntityManager, sessionId: string, kinds?: readonly OrganizationKind[]): Promise<{ session: StoredSession; user: { id: string; email: string; name: string; locale: string }; memberships?: MembershipRow[] } | null> {
    type Row = { user_id: string; expires_at: Date; active_organization_id: string | null; impersonator_user_id: string | null; email: string; name: string; locale: string; memberships?: MembershipRow[]; audience?: string[] }
    const hash = hashToken(sessionId)
    const sessionAndUser = `select s.user_id, s.expires_at, s.active_organization_id, s.impersonator_user_id, u.email, u.name, u.locale`
    const from = `from "session" s join app_user u on u.id = s.user_id where s.id_hash = ?`
    const [row] = kinds
      ? await preparedRead<Row>(
          em,
          `${buyerCustomersCte(`(select active_organization_id from "session" where id_hash = ?)`)}
           ${sessionAndUser},
             (select coalesce(json_agg(r order by r.position), '[]'::json) from (${membershipsSql('s.user_id')}) r) as memberships,
             (select coalesce(json_agg(t.tag order by t.tag), '[]'::json) from (${AUDIENCE_TAGS_SQL}) t) as audience
           ${from}`,
          [hash, kinds.join(','), hash],
        )
      : await preparedRead<Row>(em, `${sessionAndUser} ${from}`, [hash])
    if (!row) return null
    return {
      session: { id: sessionId, userId: row.user_id, expiresAt: new Date(row.expires_at), activeOrganizationId: row.active_organization_id, impersonatorUserId: row.impersonator_user_id },
      user: { id: row.user_id, email: row.email, name: row.name, locale: row.locale },
      ...(row.memberships ? { memberships: row.memberships.map((m) => ({ ...m, audience: m.organization_id === row.active_organization_id ? (row.audience ?? []) : null })) } : {}),
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
