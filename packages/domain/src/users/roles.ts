import type { OrganizationKind } from '../organizations/organization.constants.ts'

export const ROLES = ['admin', 'support', 'catalog_manager', 'sales', 'fulfillment', 'approver', 'buyer', 'viewer'] as const
export type Role = (typeof ROLES)[number]

/** Which roles a member of an organization of each kind may hold. */
export const ROLES_BY_KIND = {
  operator: ['admin', 'support'],
  manufacturer: ['admin', 'catalog_manager', 'sales', 'fulfillment'],
  distributor: ['admin', 'catalog_manager', 'sales', 'fulfillment'],
  buyer: ['admin', 'approver', 'buyer', 'viewer'],
} as const satisfies Record<OrganizationKind, readonly Role[]>

export function isRoleAllowed(kind: OrganizationKind, role: string): role is Role {
  return (ROLES_BY_KIND[kind] as readonly string[]).includes(role)
}
