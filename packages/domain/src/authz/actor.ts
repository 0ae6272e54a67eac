import type { OrganizationKind, OrganizationStatus } from '../organizations/organization.entity.ts'
import type { Role } from '../users/roles.ts'

export interface ActiveMembership {
  readonly organizationId: string
  readonly organizationKind: OrganizationKind
  readonly organizationStatus: OrganizationStatus
  readonly organizationName: string
  readonly role: Role
  /**
   * The active companies below a buyer company (its children, theirs, ...), filled in for its
   * admins only: a parent's admins see and manage the children's people and spending.
   */
  readonly childOrganizationIds?: readonly string[]
  /** A buyer's chosen ship-to address ("near me"), when the actor was resolved with it. */
  readonly shipToId?: string | null
}

/** Who is asking: anonymous, or a user with (usually) an active organization and role. */
export interface Actor {
  readonly userId: string | null
  readonly membership: ActiveMembership | null
  /** The operator user acting as this user, when impersonating. */
  readonly impersonatorUserId: string | null
  /**
   * Whom offers may be meant for that this actor is one of (offers/visibility.ts): everyone's
   * audience, and its buyer company's customer relationships. Absent: everyone's only.
   */
  readonly audience?: readonly string[]
}

export const ANONYMOUS: Actor = Object.freeze({ userId: null, membership: null, impersonatorUserId: null })

export function isAnonymous(actor: Actor): boolean {
  return actor.userId === null
}
